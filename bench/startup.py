"""Figure 3: start-up to a visible sign-in window, against a bare PySide6 hello.

``python -m ui run --db <db>`` with QT_QPA_PLATFORM=offscreen and HALLAPP_STARTUP_PROBE=1 prints
``login-visible <s>`` (seconds since ui.app.run started) once the sign-in window is shown, then
quits. The wall figure is Popen -> that line, so it includes the interpreter, every import,
opening + migrating the database and building the window. The first run is reported on its own
(the least warm: the OS may not have every library cached yet); the headline is the median of the
next ``runs``. The baseline is the same spawn of a bare QApplication + QLabel script.
"""

from pathlib import Path

from bench.common import Report, Target, child_env, median, progress, ratio
from bench.procs import qt_hello, spawn

PROBE_ENV = "HALLAPP_STARTUP_PROBE"  # ui.app.PROBE_ENV (not imported: keep Qt out of the runner)
MARKER = "login-visible"
STARTUP = Target(2.0, "≤2 s (issue #2)")


def run_startup(report: Report, db_path: Path, *, runs: int = 5) -> None:
    env = child_env(**{PROBE_ENV: "1"})
    args = ["-m", "ui", "run", "--db", str(db_path)]
    wall: list[float] = []
    inproc: list[float] = []
    for i in range(runs + 1):
        progress(f"startup: app run {i + 1}/{runs + 1}")
        run = spawn(args, marker=MARKER, env=env)
        wall.append(run.wall_s)
        inproc.append(float(run.marker or "nan"))
    hello: list[float] = []
    for i in range(runs + 1):
        progress(f"startup: qt hello run {i + 1}/{runs + 1}")
        hello.append(qt_hello().exit_wall_s)

    first, rest = wall[0], wall[1:]
    report.comment(
        f"startup_to_login: runs {', '.join(f'{w:.3f}' for w in wall)} s (first reported alone, "
        f"median of the other {runs}); in-process {', '.join(f'{w:.3f}' for w in inproc)} s"
    )
    report.comment(
        f"python_qt_hello: runs {', '.join(f'{w:.3f}' for w in hello)} s (median of the last {runs})"
    )
    report.figure("startup_to_login_first_s", first, "s")
    report.figure("startup_to_login_s", median(rest), "s", STARTUP)
    report.figure("startup_to_login_inprocess_s", median(inproc[1:]), "s")
    report.figure("python_qt_hello_s", median(hello[1:]), "s")
    report.figure("startup_to_login_overhead_ratio", ratio(median(rest), median(hello[1:])), "ratio")
