"""The live workshop: Voila apps for a room of participants, and what they share.

- ``settings``: what the launcher tells the apps (store, bot style, facilitator code);
- ``play``: a participant's case in the arena, and the record of its outcome;
- ``room``: the room's results summarised for the debrief;
- ``server``: ``leverage workshop``, Voila with a hardened configuration.

Importing this package is light: Voila, SQLAlchemy and the widgets load only where used.
"""
