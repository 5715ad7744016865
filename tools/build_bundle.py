"""Build the PyInstaller bundle (installer.spec) and smoke-test it.

    python tools/build_bundle.py               # build dist/hallapp/, then smoke it
    python tools/build_bundle.py --skip-build  # only smoke the existing dist/hallapp/

Steps: `pyinstaller --noconfirm --clean installer.spec` (work files in build/, the bundle in dist/hallapp/),
a check that both executables and the bundled resources/ and migrations/ are there,
`hallapp-debug --version`, then `hallapp-debug --smoke` offscreen with a throw-away HALLAPP_HOME (it builds a
demo database, migrates it, signs in and paints the workspace; it must print `smoke ok` and exit 0).
Prints the bundle size and the time taken; exits 1 with a message on any failure. Used by CI; see
docs/packaging.md.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer.spec"
BUILD_DIR = ROOT / "build"
DIST_DIR = ROOT / "dist"
BUNDLE = DIST_DIR / "hallapp"
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
GUI_EXE = BUNDLE / f"hallapp{EXE_SUFFIX}"
DEBUG_EXE = BUNDLE / f"hallapp-debug{EXE_SUFFIX}"
INTERNAL = BUNDLE / "_internal"  # PyInstaller 6's contents directory (sys._MEIPASS)

BUILD_TIMEOUT = 1800  # s; the build takes well under a minute on a 2-core Linux box
VERSION_TIMEOUT = 60  # s
SMOKE_TIMEOUT = 120  # s; the smoke itself takes ~2 s
MIB = 1024 * 1024


class Failure(Exception):
    """A step failed; the message says which and why."""


def app_version() -> str:
    """hallapp.__version__, read without importing hallapp (this script may run outside the venv)."""
    text = (ROOT / "hallapp" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise Failure("no __version__ in hallapp/__init__.py")
    return match.group(1)


def build_python() -> Path:
    """The interpreter to run PyInstaller with: the repository's .venv if there is one, else this one (CI)."""
    venv = ROOT / ".venv"
    candidate = venv / "Scripts" / "python.exe" if os.name == "nt" else venv / "bin" / "python"
    return candidate if candidate.exists() else Path(sys.executable)


def tail(text: str, lines: int = 40) -> str:
    kept = text.strip().splitlines()[-lines:]
    return "\n".join("    " + line for line in kept) if kept else "    (nothing)"


def run(cmd: list[str], *, timeout: int, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            cmd,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode("utf-8", "replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        raise Failure(
            f"{Path(cmd[0]).name} {' '.join(cmd[1:])}: no exit after {timeout} s (killed)\n"
            f"  stdout:\n{tail(out)}\n  stderr:\n{tail(err)}"
        ) from exc
    except OSError as exc:
        raise Failure(f"cannot run {cmd[0]}: {exc}") from exc


def build() -> float:
    python = build_python()
    probe = run([str(python), "-c", "import PyInstaller; print(PyInstaller.__version__)"], timeout=60)
    if probe.returncode != 0:
        raise Failure(f"PyInstaller is not installed for {python}: pip install -e .[dev]")
    print(f"building with {python} (PyInstaller {probe.stdout.strip()}) ...", flush=True)
    started = time.perf_counter()
    result = run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST_DIR),
            "--workpath",
            str(BUILD_DIR),
            str(SPEC),
        ],
        timeout=BUILD_TIMEOUT,
    )
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise Failure(f"pyinstaller exited {result.returncode} after {took:.0f} s\n{tail(result.stderr, 60)}")
    warnings = [line for line in result.stderr.splitlines() if " WARNING: " in line]
    print(
        f"build: {took:.1f} s, {len(warnings)} PyInstaller warnings (see build/installer/warn-installer.txt)"
    )
    return took


def check_layout() -> None:
    expected = [
        GUI_EXE,
        DEBUG_EXE,
        INTERNAL / "resources" / "theme" / "hallapp.qss",
        INTERNAL / "resources" / "fonts" / "wqy-zenhei-subset.ttf",
        INTERNAL / "resources" / "icons" / "hall.png",
        INTERNAL / "resources" / "translations" / "hallapp_zh_CN.qm",
        INTERNAL / "migrations" / "env.py",
    ]
    missing = [str(path.relative_to(ROOT)) for path in expected if not path.is_file()]
    if not any((INTERNAL / "migrations" / "versions").glob("*.py")):
        missing.append("dist/hallapp/_internal/migrations/versions/*.py")
    if missing:
        raise Failure("the bundle is incomplete; missing:\n" + "\n".join(f"    {m}" for m in missing))


def check_version(version: str) -> None:
    result = run([str(DEBUG_EXE), "--version"], timeout=VERSION_TIMEOUT)
    expected = f"HallApp {version}"
    if result.returncode != 0 or expected not in result.stdout:
        raise Failure(
            f"hallapp-debug --version: exit {result.returncode}, expected {expected!r}\n"
            f"  stdout:\n{tail(result.stdout)}\n  stderr:\n{tail(result.stderr)}"
        )
    print(f"version: {result.stdout.strip()}")


def smoke() -> float:
    with tempfile.TemporaryDirectory(prefix="hallapp-bundle-smoke-") as tmp:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["HALLAPP_HOME"] = str(Path(tmp) / "home")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # QSettings on Linux; Windows uses the registry
        env.pop("HALLAPP_STARTUP_PROBE", None)  # would make the app quit before the smoke runs
        started = time.perf_counter()
        result = run([str(DEBUG_EXE), "--smoke"], timeout=SMOKE_TIMEOUT, env=env)
        took = time.perf_counter() - started
        # ui/app.py logs to a file in the data folder, not to the console
        log_file = Path(env["HALLAPP_HOME"]) / "logs" / "hallapp.log"
        log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.is_file() else ""
    if result.returncode != 0 or "smoke ok" not in result.stdout:
        said = "printed 'smoke ok'" if "smoke ok" in result.stdout else "did not print 'smoke ok'"
        raise Failure(
            f"hallapp-debug --smoke: exit {result.returncode} after {took:.1f} s, {said}\n"
            f"  stdout:\n{tail(result.stdout)}\n  stderr:\n{tail(result.stderr)}\n  log:\n{tail(log)}"
        )
    print(f"smoke: {result.stdout.strip()} ({took:.1f} s)")
    if "Traceback" in result.stderr or "Traceback" in log:
        print(
            f"warning: the smoke passed but a traceback was printed or logged:\n{tail(result.stderr + log)}"
        )
    return took


def bundle_size() -> tuple[int, int]:
    """(bytes, files) of dist/hallapp, symlinks not counted twice (what `du` and an installer see)."""
    total = files = 0
    for path in BUNDLE.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def biggest(limit: int = 8) -> list[tuple[int, str]]:
    sizes = []
    for entry in INTERNAL.iterdir():
        paths = [entry] if entry.is_file() else entry.rglob("*")
        size = sum(p.stat().st_size for p in paths if p.is_file() and not p.is_symlink())
        sizes.append((size, entry.name))
    return sorted(sizes, reverse=True)[:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="smoke the existing dist/hallapp only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        version = app_version()
        if not args.skip_build:
            build()
        elif not BUNDLE.is_dir():
            raise Failure(f"--skip-build, but there is no {BUNDLE.relative_to(ROOT)}: build it first")
        check_layout()
        check_version(version)
        smoke()
    except Failure as exc:
        print(f"build_bundle: FAILED: {exc}", file=sys.stderr)
        return 1
    size, files = bundle_size()
    print(f"bundle: {BUNDLE.relative_to(ROOT)}  {size / MIB:.1f} MiB ({size / 1e6:.1f} MB) in {files} files")
    for item_size, name in biggest():
        print(f"    {item_size / MIB:7.1f} MiB  _internal/{name}")
    print(f"build_bundle: OK in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
