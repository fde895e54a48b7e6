"""`python -m build_hooks SITE_DIR`: finish a built site (see finish.py)."""

import sys

from .finish import main

sys.exit(main())
