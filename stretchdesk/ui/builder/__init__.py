"""The routine builder: the exercises on offer, the routine's steps, one step's settings."""
