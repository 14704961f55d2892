"""Sound and voice output for the session's cues (Qt). The rules of what to say and when
live in stretchdesk.session.cues."""
