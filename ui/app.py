"""Start-up and the sign-in → workspace → sign-out cycle of the desktop app."""

import logging
import os
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hallapp import APP_NAME, __version__
from hallapp.cli import FrontendOptions
from hallapp.domain.errors import DatabaseUnavailable
from hallapp.domain.records import Actor
from hallapp.paths import resources_dir
from hallapp.services.hall_core import HallCore
from ui import gc_guard
from ui.errors import message_for
from ui.login.login_window import LoginWindow
from ui.ops import CoreOps
from ui.resources import install_language, load_fonts, load_theme, save_language, saved_language
from ui.shell.workspace_window import WorkspaceWindow

log = logging.getLogger(__name__)
PROBE_ENV = "HALLAPP_STARTUP_PROBE"  # bench: print when the sign-in window is visible, then quit


def setup_logging() -> None:
    """Details go to a rotating log file in the data folder (users see one sentence, never a trace)."""
    from logging.handlers import RotatingFileHandler

    from hallapp.paths import data_home

    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    root.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder = data_home() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            folder / "hallapp.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    root.addHandler(handler)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "hall.png")))
    gc_guard.install(app)
    load_fonts(app)
    load_theme(app)
    install_language(app, saved_language())
    return app  # type: ignore[return-value]


class AppController(QObject):
    """Owns the core and the windows; one workspace at a time."""

    def __init__(self, core: HallCore, options: FrontendOptions) -> None:
        super().__init__()
        self.options = options
        self.ops = CoreOps(core, self)
        self.hall_name = core.reference.hall_name()
        self.login: LoginWindow | None = None
        self.workspace: WorkspaceWindow | None = None
        self._show_login()

    def _show_login(self) -> None:
        self.login = LoginWindow(
            self.ops, hall_name=self.hall_name, demo=self.options.demo, language=saved_language()
        )
        self.login.sig_signed_in.connect(self._on_signed_in)
        self.login.sig_language_chosen.connect(self._on_language_chosen)
        self.login.resize(1366, 768)
        self.login.showMaximized() if not self.options.smoke else self.login.show()

    def _on_language_chosen(self, language: str) -> None:
        save_language(language)
        install_language(QApplication.instance(), language)
        old = self.login
        self._show_login()
        if old is not None:
            old.close()
            old.deleteLater()

    def _on_signed_in(self, actor: Actor) -> None:
        self.ops.run(
            lambda core: core.settings.get("security.idle_lock_minutes"),
            on_success=lambda minutes: self._open_workspace(actor, minutes),
        )

    def _open_workspace(self, actor: Actor, idle_minutes: int) -> None:
        self.workspace = WorkspaceWindow(
            self.ops,
            actor,
            hall_name=self.hall_name,
            device_code=self.ops.core.device.device_code,
            idle_minutes=idle_minutes,
        )
        self.workspace.sig_signed_out.connect(self._on_signed_out)
        self.workspace.resize(1366, 768)
        self.workspace.showMaximized() if not self.options.smoke else self.workspace.show()
        if self.login is not None:
            self.login.hide()

    def _on_signed_out(self) -> None:
        self.workspace = None
        if self.login is not None:
            self.login.reset()
            self.login.showMaximized()


def open_core(options: FrontendOptions) -> HallCore | None:
    try:
        core = HallCore.open(options.db_path)
        core.use_hall_hub()
        return core
    except DatabaseUnavailable as exc:
        log.error("database unavailable: %s (%s)", exc.params, options.db_path)
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message_for(exc))
        box.setInformativeText(str(options.db_path))
        if not options.smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            box.exec()
        return None


def run(options: FrontendOptions) -> int:
    """The front end the `hallapp` command starts (FrontendOptions come from hallapp.cli)."""
    started = time.perf_counter()
    setup_logging()
    app = make_application()
    core = open_core(options)
    if core is None:
        return 3
    controller = AppController(core, options)
    app.aboutToQuit.connect(controller.ops.shutdown)
    if os.environ.get(PROBE_ENV):
        QTimer.singleShot(0, lambda: _probe(app, started))
    elif options.smoke:
        QTimer.singleShot(0, lambda: _smoke(controller))
    return app.exec()


def _probe(app: QApplication, started: float) -> None:
    QGuiApplication.processEvents()
    print(f"login-visible {time.perf_counter() - started:.3f}", flush=True)
    app.quit()


SMOKE_STAFF = ("C001", "G001", "S001", "A001")  # one of each role: every page class gets built


def _smoke(controller: AppController) -> None:
    """Sign in as each demo role in turn, check its workspace paints, and quit (0 = all good)."""
    from hallapp.demo.reference import DEMO_PASSWORD

    app = QApplication.instance()
    remaining = list(SMOKE_STAFF)

    def fail(why: str) -> None:
        print(f"smoke FAILED: {why}", flush=True)
        app.exit(1)

    def next_role() -> None:
        if not remaining:
            print("smoke ok", flush=True)
            app.exit(0)
            return
        staff_no = remaining.pop(0)
        controller.ops.run(
            lambda core: core.auth.login(staff_no, DEMO_PASSWORD),
            on_success=signed_in,
            on_failure=lambda exc: fail(f"{staff_no}: {exc!r}"),
        )

    def signed_in(actor: Actor) -> None:
        controller._on_signed_in(actor)
        QTimer.singleShot(300, check)

    def check() -> None:
        window = controller.workspace
        if window is None or window.grab().isNull():
            fail("no workspace")
            return
        window.sig_signed_out.connect(next_role)
        window.sign_out()  # the real path: the sign-in window comes back, so the app keeps running

    next_role()
