"""The Qt widgets: they show core objects and send the user's intent back."""
