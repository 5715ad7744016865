"""The admin page 中心服务器: halls, enrolment codes, devices and operators on the central server.

The server address comes from the setting ``sync.server_url`` (or where this PC enrolled) and can
be changed here for the session; the admin token is typed once and kept in the OS keyring by the
service, for that address. Every call waits on the server, so it runs on the network lane; when
the server cannot be reached the page says so in one sentence and the tabs wait for Connect.
"""

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from hallapp.services.central_admin_service import MAX_TOKEN, CentralConnection
from hallapp.sync.admin_client import CentralHall
from ui.admin.central_codes_tab import CentralCodesTab
from ui.admin.central_devices_tab import CentralDevicesTab
from ui.admin.central_form import FormErrors
from ui.admin.central_halls_tab import CentralHallsTab
from ui.admin.central_operators_tab import CentralOperatorsTab
from ui.admin.central_ops import CentralLink
from ui.admin.central_report_tab import CentralReportTab
from ui.widgets.labels import say, styled
from ui.widgets.page import WorkspacePage


class CentralAdminPage(WorkspacePage):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.connected = False
        self.has_token = False
        self.server = QLineEdit()
        self.server.setMaxLength(200)
        self.server.setPlaceholderText("http://192.168.1.10:8765")
        self.link = CentralLink(ops, actor, self.server.text)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setMaxLength(MAX_TOKEN * 2)
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setProperty("role", "primary")
        self.forget_button = QPushButton(self.tr("&Forget token"))
        self.status = styled("", "muted", wrap=True)
        self.errors = FormErrors({"server_url": self.server, "token": self.token}, self.status)
        self.halls_tab = CentralHallsTab(self.link)
        self.codes_tab = CentralCodesTab(self.link)
        self.devices_tab = CentralDevicesTab(self.link)
        self.operators_tab = CentralOperatorsTab(self.link)
        self.report_tab = CentralReportTab(self.link)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.halls_tab, self.tr("&Halls"))
        self.tabs.addTab(self.codes_tab, self.tr("&Enrolment codes"))
        self.tabs.addTab(self.devices_tab, self.tr("&Devices"))
        self.tabs.addTab(self.operators_tab, self.tr("&Operators"))
        self.tabs.addTab(self.report_tab, self.tr("&Report"))
        self.tabs.setEnabled(False)
        self._layout()
        self.connect_button.clicked.connect(self.connect_to_server)
        self.forget_button.clicked.connect(self.forget_token)
        self.server.returnPressed.connect(self.connect_to_server)
        self.token.returnPressed.connect(self.connect_to_server)
        self.server.textEdited.connect(self._on_server_edited)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.halls_tab.sig_halls_changed.connect(self.reload_halls)
        self._show_token_state()
        self.link.load_connection(owner=self, on_success=self._connection_loaded, on_failure=self._failed)

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (caption, name) in enumerate(
            ((self.tr("Server &address:"), "server_url"), (self.tr("Admin to&ken:"), "token"))
        ):
            label = QLabel(caption)
            label.setBuddy(self.errors.fields[name])
            grid.addWidget(label, row * 2, 0)
            grid.addWidget(self.errors.fields[name], row * 2, 1)
            grid.addWidget(self.errors.labels[name], row * 2 + 1, 1)
        grid.addWidget(self.connect_button, 0, 2)
        grid.addWidget(self.forget_button, 2, 2)
        grid.addWidget(self.status, 4, 0, 1, 3)
        card = QFrame()
        card.setProperty("role", "card")
        card.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(styled(self.tr("Central server"), "page-title"))
        layout.addWidget(
            styled(
                self.tr(
                    "Halls, their PCs and their operators are managed on the central server. A change "
                    "applies there at once; a hall's PCs receive operators with their next sync."
                ),
                "muted",
                wrap=True,
            )
        )
        layout.addWidget(card)
        layout.addWidget(self.tabs, 1)

    def activate(self) -> None:
        if self.connected:
            self.reload_halls()

    def _connection_loaded(self, connection: CentralConnection) -> None:
        self.server.setText(connection.server_url)
        self.has_token = connection.has_token
        self._show_token_state()
        if not connection.server_url:
            say(
                self.status,
                self.tr("Enter the central server's address and the admin token, then press Connect."),
                ok=True,
            )
            self.server.setFocus()
        elif connection.has_token:
            self.reload_halls()
        else:
            say(
                self.status, self.tr("Enter the admin token made on the server, then press Connect."), ok=True
            )
            self.token.setFocus()

    def _show_token_state(self) -> None:
        self.token.setPlaceholderText(
            self.tr("Kept in this PC's keyring; enter a new one to replace it")
            if self.has_token
            else self.tr("Paste the token printed by hallapp central admin-token")
        )
        self.forget_button.setEnabled(self.has_token)

    def connect_to_server(self) -> None:
        """A typed token is tried and kept; with none typed, the kept one is used."""
        self.errors.clear()
        say(self.status, self.tr("Connecting…"), ok=True)
        if self.token.text():
            self.link.run(
                "sign_in", self.token.text(), owner=self, on_success=self._signed_in, on_failure=self._failed
            )
        else:
            self.reload_halls()

    def _signed_in(self, halls: list[CentralHall]) -> None:
        self.token.clear()
        self.has_token = True
        self._show_token_state()
        self._halls_loaded(halls)

    def reload_halls(self) -> None:
        self.link.run("halls", owner=self, on_success=self._halls_loaded, on_failure=self._failed)

    def _halls_loaded(self, halls: list[CentralHall]) -> None:
        self.connected = True
        self.tabs.setEnabled(True)
        for tab in (self.halls_tab, self.codes_tab, self.devices_tab, self.operators_tab):
            tab.set_halls(halls)
        say(
            self.status,
            self.tr("Connected to {url}; halls registered: {count}.").format(
                url=self.server.text(), count=len(halls)
            ),
            ok=True,
        )
        self._on_tab_changed(self.tabs.currentIndex())

    def _failed(self, exc: Exception) -> None:
        self.connected = False
        self.tabs.setEnabled(False)
        self.errors.show(exc)

    def forget_token(self) -> None:
        self.link.run("forget_token", owner=self, on_success=self._forgotten, on_failure=self._failed)

    def _forgotten(self, _none: object) -> None:
        self.has_token = self.connected = False
        self.tabs.setEnabled(False)
        self._show_token_state()
        say(self.status, self.tr("The admin token is removed from this PC."), ok=True)
        self.token.setFocus()

    def _on_server_edited(self, _text: str) -> None:
        self.connected = False
        self.tabs.setEnabled(False)
        say(self.status, self.tr("Press Connect to use this address."), ok=True)

    def _on_tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if self.connected and tab in (self.devices_tab, self.operators_tab, self.report_tab):
            tab.refresh()
