"""A document to print: PDF bytes as the core made them, and the paper they are laid out for."""

from dataclasses import dataclass

THERMAL_80 = "thermal80"  # 80 mm receipt roll
THERMAL_58 = "thermal58"  # 58 mm ticket roll
A5 = "a5"
A4 = "a4"
PAPERS = (THERMAL_80, THERMAL_58, A5, A4)
ROLL_WIDTH_MM = {THERMAL_80: 80.0, THERMAL_58: 58.0}


@dataclass(frozen=True)
class PrintJob:
    title: str
    pdf: bytes
    paper: str  # one of PAPERS
    copies: int = 1

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}; expected one of {PAPERS}")
        if self.copies < 1:
            raise ValueError(f"copies must be at least 1, not {self.copies}")
