"""Command line: `python -m observatory refresh|snapshot …` (see README)."""

from observatory.cli import main

raise SystemExit(main())
