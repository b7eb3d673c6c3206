"""``python -m newsbrief``."""

from newsbrief.cli.app import main

main()
