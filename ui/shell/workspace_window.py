"""The main window of a role: header, navigation, pages, function-key strip, status bar, lock."""

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.enums import Role
from hallapp.domain.hall_time import hall_now
from hallapp.domain.records import Actor
from hallapp.paths import resources_dir
from ui.ops import CoreOps
from ui.ops.auth import note_lock, sign_out
from ui.shell.fkeys import FKEYS, FKeyStrip
from ui.shell.idle_watcher import IdleWatcher
from ui.shell.lock_overlay import LockOverlay
from ui.shell.roles import pages_for, workspace_title
from ui.shell.status_line import StatusLine
from ui.widgets.formatting import label
from ui.widgets.labels import styled
from ui.widgets.page import WorkspacePage

NAV_WIDTH = 210
ALWAYS_KEYS = {"F12"}
QUEUE_KEYS = {"F1", "F2", "F3", "F7"}  # the clerk's queue keys work on every page


class WorkspaceWindow(QMainWindow):
    sig_signed_out = Signal()

    def __init__(
        self, ops: CoreOps, actor: Actor, *, hall_name: str, device_code: str, idle_minutes: int
    ) -> None:
        super().__init__()
        self.ops = ops
        self.actor = actor
        self._signing_out = False
        # Qt deletes the window when it closes; Python's collector never has to (see ui/gc_guard.py).
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("HallApp - {workspace}").format(workspace=workspace_title(actor.role)))
        self.setMinimumSize(QSize(1280, 720))
        self.specs = pages_for(actor.role)
        self.pages: dict[str, WorkspacePage] = {}
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._header(hall_name))
        self.serving_bar = self._serving_bar(ops, actor)
        if self.serving_bar is not None:
            column.addWidget(self.serving_bar)
        body = QHBoxLayout()
        body.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stack = QStackedWidget()
        for spec in self.specs:
            self.nav.addItem(QListWidgetItem(_icon(spec.icon), spec.title))
            page = spec.factory(ops, actor)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        column.addLayout(body, 1)
        self.fkey_strip = FKeyStrip()
        column.addWidget(self.fkey_strip)
        self.setCentralWidget(central)
        self.status_line = StatusLine(
            self.statusBar(), ops, actor, hall_name=hall_name, device_code=device_code
        )
        self.lock_overlay = LockOverlay(ops, actor, central)
        self.lock_overlay.hide()
        self.lock_overlay.sig_unlocked.connect(self._on_unlocked)
        self.lock_overlay.sig_switch_user.connect(self.sign_out)
        self.idle = IdleWatcher(idle_minutes, self)
        self.idle.sig_idle_timeout.connect(self._on_idle_timeout)
        self.nav.currentRowChanged.connect(self._on_nav_changed)
        self._install_shortcuts()
        self.nav.setCurrentRow(0)

    @property
    def locked(self) -> bool:
        return self.lock_overlay.isVisible()

    def current_page(self) -> WorkspacePage:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def show_page(self, key: str) -> WorkspacePage:
        index = [s.key for s in self.specs].index(key)
        self.nav.setCurrentRow(index)
        return self.pages[key]

    def _serving_bar(self, ops: CoreOps, actor: Actor):  # type: ignore[no-untyped-def]
        """Clerks see the customer at their window above every page (UI_GUIDE)."""
        if actor.role is not Role.CLERK:
            return None
        from ui.counter.serving_bar import ServingBar

        bar = ServingBar(ops, actor)
        bar.sig_open_account.connect(self._open_account)
        bar.sig_find_phone.connect(self._find_phone)
        return bar

    def _open_account(self, account_no: str) -> None:
        if "payments" in self.pages and not self.locked:
            self.show_page("payments").open_account_no(account_no)

    def _find_phone(self, phone: str) -> None:
        if "accounts" in self.pages and not self.locked:
            page = self.show_page("accounts")
            page.query.setText(phone)
            page.search()

    def _header(self, hall_name: str) -> QWidget:
        header = QWidget()
        header.setObjectName("HeaderBar")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(header)
        row.setContentsMargins(14, 8, 14, 8)
        logo = QLabel()
        logo.setPixmap(
            QPixmap(str(resources_dir() / "icons" / "hall.png")).scaled(
                34, 34, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        brand = styled(self.tr("Business Hall Counter System"), "brand")
        hall = QLabel(f"{hall_name} · {workspace_title(self.actor.role)}")
        hall.setProperty("role", "muted")
        self.clock = QLabel()
        self.clock.setProperty("role", "muted")
        user = QLabel(f"{self.actor.name}（{self.actor.staff_no}）· {label(self.actor.role)}")
        lock = QToolButton()
        lock.setText(self.tr("Lock (F12)"))
        lock.setIcon(_icon("lock", "light"))
        lock.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        lock.clicked.connect(self._on_lock_clicked)
        printers = QToolButton()
        printers.setText(self.tr("Printers"))
        printers.setIcon(_icon("printer", "light"))
        printers.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        printers.clicked.connect(self._edit_printers)
        out = QToolButton()
        out.setText(self.tr("Sign out"))
        out.setIcon(_icon("logout", "light"))
        out.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        out.clicked.connect(self.sign_out)
        for widget in (logo, brand, hall):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.clock, user, printers, lock, out):
            row.addWidget(widget)
        self._tick()
        timer = QTimer(self)
        timer.timeout.connect(self._tick)
        timer.start(1000)
        return header

    def _edit_printers(self) -> None:
        from ui.printing import edit_printer_settings

        if edit_printer_settings(self):
            self.status_line.refresh()

    def _tick(self) -> None:
        self.clock.setText(hall_now().strftime("%Y-%m-%d %H:%M:%S"))

    def _install_shortcuts(self) -> None:
        for key in FKEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setObjectName(key)
            shortcut.activated.connect(self._on_shortcut)
        for number in range(1, len(self.specs) + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setObjectName(f"page:{number - 1}")
            shortcut.activated.connect(self._on_shortcut)

    def _on_shortcut(self) -> None:
        name = self.sender().objectName()
        if name.startswith("page:"):
            if not self.locked:
                self.nav.setCurrentRow(int(name.removeprefix("page:")))
            return
        self._on_fkey(name)

    def _on_idle_timeout(self) -> None:
        self.lock("idle")

    def _on_lock_clicked(self) -> None:
        self.lock("manual")

    def _on_fkey(self, key: str) -> None:
        if self.locked:
            return
        if key == "F12":
            self.lock("manual")
        elif key == "Esc":
            self.current_page().handle_escape()
        elif key in QUEUE_KEYS and self.serving_bar is not None:
            self.serving_bar.handle_fkey(key)
        elif key == "F4" and "accounts" in self.pages:
            self.show_page("accounts").handle_fkey("F4")
        elif key == "F6" and "applications" in self.pages:
            self.show_page("applications").handle_fkey("F6")
        elif key == "F5" and "payments" in self.pages:
            account_no = self.current_page().current_account_no()  # the account open here, if any
            page = self.show_page("payments")
            if account_no:
                page.open_account_no(account_no)
            else:
                page.handle_fkey("F4")
        else:
            self.current_page().handle_fkey(key)

    def _on_nav_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.current_page()
        available = set(page.fkeys) | ALWAYS_KEYS
        if "accounts" in self.pages:
            available.add("F4")
        if "payments" in self.pages:
            available.add("F5")
        if "applications" in self.pages:
            available.add("F6")
        if self.serving_bar is not None:
            available |= QUEUE_KEYS
        self.fkey_strip.set_available(available)
        page.activate()

    def lock(self, reason: str) -> None:
        if self.locked or self._signing_out:
            return
        self.idle.pause()
        note_lock(self.ops, actor=self.actor, reason=reason)
        self.lock_overlay.show_over(self.centralWidget())

    def _on_unlocked(self) -> None:
        self.idle.resume()
        self.current_page().setFocus()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self.locked:
            self.lock_overlay.setGeometry(self.centralWidget().rect())

    def sign_out(self) -> None:
        if self._signing_out:
            return
        self._signing_out = True
        self.idle.stop()
        sign_out(self.ops, actor=self.actor, owner=self, on_done=self._finish_sign_out)

    def _finish_sign_out(self, _result: object = None) -> None:
        self.sig_signed_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.serving_bar is not None:
            self.serving_bar.shutdown()
        if not self._signing_out:
            self._signing_out = True
            self.idle.stop()
            sign_out(self.ops, actor=self.actor)
        super().closeEvent(event)


def _icon(name: str, variant: str = "accent"):  # type: ignore[no-untyped-def]
    from ui.resources import icon

    return icon(name, variant)
