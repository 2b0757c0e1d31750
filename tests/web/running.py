"""``kinerja-server web`` started for real, as an operator starts it, on a free port.

``WebProcess.start(folder, api_url, *flags)`` runs ``python -m server.cli web``
(which execs into ``python -m web``) with ``KINERJA_SERVER_HOME=folder`` and
waits until the sign-in page answers (over https with ``cafile``, the
certificate to trust); ``stop()`` ends it and the app processes it started.
"""

from __future__ import annotations

import os
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.live_server import ROOT, _free_port

START_TIMEOUT = 60.0


class WebProcess:
    def __init__(
        self,
        folder: Path,
        process: subprocess.Popen[bytes],
        port: int,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.folder = folder
        self.process = process
        self.port = port
        self.verify = verify
        scheme = "http" if verify is True else "https"
        self.url = f"{scheme}://127.0.0.1:{port}"
        self.log_path = folder / "web.log"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=self.verify, timeout=60)

    @classmethod
    def start(
        cls, folder: Path, api_url: str, *flags: str, cafile: Path | None = None
    ) -> WebProcess:
        folder.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        env = {**os.environ, "KINERJA_SERVER_HOME": str(folder)}
        env.pop("KINERJA_HOME", None)
        env.pop("KINERJA_LANG", None)
        command = [sys.executable, "-m", "server.cli", "web"]
        command += ["--port", str(port), "--server", api_url, *flags]
        with (folder / "web.log").open("ab") as log:
            # its own process group: stop() reaches the app processes it starts too
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        verify = True if cafile is None else ssl.create_default_context(cafile=str(cafile))
        served = cls(folder, process, port, verify)
        served._wait_until_up()
        return served

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"web exited: {self.log_path.read_text(errors='replace')}")
            try:
                answer = httpx.get(f"{self.url}/login", timeout=1, verify=self.verify)
                if answer.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the web service did not answer in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
