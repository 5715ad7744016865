"""Request bodies, validated strictly: unknown fields, wrong types and over-long strings are refused.

The answers' shapes are here too, for the OpenAPI document only: the routes build plain dicts, and
the fuzz test (tests/server/test_central_fuzz.py) checks every answer against these shapes.
"""

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_OPS = 500
MAX_PUSH_BYTES = 5 * 1024 * 1024
MAX_SMALL_BODY_BYTES = 16 * 1024
MAX_PAYLOAD_CHARS = 256 * 1024
PROTOCOL_MIN = PROTOCOL_MAX = 1

# PostgreSQL text cannot hold NUL: a string with one is malformed here, not a database error later.
NO_NUL = r"^[^\x00]*$"
Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Text36 = Annotated[str, Field(min_length=1, max_length=36, pattern=NO_NUL)]
Text40 = Annotated[str, Field(min_length=1, max_length=40, pattern=NO_NUL)]
Text64 = Annotated[str, Field(min_length=1, max_length=64, pattern=NO_NUL)]
Seq = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class EnrolBody(Strict):
    enrolment_code: str = Field(min_length=1, max_length=32, pattern=NO_NUL)
    hostname: str = Field(max_length=255, pattern=NO_NUL)
    client_version: str = Field(max_length=40, pattern=NO_NUL)


class OpBody(Strict):
    device_seq: Seq
    op_id: Text64
    local_tx_id: Text64
    op_type: Text40
    entity: Text40
    entity_id: Text64
    base_version: int | None = Field(default=None, ge=0, le=2**63 - 1)
    payload: str = Field(max_length=MAX_PAYLOAD_CHARS, pattern=NO_NUL)
    payload_hash: Hex64
    prev_hash: Hex64
    signature: str | None = Field(default=None, max_length=512, pattern=NO_NUL)  # Ed25519 later; unchecked
    operator_id: Text64 | None = None
    shift_id: Text64 | None = None
    device_time: AwareDatetime

    @field_validator("device_time")
    @classmethod
    def _readable_in_utc(cls, value: datetime) -> datetime:
        """PostgreSQL keeps a time whose UTC falls before year 1 or after 9999, but it could never be
        read back into Python: every later read of that row would fail."""
        try:
            value.astimezone(UTC)
        except OverflowError:
            raise ValueError("device_time out of range in UTC") from None
        return value


class PushBody(Strict):
    device_id: Text36
    batch_id: Text64
    protocol_version: int
    ops: list[OpBody]  # the count is checked after parsing: too many is 413, not 400

    @model_validator(mode="after")
    def _unique_ops(self) -> "PushBody":
        if len({op.device_seq for op in self.ops}) != len(self.ops):
            raise ValueError("device_seq repeated in one batch")
        if len({op.op_id for op in self.ops}) != len(self.ops):
            raise ValueError("op_id repeated in one batch")
        return self


class Answer(BaseModel):
    """An answer's documented keys; more may come (a client ignores what it does not know)."""

    model_config = ConfigDict(extra="allow")


class RefusalAnswer(Answer):
    """Every refusal: ``error`` is the code the client turns into a sentence; details may follow."""

    error: str


class HealthAnswer(Answer):
    status: Literal["ok", "error"]
    db: Literal["ok", "unavailable"]


class EnrolAnswer(Answer):
    device_id: str
    device_code: str
    hall_id: str
    device_token: str
    server_epoch: str


class MetaAnswer(Answer):
    server_epoch: str
    server_time: str
    protocol_min: int
    protocol_max: int
    device_id: str
    device_status: str
    last_acked_seq: int
    last_chain_hash: str


class OpResult(Answer):
    device_seq: int
    op_id: str
    status: Literal["applied", "duplicate", "rejected", "suspense"]


class PushAnswer(Answer):
    ack_up_to: int
    results: list[OpResult]


class Change(Answer):
    entity: str
    entity_id: str
    entity_version: int
    op: Literal["upsert", "delete"]
    data: dict[str, object] | None


class PullAnswer(Answer):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    server_epoch: str


class ReconcileAnswer(Answer):
    business_date: str
    payment_count: int
    net_total_fen: int
    last_acked_seq: int
    chain_head: str
    shifts: list[dict[str, object]]
    status: Literal["ok", "mismatch"]
