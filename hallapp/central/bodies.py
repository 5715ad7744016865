"""Request bodies, validated strictly: unknown fields, wrong types and over-long strings are refused."""

from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

MAX_OPS = 500
MAX_PUSH_BYTES = 5 * 1024 * 1024
MAX_SMALL_BODY_BYTES = 16 * 1024
MAX_PAYLOAD_CHARS = 256 * 1024
PROTOCOL_MIN = PROTOCOL_MAX = 1

Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Text36 = Annotated[str, Field(min_length=1, max_length=36)]
Text64 = Annotated[str, Field(min_length=1, max_length=64)]
Seq = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class EnrolBody(Strict):
    enrolment_code: str = Field(min_length=1, max_length=32)
    hostname: str = Field(max_length=255)
    client_version: str = Field(max_length=40)


class OpBody(Strict):
    device_seq: Seq
    op_id: Text64
    local_tx_id: Text64
    op_type: str = Field(min_length=1, max_length=40)
    entity: str = Field(min_length=1, max_length=40)
    entity_id: Text64
    base_version: int | None = Field(default=None, ge=0, le=2**63 - 1)
    payload: str = Field(max_length=MAX_PAYLOAD_CHARS)
    payload_hash: Hex64
    prev_hash: Hex64
    signature: str | None = Field(default=None, max_length=512)  # Ed25519 later; not checked yet
    operator_id: Text64 | None = None
    shift_id: Text64 | None = None
    device_time: AwareDatetime


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
