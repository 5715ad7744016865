import sys

from hallapp.cli import main

sys.exit(main())
