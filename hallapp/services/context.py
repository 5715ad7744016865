"""What every service shares: the database, the clock and this device's identity."""

from dataclasses import dataclass

from hallapp.db.engine import Database
from hallapp.services.clock import Clock


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    device_code: str
    hall_id: str


class ServiceBase:
    def __init__(self, db: Database, clock: Clock, device: DeviceInfo) -> None:
        self.db = db
        self.clock = clock
        self.device = device
