"""Run the command line as ``python -m kxplan.cli``."""

from kxplan.cli import main

if __name__ == "__main__":
    main()
