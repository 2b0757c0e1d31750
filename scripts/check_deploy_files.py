"""Validate the systemd units and the nginx example in docs/deploy/.

    python scripts/check_deploy_files.py

- systemd: ``systemd-analyze verify`` on copies whose ``/opt/kinerja/venv``
  is this checkout's environment (verify wants the programs to exist);
  without systemd-analyze, a structural check: known sections, Key=Value
  lines, an absolute ExecStart.
- nginx: ``nginx -t`` (Debian: ``apt-get install nginx-light``) on the
  example wrapped in a minimal nginx.conf, with a throwaway self-signed
  certificate in place of the real one; without nginx, a structural check:
  balanced braces, every directive ended by ``;``, and the directives the
  server relies on (proxy_pass, a replaced X-Forwarded-For, the body limit).

Prints one line a file and exits 1 if any is wrong.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "docs" / "deploy"
INSTALLED = "/opt/kinerja/venv"
SECTIONS = {"Unit", "Service", "Timer", "Install"}
NGINX_NEEDS = (
    "proxy_pass http://kinerja;",
    "proxy_set_header X-Forwarded-For $remote_addr;",
    "client_max_body_size",
    "ssl_certificate ",
)


def unit_structure(text: str) -> list[str]:
    problems, section = [], None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            if section not in SECTIONS:
                problems.append(f"line {number}: unknown section [{section}]")
        elif section is None or "=" not in line:
            problems.append(f"line {number}: not Key=Value inside a section")
        elif line.startswith("ExecStart") and not line.split("=", 1)[1].lstrip("-@:+!").startswith(
            "/"
        ):
            problems.append(f"line {number}: ExecStart needs an absolute path")
    return problems


def check_units(folder: Path) -> list[str]:
    units = sorted(DEPLOY.glob("*.service")) + sorted(DEPLOY.glob("*.timer"))
    problems = []
    venv = Path(sys.prefix)
    for unit in units:
        text = unit.read_text()
        found = [f"{unit.name}: {p}" for p in unit_structure(text)]
        (folder / unit.name).write_text(text.replace(INSTALLED, str(venv)))
        problems += found
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print(f"systemd units: structural check only (no systemd-analyze): {len(units)} files")
        return problems
    done = subprocess.run(
        [analyze, "verify", *(str(folder / u.name) for u in units)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    # Outside a booted systemd (containers, CI) verify also reports what it cannot reach.
    ignored = (
        "Failed to connect to bus",
        "System has not been booted",
        "Failed to setup working directory",
    )
    errors = [
        line for line in done.stderr.splitlines()
        if line.strip() and not any(text in line for text in ignored)
    ]  # fmt: skip
    print(f"systemd units: systemd-analyze verify on {len(units)} files")
    return problems + errors


def nginx_structure(text: str) -> list[str]:
    body = re.sub(r"#.*", "", text)
    problems = [f"missing: {needed}" for needed in NGINX_NEEDS if needed not in body]
    depth = 0
    for number, line in enumerate(body.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        depth += line.count("{") - line.count("}")
        if depth < 0:
            problems.append(f"line {number}: '}}' without '{{'")
        if not line.endswith(("{", "}", ";")):
            problems.append(f"line {number}: a directive must end with ';'")
    if depth:
        problems.append("unbalanced braces")
    return problems


def check_nginx(folder: Path) -> list[str]:
    example = DEPLOY / "nginx-kinerja.conf"
    text = example.read_text()
    problems = [f"{example.name}: {p}" for p in nginx_structure(text)]
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if nginx is None:
        print("nginx example: structural check only (no nginx: apt-get install nginx-light)")
        return problems
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=kinerja.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = text.replace("/etc/ssl/kinerja/fullchain.pem", str(cert))
    site = site.replace("/etc/ssl/kinerja/privkey.pem", str(key))
    (folder / "kinerja.conf").write_text(site)
    (folder / "nginx.conf").write_text(
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\n    include {folder}/kinerja.conf;\n}}\n"
    )
    done = subprocess.run(
        [nginx, "-t", "-q", "-p", str(folder), "-c", str(folder / "nginx.conf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    print("nginx example: nginx -t")
    if done.returncode != 0:
        problems += [f"{example.name}: {line}" for line in done.stderr.splitlines() if line.strip()]
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kinerja-deploy-") as scratch:
        folder = Path(scratch)
        (folder / "units").mkdir()
        (folder / "nginx").mkdir()
        problems = check_units(folder / "units") + check_nginx(folder / "nginx")
    for problem in problems:
        print(f"WRONG {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
