"""The bundled program's entry point."""

import sys

from stretchdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
