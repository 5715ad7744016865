"""Operators and settings owned by the central server and pulled by the PCs of a hall
(SYNC_DESIGN §4.2 reference data, §4.9 operators; docs/sync_protocol.md, "Operators, settings and
tariffs").

The functions are the administrator's API (the CLI now, an admin page later). Each change runs in
one transaction that first takes the master-data advisory lock (as ``master_import`` does, so
master-data writers still run one at a time) and writes its ``change_log`` row with the full image
before it commits. Nothing is written when a check fails: every refusal is a ``StaffRefused``
carrying one Chinese sentence that says what to do.

Operators go to their hall's scope with their Argon2id hash (the verifier a PC checks offline) and
``verifier_expires_at``; a deactivated operator goes out without a verifier. A verifier is
re-issued with a fresh expiry on every change and by ``refresh_verifiers`` (run daily by cron):
a PC that pulls at least once a day never sees its operators expire, and a PC cut off from the
server loses offline sign-in after the configured days, so a deactivation cannot be outrun forever.

Settings: the global value goes to scope ``global``, a hall's override to ``hall:<hall_id>``; both
are checked with the PC's own catalog (``hallapp.domain.settings_catalog``) before they are kept.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hallapp.central.db import Sessions
from hallapp.central.errors import AdminError
from hallapp.central.master_import import MASTER_DATA_LOCK
from hallapp.central.schema import ChangeLog, Hall
from hallapp.central.schema_staff import GLOBAL_SCOPE, HALL_SCOPE_PREFIX, ROLES, Operator, Setting
from hallapp.domain import staff_rules
from hallapp.domain.errors import InvalidInput
from hallapp.domain.ids import new_id
from hallapp.domain.settings_catalog import CATALOG, ORDERED_PAIRS, Group, Kind, SettingDef
from hallapp.domain.staff_rules import MAX_PASSWORD, MAX_STAFF_NO
from hallapp.domain.text import has_control_chars, normalize

# Argon2id with argon2-cffi's defaults, exactly as the PC (hallapp.services.passwords): a pulled
# verifier is checked there as it is, and never looks due for a rehash.
_hasher = PasswordHasher()

MAX_NAME = 40  # the PC's operator.name
MAX_BY = 80
DEFAULT_REFRESH_AGE = timedelta(hours=12)
VERIFIER_DAYS = "auth.offline_verifier_days"
MIN_PASSWORD = "security.min_password_length"

# Settings the server keeps for itself and never publishes (the PCs' catalog does not have them).
SERVER_ONLY: tuple[SettingDef, ...] = (
    SettingDef(
        VERIFIER_DAYS,
        Group.SECURITY,
        Kind.INT,
        7,
        "Days a PC may sign an operator in offline after its last update from the server",
        "SYNC_DESIGN §4.9：离线登录凭据设有效期（例如7天）",
        unit="days",
        minimum=1,
        maximum=60,
    ),
)
# A wrong value sent by the server would cut every PC off from the server that could correct it.
PC_ONLY = frozenset({"sync.server_url"})
PUBLISHED: dict[str, SettingDef] = {d.key: d for d in CATALOG if d.key not in PC_ONLY}
KNOWN: dict[str, SettingDef] = {d.key: d for d in (*CATALOG, *SERVER_ONLY)}

ROLE_NAMES = "guide（引导员）、clerk（收费员）、supervisor（班长）或 admin（管理员）"
RULES = {
    "empty": "不能为空",
    "not_an_integer": "应为整数",
    "not_a_number": "应为数字",
    "below_minimum": "不能小于 {limit}",
    "above_maximum": "不能大于 {limit}",
    "not_a_bool": "应为 是/否（1 或 0）",
    "not_a_time": "应为“时:分”，例如 08:30",
    "too_long": "最多 {limit} 个字",
    "control_chars": "含有不可见的控制字符",
    "bad_url": "应为 http://主机:端口 形式的地址，或留空",
}


class StaffRefused(AdminError):
    """An administrator's change that cannot be made; ``sentence`` says why and what to do."""

    def __init__(self, code: str, sentence: str, **params: Any) -> None:
        super().__init__(code, **params)
        self.sentence = sentence

    def __str__(self) -> str:
        return self.sentence


@dataclass(frozen=True)
class OperatorView:
    operator_id: str
    hall_id: str
    staff_no: str
    name: str
    role: str
    active: bool
    verifier_expires_at: datetime
    version: int


@dataclass(frozen=True)
class SettingView:
    key: str
    value: Any  # the catalog's JSON form (what a PC receives)
    source: str  # "default" | "global" | "hall"
    version: int  # 0 for a default


# -- operators --------------------------------------------------------------------------------------


def add_operator(
    sessions: Sessions,
    hall_id: str,
    staff_no: str,
    name: str,
    role: str,
    password: str,
    *,
    now: datetime | None = None,
) -> OperatorView:
    """A new operator of ``hall_id``, published to that hall's PCs with a fresh verifier."""
    staff_no, name, role = clean_staff_no(staff_no), _clean_name(name), _clean_role(role)
    now = now or datetime.now(UTC)
    try:
        with sessions.begin() as s:
            _lock(s)
            _require_hall(s, hall_id)
            if s.scalar(select(Operator.operator_id).where(Operator.staff_no == staff_no)):
                raise _staff_no_taken(staff_no)
            _check_password(s, hall_id, password)
            op = Operator(
                operator_id=new_id(),
                hall_id=hall_id,
                staff_no=staff_no,
                name=name,
                role=role,
                password_hash=_hasher.hash(password),
                active=True,
                verifier_expires_at=now + _verifier_days(s, hall_id),
                password_changed_at=now,
                version=1,
                updated_at=now,
            )
            s.add(op)
            s.flush()
            _publish_operator(s, op)
            return _operator_view(op)
    except IntegrityError:  # another administrator took the number at the same moment
        raise _staff_no_taken(staff_no) from None


def set_operator(
    sessions: Sessions,
    staff_no: str,
    *,
    name: str | None = None,
    role: str | None = None,
    password: str | None = None,
    hall_id: str | None = None,
    active: bool | None = None,
    now: datetime | None = None,
) -> OperatorView:
    """Change what is given; any change re-publishes the operator with a fresh verifier. An operator
    moved to another hall leaves the old one as inactive (its PCs stop signing them in)."""
    staff_no = clean_staff_no(staff_no)
    name = None if name is None else _clean_name(name)
    role = None if role is None else _clean_role(role)
    now = now or datetime.now(UTC)
    with sessions.begin() as s:
        _lock(s)
        op = _operator_for_update(s, staff_no)
        old_hall = op.hall_id
        changed = False
        if hall_id is not None and hall_id != op.hall_id:
            _require_hall(s, hall_id)
            op.hall_id, changed = hall_id, True
        if password is not None:
            _check_password(s, op.hall_id, password)
            op.password_hash, op.password_changed_at, changed = _hasher.hash(password), now, True
        if name is not None and name != op.name:
            op.name, changed = name, True
        if role is not None and role != op.role:
            op.role, changed = role, True
        if active is not None and active != op.active:
            op.active, op.deactivated_at, changed = active, (None if active else now), True
        if not changed:
            return _operator_view(op)
        _reissue(s, op, now)
        if op.hall_id != old_hall:
            _publish_operator(s, op, leaving=old_hall)
        return _operator_view(op)


def deactivate_operator(sessions: Sessions, staff_no: str, *, now: datetime | None = None) -> OperatorView:
    """The hall's PCs refuse the operator after their next pull (ops already taken stay valid)."""
    return set_operator(sessions, staff_no, active=False, now=now)


def list_operators(sessions: Sessions, hall_id: str | None = None) -> list[OperatorView]:
    with sessions() as s:
        query = select(Operator).order_by(Operator.hall_id, Operator.staff_no)
        if hall_id is not None:
            query = query.where(Operator.hall_id == hall_id)
        return [_operator_view(op) for op in s.scalars(query)]


def refresh_verifiers(
    sessions: Sessions, *, now: datetime | None = None, min_age: timedelta = DEFAULT_REFRESH_AGE
) -> int:
    """Re-issue every active operator's verifier issued more than ``min_age`` ago; returns how many.

    Run daily: the expiry a PC holds is then never less than the configured days minus a day, and
    running it twice in a row publishes nothing the second time.
    """
    now = now or datetime.now(UTC)
    refreshed = 0
    with sessions.begin() as s:
        _lock(s)
        days: dict[str, timedelta] = {}
        query = select(Operator).where(Operator.active).order_by(Operator.staff_no).with_for_update()
        for op in s.scalars(query):
            period = days.setdefault(op.hall_id, _verifier_days(s, op.hall_id))
            if op.verifier_expires_at - period <= now - min_age:
                _reissue(s, op, now, period)
                refreshed += 1
    return refreshed


def clean_staff_no(raw: str) -> str:
    """The PC's rule (``staff_rules``): letters and digits, at most 20, upper case."""
    try:
        return staff_rules.clean_staff_no(raw)
    except InvalidInput as exc:
        sentence = {
            "control_chars": "工号含有不可见的控制字符：请重新输入。",
            "empty": "工号不能为空：请输入字母和数字组成的工号，例如 C001。",
        }.get(exc.reason, f"工号只能由字母和数字组成、最多 {MAX_STAFF_NO} 位，例如 C001：请重新输入。")
        raise StaffRefused("bad_staff_no", sentence, staff_no=normalize(raw).upper()[:40]) from None


def _clean_name(raw: str) -> str:
    text = normalize(raw)
    if not text or len(text) > MAX_NAME or has_control_chars(raw):
        raise StaffRefused("bad_name", f"姓名不能为空、最多 {MAX_NAME} 个字且不含控制字符：请重新输入。")
    return text


def _clean_role(raw: str) -> str:
    role = normalize(raw).lower()
    if role not in ROLES:
        raise StaffRefused(
            "unknown_role", f"没有“{raw[:20]}”这个角色：角色只能是 {ROLE_NAMES}。", role=raw[:20]
        )
    return role


def _check_password(s: Session, hall_id: str, password: str) -> None:
    """The PC's rules: not empty, at most 128, no control characters, at least the hall's
    ``security.min_password_length``."""
    shortest = _effective(s, hall_id)[MIN_PASSWORD]
    try:
        staff_rules.check_password(password)
    except InvalidInput as exc:
        sentence = {
            "control_chars": "密码含有不可见的控制字符：请重新设置。",
            "too_long": f"密码最多 {MAX_PASSWORD} 位：请换一个短一些的密码。",
        }.get(exc.reason, f"密码太短：至少 {shortest} 位，请换一个更长的密码。")
        raise StaffRefused("weak_password", sentence, minimum=shortest) from None
    if len(password) < shortest or not password.strip():
        raise StaffRefused(
            "weak_password", f"密码太短：至少 {shortest} 位，请换一个更长的密码。", minimum=shortest
        )


def _require_hall(s: Session, hall_id: str) -> None:
    if s.get(Hall, hall_id) is None:
        raise StaffRefused(
            "unknown_hall",
            f"营业厅 {hall_id[:20]} 尚未登记：请检查营业厅编号，或先用 hallapp central add-hall 登记。",
            hall_id=hall_id[:20],
        )


def _operator_for_update(s: Session, staff_no: str) -> Operator:
    op = s.scalars(select(Operator).where(Operator.staff_no == staff_no).with_for_update()).first()
    if op is None:
        raise StaffRefused(
            "unknown_operator",
            f"找不到工号 {staff_no}：请检查工号，或先用 hallapp central add-operator 新增。",
            staff_no=staff_no,
        )
    return op


def _staff_no_taken(staff_no: str) -> StaffRefused:
    return StaffRefused(
        "staff_no_taken",
        f"工号 {staff_no} 已有人使用：请换一个工号，或用 hallapp central set-operator 修改该操作员。",
        staff_no=staff_no,
    )


def _verifier_days(s: Session, hall_id: str) -> timedelta:
    return timedelta(days=_effective(s, hall_id)[VERIFIER_DAYS])


def _reissue(s: Session, op: Operator, now: datetime, period: timedelta | None = None) -> None:
    op.verifier_expires_at = now + (period or _verifier_days(s, op.hall_id))
    op.version += 1
    op.updated_at = now
    s.flush()
    _publish_operator(s, op)


def _publish_operator(s: Session, op: Operator, *, leaving: str | None = None) -> None:
    """The operator's image into its hall's feed; ``leaving``: into that hall's feed as inactive."""
    active = op.active and leaving is None
    image = {
        "operator_id": op.operator_id,
        "hall_id": op.hall_id,
        "staff_no": op.staff_no,
        "name": op.name,
        "role": op.role,
        "active": active,
        "verifier": op.password_hash if active else None,
        "verifier_expires_at": op.verifier_expires_at.isoformat() if active else None,
        "version": op.version,
    }
    _log(s, HALL_SCOPE_PREFIX + (leaving or op.hall_id), "operator", op.operator_id, op.version, image)


def _operator_view(op: Operator) -> OperatorView:
    return OperatorView(
        op.operator_id,
        op.hall_id,
        op.staff_no,
        op.name,
        op.role,
        op.active,
        op.verifier_expires_at,
        op.version,
    )


# -- settings ---------------------------------------------------------------------------------------


def set_setting(
    sessions: Sessions,
    key: str,
    raw: Any,
    *,
    hall_id: str | None = None,
    by: str = "",
    now: datetime | None = None,
) -> SettingView:
    """The global value of ``key``, or ``hall_id``'s override, checked by the PC's own catalog."""
    definition = _definition(key)
    try:
        value = definition.to_json(definition.parse(raw))
    except InvalidInput as exc:
        raise _invalid_value(key, exc) from None
    return _store(sessions, key, value, hall_id, by, now)


def clear_setting(
    sessions: Sessions, key: str, *, hall_id: str | None = None, by: str = "", now: datetime | None = None
) -> SettingView:
    """Back to the global value (a hall's override) or to the catalog default (the global value);
    a PC then uses that, and may change the value itself again once nothing is left from the server."""
    _definition(key)
    return _store(sessions, key, None, hall_id, by, now)


def list_settings(sessions: Sessions, hall_id: str | None = None) -> list[SettingView]:
    """Every known setting as the server sees it for ``hall_id`` (or globally), with its source."""
    with sessions() as s:
        if hall_id is not None:
            _require_hall(s, hall_id)
        rows = _rows(s, hall_id)
    layers = [(GLOBAL_SCOPE, "global")] + ([(_scope(hall_id), "hall")] if hall_id else [])
    views = []
    for d in KNOWN.values():
        view = SettingView(d.key, d.to_json(d.parse(d.default)), "default", 0)
        for scope, source in layers:
            row = rows.get((scope, d.key))
            if row is not None and row.value is not None:
                view = SettingView(d.key, row.value, source, row.version)
        views.append(view)
    return views


def _store(
    sessions: Sessions, key: str, value: Any, hall_id: str | None, by: str, now: datetime | None
) -> SettingView:
    scope = _scope(hall_id)
    with sessions.begin() as s:
        _lock(s)
        if hall_id is not None:
            _require_hall(s, hall_id)
        row = s.get(Setting, (scope, key), with_for_update=True)
        if (row.value if row else None) == value:  # unchanged: no new version, nothing to pull
            return SettingView(key, value, "hall" if hall_id else "global", row.version if row else 0)
        if row is None:
            row = Setting(scope=scope, key=key, version=0)
            s.add(row)
        row.value, row.version = value, row.version + 1
        row.updated_at, row.updated_by = now or datetime.now(UTC), by[:MAX_BY] or None
        s.flush()
        _check_pairs(s, key, hall_id)
        if key in PUBLISHED:
            image = {
                "key": key,
                "layer": "hall" if hall_id else "global",
                "value": value,
                "version": row.version,
                "updated_at": row.updated_at.isoformat(),
            }
            _log(s, scope, "setting", key, row.version, image)
        return SettingView(key, value, "hall" if hall_id else "global", row.version)


def _definition(key: str) -> SettingDef:
    if key in PC_ONLY:
        raise StaffRefused(
            "pc_only_setting", f"设置项 {key} 只能在各台电脑上设置：中心服务器不下发它。", key=key
        )
    definition = KNOWN.get(key)
    if definition is None:
        raise StaffRefused(
            "unknown_setting",
            f"没有名为 {key[:64]} 的设置项：请检查拼写（hallapp central list-settings 列出全部设置项）。",
            key=key[:64],
        )
    return definition


def _invalid_value(key: str, exc: InvalidInput) -> StaffRefused:
    rule = RULES.get(exc.reason, "不合规则").format(**exc.params)
    return StaffRefused(
        "invalid_value", f"设置项 {key} 的值{rule}：请改正后再设置。", key=key, reason=exc.reason
    )


def _check_pairs(s: Session, key: str, hall_id: str | None) -> None:
    """After the change: the hall (an override), or every hall and the global view (a global value)."""
    pairs = [pair for pair in ORDERED_PAIRS if key in pair]
    if not pairs:
        return
    views: Iterable[str | None] = [hall_id] if hall_id else [None, *s.scalars(select(Hall.hall_id))]
    for view in views:
        values = _effective(s, view)
        for low, high in pairs:
            if values[low] > values[high]:
                where = f"营业厅 {view} " if view else ""
                raise StaffRefused(
                    "order",
                    f"{where}设置项 {high} 不能小于 {low}：请一并调整这两个值。",
                    low=low,
                    high=high,
                    hall_id=view,
                )


def _effective(s: Session, hall_id: str | None) -> dict[str, Any]:
    """Typed values: catalog default, overlaid by the global value, overlaid by the hall's override."""
    values = {d.key: d.parse(d.default) for d in KNOWN.values()}
    rows = _rows(s, hall_id)
    for scope in (GLOBAL_SCOPE, _scope(hall_id)):
        for (row_scope, key), row in rows.items():
            if row_scope == scope and row.value is not None and key in KNOWN:
                values[key] = KNOWN[key].from_json(row.value)
    return values


def _rows(s: Session, hall_id: str | None) -> dict[tuple[str, str], Setting]:
    scopes = {GLOBAL_SCOPE, _scope(hall_id)}
    return {(r.scope, r.key): r for r in s.scalars(select(Setting).where(Setting.scope.in_(scopes)))}


def _scope(hall_id: str | None) -> str:
    return HALL_SCOPE_PREFIX + hall_id if hall_id else GLOBAL_SCOPE


# -- the feed ---------------------------------------------------------------------------------------


def _lock(s: Session) -> None:
    """Before any write: one master-data writer at a time (``master_import``)."""
    s.execute(select(func.pg_advisory_xact_lock(MASTER_DATA_LOCK)))


def _log(s: Session, scope: str, entity: str, entity_id: str, version: int, data: dict[str, Any]) -> None:
    s.execute(
        insert(ChangeLog).values(
            scope=scope, entity=entity, entity_id=entity_id, entity_version=version, op="upsert", data=data
        )
    )
