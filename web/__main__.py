"""``python -m web``: what ``kinerja-server web`` runs (see web.cli)."""

import sys

from web.cli import main

sys.exit(main())
