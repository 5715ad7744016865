#!/usr/bin/env python3
"""One entry point for people: installs what HallApp needs into .venv, then runs it.

    python3 dev.py demo          # standalone demo: local SQLite, embedded hall hub, demo data
    python3 dev.py test [ARGS]   # the whole test suite (pytest ARGS pass through)
    python3 dev.py setup         # only install or update .venv
    python3 dev.py hallapp ARGS  # any `hallapp` command inside the venv

Works on Linux, macOS and Windows (`py dev.py demo`); needs only Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".hallapp-installed"
INPUTS = (ROOT / "pyproject.toml", ROOT / "requirements" / "constraints.txt")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in INPUTS:
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must explain itself on an old Python
        raise SystemExit(f"HallApp needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not venv_python().exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == fingerprint():
        return
    print(
        "Installing HallApp and its pinned dependencies into .venv (first run takes a few minutes) …",
        flush=True,
    )
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    constraints = str(ROOT / "requirements" / "constraints.txt")
    subprocess.run([*pip, "-c", constraints, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(fingerprint())


def run(args: list[str], **env: str) -> int:
    environment = {**os.environ, **env}
    return subprocess.call([str(venv_python()), *args], cwd=ROOT, env=environment)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("demo", [])
    setup()
    if command == "setup":
        return 0
    if command == "demo":
        return run(["-m", "ui", "demo", *rest])
    if command == "test":
        return run(["-m", "pytest", *rest], QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if command == "hallapp":
        return run(["-m", "ui", *rest])
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
