"""`python -m helpers train|evaluate|predict` (see helpers.cli)."""

import sys

from helpers.cli import main

sys.exit(main())
