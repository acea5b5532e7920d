"""The negotiation engine: alternating offers between bots, or between a person and a bot.

- ``domain``: what is negotiated (a price, or several issues) and each side's private
  preferences (utilities and reservation value, its BATNA);
- ``bots``: the tactics (time-dependent, tit-for-tat, a learner) and the personalities
  a facilitator picks by name;
- ``protocol``: the alternating-offers protocol, one loop for bots and people;
- ``session``: a person's side, one move at a time, for widgets and apps;
- ``analysis``: what an outcome means (utilities, share of the ZOPA, Pareto and Nash);
- ``tournament``: every bot against every bot over many negotiations.

The engine imports the models, never the widgets.
"""
