"""Allow ``python -m kg``."""

from kg.cli.app import main

main()
