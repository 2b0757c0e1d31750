"""What every screen and command talks to: no Textual here.

- ``client.services``: the signed-in person's profile (store, clock, sync button);
- ``client.records``: the records a screen shows, read once per refresh, and
  the read rules the areas share;
- one read model per area (``home``, ``plan``, ``progress``, ``feedback``,
  ``evaluation``, ``conflicts``, ``sync_status``);
- ``client.writes``: the one write path (validate, permission, store, sync);
- ``client.signin``: signing a profile in, through sync.signin;
- ``client.documents``: the official SKP, evaluation and recap as PDF, and
  spreadsheets; ``client.servicelog``: realisasi from a service's log.
"""
