"""The negotiation engine: alternating offers between bots, or between a person and a bot.

- ``domain``: what is negotiated (a price, or several issues) and each side's private
  preferences (utilities and reservation value, its BATNA);
- ``bots``: the course's counterparts (a time schedule blended with tit-for-tat, with a
  plausible opening, patience, a deadline of their own and a ``Memory`` of past
  encounters), NegMAS-compatible time-based bots and a learning bot, picked by name;
- ``protocol``: the alternating-offers protocol, one loop for bots and people;
- ``session``: a person's side, one move at a time, for widgets and apps;
- ``analysis``: what an outcome means (utilities, share of the ZOPA, Pareto and Nash);
- ``debrief``: what a person's moves did, measured by replaying the same bot;
- ``practice``: ready-made exercises (a buyer to sell to, a low-ball, meeting again);
- ``capstone``: a multi-issue table for a person against a bot, and its debrief;
- ``tournament``: every bot against every bot over many negotiations.

Bots see preferences, offers and their memory, never a module's scenario: a scenario or
a view turns its case into a ``Negotiation`` (``domain``). The engine imports the
models, never the widgets or the scenarios.
"""
