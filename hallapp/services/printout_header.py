"""The hall's letterhead for printouts, from the settings."""

from typing import Any

from hallapp.domain.printouts import HallHeader


def hall_header(values: dict[str, Any]) -> HallHeader:
    return HallHeader(
        unit_name=values["hall.unit_name"],
        hall_name=values["hall.name"],
        hall_address=values["hall.address"],
        service_hotline=values["hall.phone"],
        regulator_hotline=values["hall.regulator_hotline"],
    )
