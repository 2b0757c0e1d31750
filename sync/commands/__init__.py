"""The ``kinerja`` subcommands that drive the sync: login, logout, sync, status, export.

Each module offers ``HELP`` (an English msgid of the ``cli`` gettext domain),
``add_arguments(parser)`` and ``run(args) -> int``, and imports httpx and the
store only inside ``run``, because ``kinerja --help`` imports them all.
"""
