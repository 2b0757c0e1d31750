"""``kinerja demo``: the whole product on sample data, on this machine alone.

The one package besides server/ that imports the server: it runs one on
loopback, fills it over the real protocol and signs its sample people in
through the real sign-in, as an office's clients would.
"""
