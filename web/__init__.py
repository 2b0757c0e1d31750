"""``kinerja-server web``: the terminal app in a browser, behind the server's sign-in.

textual-serve runs one app process per browser websocket but has no sign-in
of its own, so this package stands in front of it: a sign-in page checks the
NIP and password against the API (sync's own sign-in, which keeps the token
in a profile folder of that person, as ``kinerja login`` does), a session
cookie follows, and every other path is refused without it. The app then
runs as that person on their profile, offline-first as in a terminal.

It sits above server, sync, client and tui (it may import them all, as the
demo does); the server reaches it only as a separate process
(``python -m web``), never by import.
"""
