"""Before a session: the safety screen, the health check, the pain question, advice."""
