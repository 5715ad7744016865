"""Entry point of the desktop app (and of the frozen bundle): the core CLI with the Qt front end."""

import sys

from hallapp.cli import main
from ui.app import run

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], frontend=run))
