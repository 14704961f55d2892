"""Qt widgets. They draw and forward; every rule lives in the engine."""
