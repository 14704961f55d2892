"""Voice commands, offline and optional (``pip install 'stretchdesk[listen]'``): a few words
heard from the microphone during a session become the same commands as the media keys
(session/remote.py). No Qt. Audio is never stored or sent: it goes from the sound server
to the recogniser in memory, a tenth of a second at a time, and is dropped."""
