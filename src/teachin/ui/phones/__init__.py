"""Phones in the room, on the facilitator's side: the network address, the server's
life, the projector's join panel and tally, and the help when phones cannot join."""
