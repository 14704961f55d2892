"""Around the window: reminders, notifications, tray, one running copy, MPRIS, signals."""
