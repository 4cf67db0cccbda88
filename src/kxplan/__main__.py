"""Run kxplan as ``python -m kxplan``."""

from kxplan.cli import main

if __name__ == "__main__":
    main()
