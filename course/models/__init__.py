"""Pure negotiation math, one module per concept. Nothing here imports widgets or the engine."""
