"""``python -m web``, what ``kinerja-server web`` becomes: checks, then serve.

``server.web_command`` declares the flags (and shows their help); here they
are read back and checked. Refusals speak Bahasa Indonesia unless
``KINERJA_LANG=en`` or ``LANG=en*``, in one line, with exit 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import ssl
import sys
from collections.abc import Sequence
from pathlib import Path

from server.config import server_home
from server.web_command import add_flags
from sync.signin import UnsafeServerUrl, check_server_url, server_url
from web.profiles import FOLDER_MODE, web_home
from web.texts import _


class Refused(Exception):
    """A flag that cannot work; the message says what to change."""


def build_parser() -> argparse.ArgumentParser:
    """The flags of ``kinerja-server web``, read back from the one place they are declared."""
    parser = argparse.ArgumentParser(prog="kinerja-server web")
    add_flags(parser)
    return parser


def _api_url(text: str) -> str:
    url = server_url(text)
    if url is None:
        raise Refused(
            _("{url} is not a server address; it should start with http:// or https://.").format(
                url=text
            )
        )
    try:
        check_server_url(url)
    except UnsafeServerUrl as unsafe:
        raise Refused(
            _(
                "{url} would carry the passwords unencrypted or in the address; "
                "give the central server's https:// address."
            ).format(url=unsafe.shown)
        ) from None
    return url


def _tls(certfile: Path | None, keyfile: Path | None) -> ssl.SSLContext | None:
    if certfile is None:
        if keyfile is not None:
            raise Refused(_("--keyfile needs --certfile."))
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(certfile, keyfile)
    except (OSError, ssl.SSLError) as error:
        raise Refused(
            _("Cannot use the certificate {file}: {reason}").format(file=certfile, reason=error)
        ) from None
    return context


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.umask(0o077)  # profiles, stores and tokens: the service user's alone
    try:
        if args.max_apps < 1:
            raise Refused(_("--max-apps must be at least 1."))
        api_url = _api_url(args.server)
        context = _tls(args.certfile, args.keyfile)
        root = web_home(server_home())
        root.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(root, FOLDER_MODE)
    except Refused as refused:
        print(f"kinerja-server web: {refused}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kinerja-server web: {error}", file=sys.stderr)
        return 1
    from web.service import KinerjaWeb  # textual-serve and aiohttp once the flags are good

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    service = KinerjaWeb(
        api_url=api_url,
        root=root,
        host=args.host,
        port=args.port,
        ssl_context=context,
        proxies=frozenset(a.strip() for a in args.forwarded_allow_ips.split(",") if a.strip()),
        max_apps=args.max_apps,
    )
    try:
        service.serve_until_stopped()
    except OSError as error:  # the port taken, the address not this machine's
        print(f"kinerja-server web: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
