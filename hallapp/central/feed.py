"""Writing the pull feed for changes made by op handlers (customer patches, applications, notices).

The rows carry the same images the billing import writes (``to_jsonb`` of the row without the
server's bookkeeping columns), into the scope of every hall that holds the row, in the caller's
transaction (SYNC_DESIGN §4.4: a change and its feed row commit together).
"""

import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hallapp.central.schema_conflicts import ConflictNotice

# Columns of the server's own bookkeeping, never sent to a PC.
PRIVATE = "- 'imported' - 'field_meta'"
LOG = "INSERT INTO change_log (scope, entity, entity_id, entity_version, op, data)"

CUSTOMER_TO_HALLS = text(f"""
{LOG}
SELECT 'hall:' || h.hall_id, 'customer', c.customer_id, c.version, 'upsert', to_jsonb(c) {PRIVATE}
FROM customer c
JOIN (SELECT DISTINCT hall_id FROM account WHERE customer_id = :customer_id AND hall_id IS NOT NULL) h
  ON true
WHERE c.customer_id = :customer_id
ORDER BY h.hall_id
""")
ACCOUNT_TO_HALL = text(f"""
{LOG}
SELECT 'hall:' || a.hall_id, 'account', a.account_id, a.version, 'upsert', to_jsonb(a) {PRIVATE}
FROM account a WHERE a.account_no = :account_no AND a.hall_id IS NOT NULL
""")
NOTICE_FIELDS = (
    "notice_id",
    "kind",
    "customer_id",
    "account_no",
    "field",
    "reason",
    "lost_value",
    "won_value",
    "lost_op_id",
    "won_op_id",
    "won_hall_id",
    "application_no",
    "blocking_application_no",
)


def log_customer(s: Session, customer_id: str) -> None:
    s.flush()
    s.execute(CUSTOMER_TO_HALLS, {"customer_id": customer_id})


def log_account(s: Session, account_no: str) -> None:
    s.flush()
    s.execute(ACCOUNT_TO_HALL, {"account_no": account_no})


def publish_notice(s: Session, notice: ConflictNotice) -> None:
    """Keep the notice and put it into its hall's feed (the hall's supervisor sees it after a pull)."""
    s.add(notice)
    s.flush()
    s.refresh(notice)
    data: dict[str, Any] = {name: getattr(notice, name) for name in NOTICE_FIELDS}
    data["created_at"] = notice.created_at.isoformat()
    s.execute(
        text(f"{LOG} VALUES (:scope, 'conflict_notice', :id, 1, 'upsert', CAST(:data AS jsonb))"),
        {
            "scope": f"hall:{notice.hall_id}",
            "id": notice.notice_id,
            "data": json.dumps(data, ensure_ascii=False),
        },
    )
