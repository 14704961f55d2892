"""What comes after a session: the recovery and completion screens and the end of a session."""
