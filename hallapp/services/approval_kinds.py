"""The kinds of request in the supervisor's queue. A new kind is one ``ApprovalKind`` added here."""

from hallapp.domain.errors import ActionRefused
from hallapp.services import approval_credit_code, approval_reversal
from hallapp.services.approval_queue import ApprovalKind

KINDS: dict[str, ApprovalKind] = {k.kind: k for k in (approval_reversal.KIND, approval_credit_code.KIND)}


def kind_of(name: str) -> ApprovalKind:
    kind = KINDS.get(name)
    if kind is None:  # made by a newer version of HallApp on another PC
        raise ActionRefused("approval_kind_unknown", kind=name)
    return kind
