"""``python -m lco_kit`` runs the ``lco-kit`` command."""

from lco_kit.cli import main

raise SystemExit(main())
