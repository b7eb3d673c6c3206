"""``python -m newsbrief``."""

from .cli import main

main()
