"""The command line: its parser and the commands that need no window."""
