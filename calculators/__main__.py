"""`python -m calculators`: the command line (see calculators/cli.py)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m calculators"))
