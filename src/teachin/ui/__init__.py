"""The Qt widgets: they show core objects and send the user's intent back."""

from teachin.none_refcount import keep_none_alive

keep_none_alive()
