"""Child process for tests/core/test_payment_crash.py: one payment or reversal, maybe killed midway.

Run as ``python -m tests.core.crash_child '<json>'`` with ``HALLAPP_FAILPOINTS`` set by the parent.
The JSON names the database, the hall clock (ISO time) and the request; on success the child
prints the PaymentResult as one JSON line. A failpoint set to ``kill`` ends it with SIGKILL before.
"""

import json
import sys
from datetime import datetime
from pathlib import Path


def main(spec: dict) -> dict:
    from hallapp.demo.reference import DEMO_PASSWORD
    from hallapp.domain.enums import PaymentMethod
    from hallapp.domain.payments import PaymentRequest
    from hallapp.services.clock import FakeClock
    from hallapp.services.hall_core import HallCore

    core = HallCore.open(Path(spec["db"]), clock=FakeClock(datetime.fromisoformat(spec["now"])))
    try:
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        if spec["op"] == "pay":
            method = PaymentMethod(spec["method"])
            result = core.payments.take(
                clerk,
                PaymentRequest(
                    request_id=spec["request_id"],
                    account_id=spec["account_id"],
                    amount_fen=spec["amount_fen"],
                    method=method,
                    expected_due_fen=spec["expected_due_fen"],
                    reference=spec.get("reference", ""),
                    tendered_fen=spec["amount_fen"] if method is PaymentMethod.CASH else None,
                ),
            )
        elif spec["op"] == "reverse":
            result = core.reversals.reverse(
                clerk,
                spec["payment_id"],
                request_id=spec["request_id"],
                reason="金额输错",
                supervisor_staff_no="S001",
                supervisor_password=DEMO_PASSWORD,
            )
        else:
            raise ValueError(f"unknown op {spec['op']!r}")
    finally:
        core.close()
    return {"payment_id": result.payment_id, "receipt_no": result.receipt_no, "replayed": result.replayed}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))), flush=True)
