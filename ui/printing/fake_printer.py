"""A printer that keeps what it is given: for tests, the smoke run and demos without paper."""

from ui.printing.failure import OFFLINE, PrintFailed
from ui.printing.job import PrintJob


class FakePrinter:
    def __init__(self, name: str = "Fake printer", *, ready: bool = True) -> None:
        self._name = name
        self.ready = ready
        self.jobs: list[PrintJob] = []
        self._next_failure: str | None = None

    def name(self) -> str:
        return self._name

    def is_ready(self) -> bool:
        return self.ready

    def fail_next(self, reason: str) -> None:
        """The next print raises PrintFailed(reason); the one after prints again."""
        PrintFailed(reason)  # rejects an unknown reason here, not at the print
        self._next_failure = reason

    def print_job(self, job: PrintJob) -> None:
        if self._next_failure is not None:
            reason, self._next_failure = self._next_failure, None
            raise PrintFailed(reason, self._name)
        if not self.ready:
            raise PrintFailed(OFFLINE, self._name)
        self.jobs.append(job)
