"""ipywidgets views: each wires widgets to a model and shows the result. No math here."""
