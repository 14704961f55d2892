"""The routine list: cards, adding and removing routines, the folder, the exercise sheet."""
