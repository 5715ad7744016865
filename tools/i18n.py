"""Translations: extract strings (lupdate) and compile .qm files (lrelease).

    python tools/i18n.py update   # refresh resources/translations/*.ts from the sources
    python tools/i18n.py release  # compile .ts -> .qm (committed, loaded at start)
    python tools/i18n.py check    # exit 1 if a zh_CN string is untranslated or a .qm is stale

English is the source language; zh_CN is the default and must be complete.
"""

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the dev dependencies")
    return found


def sources() -> list[str]:
    files = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py") if not p.name.startswith("ui_")
    )
    files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui" / "forms").glob("*.ui"))
    files += sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "hallapp").rglob("*.py")
        if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8") and p.name != "i18n.py"
    )
    return files


def ts_path(language: str) -> Path:
    return TS_DIR / f"hallapp_{language}.ts"


def lupdate(target: Path, **kwargs) -> None:  # type: ignore[no-untyped-def]
    command = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(target)]
    subprocess.run(command, cwd=ROOT, check=True, **kwargs)


def update() -> None:
    for language in LANGUAGES:
        lupdate(ts_path(language))


def release(out_dir: Path = TS_DIR) -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                "-silent",
                str(ts_path(language)),
                "-qm",
                str(out_dir / f"hallapp_{language}.qm"),
            ],
            cwd=ROOT,
            check=True,
        )


def unfinished(language: str) -> list[str]:
    tree = ET.parse(ts_path(language))
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not (translation.text or "").strip()
        ):
            missing.append(message.findtext("source") or "")
    return missing


def check() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            fresh = Path(tmp) / f"hallapp_{language}.ts"
            shutil.copy(ts_path(language), fresh)
            lupdate(fresh, capture_output=True)
            if fresh.read_bytes() != ts_path(language).read_bytes():
                problems.append(f"{ts_path(language).name} is out of date: run python tools/i18n.py update")
            missing = unfinished(language)
            if missing:
                problems.append(f"{language}: {len(missing)} untranslated, e.g. {missing[:3]}")
        release(Path(tmp))
        for language in LANGUAGES:
            built = (Path(tmp) / f"hallapp_{language}.qm").read_bytes()
            if built != (TS_DIR / f"hallapp_{language}.qm").read_bytes():
                problems.append(f"hallapp_{language}.qm is stale: run python tools/i18n.py release")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    else:
        sys.exit(check())
