"""``python -m newstrail`` runs the command line."""

from .cli import main

main()
