"""Allow ``python -m stretchdesk``."""

import sys

from stretchdesk.app import main

sys.exit(main())
