"""The scenario player window and its parts (see ``player_window.PlayerWindow``)."""
