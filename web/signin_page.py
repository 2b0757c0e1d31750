"""The sign-in page: NIP and password, in the people's language, no script, no asset.

It is the one page served without a session, so it stands alone: its style
is inline, and it loads nothing the session check would refuse.
"""

from __future__ import annotations

from html import escape

from web.texts import _, lang

STYLE = """
body { background: #0c181f; color: #e6edf0; font-family: sans-serif;
       display: flex; justify-content: center; align-items: center; min-height: 100vh; margin: 0; }
form { background: #14262f; padding: 2em; border-radius: 6px; width: 20em; }
h1 { font-size: 1.4em; margin-top: 0; }
label { display: block; margin-top: 1em; }
input { width: 100%; box-sizing: border-box; padding: 0.5em; margin-top: 0.3em; font-size: 1em; }
button { margin-top: 1.5em; padding: 0.6em 1.2em; font-size: 1em; }
.problem { background: #5c1f1f; padding: 0.6em; border-radius: 4px; }
"""


def render(problem: str | None = None, nip: str = "") -> str:
    """The page's HTML; ``problem`` says what went wrong with the last attempt."""
    shown = f'<p class="problem" role="alert">{escape(problem)}</p>' if problem else ""
    return f"""<!DOCTYPE html>
<html lang="{lang()}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(_("Kinerja: sign in"))}</title><style>{STYLE}</style></head>
<body><form method="post" action="/login">
<h1>{escape(_("Kinerja: sign in"))}</h1>
{shown}
<label for="nip">{escape(_("NIP"))}</label>
<input id="nip" name="nip" inputmode="numeric" autocomplete="username" required value="{escape(nip)}">
<label for="password">{escape(_("Password"))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{escape(_("Sign in"))}</button>
</form></body></html>
"""
