"""What a run means, told in words: the player's plain-language words, one description
of a run (what each round did and how the run ended), and the room's screens. Qt-free:
every view (the player, the projector, the PDF, the debrief board) renders from here."""
