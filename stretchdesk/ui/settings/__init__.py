"""The Settings screen and its reminders section."""
