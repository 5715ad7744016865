"""First-time set-up of a PC's database: its hall and its device identity (demo or enrolment)."""

from dataclasses import dataclass

from hallapp.db.engine import Database
from hallapp.db.models import DeviceIdentity, Hall, NumberSeries
from hallapp.domain.ids import new_id
from hallapp.services.clock import Clock


@dataclass(frozen=True)
class HallSeed:
    code: str  # 5 characters, e.g. H0001
    name: str
    device_no: int  # 1..99 within the hall; never reused

    @property
    def device_code(self) -> str:
        return f"{self.code}{self.device_no:02d}"


def initialise_device(db: Database, seed: HallSeed, clock: Clock, *, key_ref: str = "") -> str:
    """Create the hall row, this PC's identity and its number series. Returns the hall id."""
    hall_id = new_id()
    with db.write() as s:
        s.add(Hall(hall_id=hall_id, code=seed.code, name=seed.name))
        s.flush()
        s.add(
            DeviceIdentity(
                singleton=1,
                device_id=new_id(),
                hall_id=hall_id,
                device_code=seed.device_code,
                key_ref=key_ref or f"HallApp device {seed.device_code}",
                enrolled_at=clock.now(),
            )
        )
        for series in ("receipt", "application"):
            s.add(NumberSeries(series=series, prefix=seed.device_code, next_value=1))
    return hall_id
