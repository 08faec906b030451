"""Workshop content: modules, slides, the glossary and the staircase (no Qt here)."""
