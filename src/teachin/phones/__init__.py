"""Phones in the room: a small web server on the local network that participants' own
browsers join (no install, no account, no internet). Qt-free; the GUI and ``teachin
serve`` talk to it through :class:`teachin.phones.server.PhoneServer`. The protocol, the
limits and the security rules are in ``docs/room.md``."""
