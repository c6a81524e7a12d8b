"""Entry point for `python -m fravaer_desktop`."""

import sys

from fravaer_desktop.app import main

sys.exit(main())
