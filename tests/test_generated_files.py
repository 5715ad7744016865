"""Generated files are never edited by hand: compiled forms and translations match their sources."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], check=False, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_compiled_forms_match_their_ui_files() -> None:
    result = run_tool("tools/build_forms.py", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_are_complete_and_compiled() -> None:
    result = run_tool("tools/i18n.py", "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_ui_module_imports() -> None:
    """Pages are imported lazily by the shell; a broken import must not wait for a user to click."""
    code = (
        "import importlib, pkgutil, ui\n"
        "names = [m.name for m in pkgutil.walk_packages(ui.__path__, 'ui.')]\n"
        "[importlib.import_module(n) for n in names]\n"
        "print(len(names))"
    )
    result = run_tool("-c", code)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 30
