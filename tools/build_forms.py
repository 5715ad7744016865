"""Compile ui/forms/*.ui into committed ui/forms/ui_*.py with pyside6-uic.

python tools/build_forms.py          # regenerate
python tools/build_forms.py --check  # exit 1 if a committed file differs (CI)
"""

import shutil
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent.parent / "ui" / "forms"


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install the dev dependencies")
    return found


def compiled(form: Path) -> str:
    out = subprocess.run(
        [uic(), "--no-autoconnection", str(form)], check=True, capture_output=True, text=True
    )
    lines = out.stdout.splitlines()
    # The header carries the uic version; keep it out so the file only changes when the form does.
    body = [
        line for line in lines if not line.startswith("## Created by: Qt User Interface Compiler version")
    ]
    return "\n".join(body) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for form in sorted(FORMS.glob("*.ui")):
        target = form.with_name(f"ui_{form.stem}.py")
        text = compiled(form)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("stale generated forms (run python tools/build_forms.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
