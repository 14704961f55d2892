"""The session screen: countdown, drawing, instructions, step list, help, voice commands."""
