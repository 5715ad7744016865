"""Which pages each role's workspace has, in navigation order."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from hallapp.domain.enums import Role
from hallapp.domain.records import Actor
from ui.ops import CoreOps
from ui.widgets.page import WorkspacePage

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[CoreOps, Actor], WorkspacePage]


def _lazy(module: str, name: str) -> Callable[[CoreOps, Actor], WorkspacePage]:
    """A page class imported on first use, so signing in loads only the pages of that role."""

    def factory(ops: CoreOps, actor: Actor) -> WorkspacePage:
        return getattr(importlib.import_module(module), name)(ops, actor)

    return factory


def workspace_title(role: Role) -> str:
    return {
        Role.GUIDE: translate("Roles", "Lobby guide desk"),
        Role.CLERK: translate("Roles", "Counter workstation"),
        Role.SUPERVISOR: translate("Roles", "Supervisor workspace"),
        Role.ADMIN: translate("Roles", "Administration"),
    }[role]


def account_page() -> PageSpec:
    return PageSpec(
        "accounts",
        translate("Roles", "Find account"),
        "search",
        _lazy("ui.counter.account_search_page", "AccountSearchPage"),
    )


def audit_page() -> PageSpec:
    return PageSpec(
        "audit", translate("Roles", "Audit trail"), "history", _lazy("ui.supervisor.audit_page", "AuditPage")
    )


def pages_for(role: Role) -> list[PageSpec]:
    daily_log = PageSpec(
        "daily",
        translate("Roles", "Daily counter log"),
        "chart-bar",
        _lazy("ui.supervisor.daily_log_page", "DailyLogPage"),
    )
    specs = {
        Role.GUIDE: [
            PageSpec(
                "tickets",
                translate("Roles", "Queue tickets"),
                "ticket",
                _lazy("ui.lobby.ticket_page", "TicketPage"),
            ),
            PageSpec(
                "display",
                translate("Roles", "Display board"),
                "device-desktop",
                _lazy("ui.lobby.display_page", "DisplayControlPage"),
            ),
        ],
        Role.CLERK: [
            account_page(),
            PageSpec(
                "payments",
                translate("Roles", "Payments"),
                "cash",
                _lazy("ui.counter.payment_page", "PaymentPage"),
            ),
            PageSpec(
                "till",
                translate("Roles", "Today's payments"),
                "receipt",
                _lazy("ui.counter.till_page", "TillPage"),
            ),
            PageSpec(
                "applications",
                translate("Roles", "Applications"),
                "file-text",
                _lazy("ui.counter.applications_page", "ApplicationsPage"),
            ),
            PageSpec(
                "service_desk",
                translate("Roles", "Consultations and complaints"),
                "info-circle",
                _lazy("ui.counter.service_desk_page", "ServiceDeskPage"),
            ),
        ],
        Role.SUPERVISOR: [
            daily_log,
            PageSpec(
                "approvals",
                translate("Roles", "Approvals"),
                "clipboard-check",
                _lazy("ui.supervisor.approvals_page", "ApprovalsPage"),
            ),
            PageSpec(
                "sync_notices",
                translate("Roles", "Sync notices"),
                "arrows-exchange",
                _lazy("ui.supervisor.sync_notices_page", "SyncNoticesPage"),
            ),
            PageSpec(
                "scorecard",
                translate("Roles", "Monthly scorecard"),
                "award",
                _lazy("ui.supervisor.scorecard_page", "ScorecardPage"),
            ),
            audit_page(),
            account_page(),
        ],
        Role.ADMIN: [
            PageSpec(
                "settings",
                translate("Roles", "Business settings"),
                "settings",
                _lazy("ui.admin.settings_page", "SettingsPage"),
            ),
            PageSpec(
                "business_types",
                translate("Roles", "Queue business types"),
                "ticket",
                _lazy("ui.admin.business_types_page", "BusinessTypesPage"),
            ),
            PageSpec(
                "windows",
                translate("Roles", "Counter windows"),
                "device-desktop",
                _lazy("ui.admin.windows_page", "WindowsPage"),
            ),
            PageSpec(
                "holidays",
                translate("Roles", "Holiday calendar"),
                "calendar",
                _lazy("ui.admin.holidays_page", "HolidaysPage"),
            ),
            PageSpec(
                "operators",
                translate("Roles", "Operators"),
                "users",
                _lazy("ui.admin.operators_page", "OperatorsPage"),
            ),
            PageSpec(
                "central",
                translate("Roles", "Central server"),
                "server",
                _lazy("ui.admin.central_admin_page", "CentralAdminPage"),
            ),
            daily_log,
            audit_page(),
            PageSpec(
                "retention",
                translate("Roles", "Record retention"),
                "archive",
                _lazy("ui.admin.retention_page", "RetentionPage"),
            ),
        ],
    }
    return specs[role]
