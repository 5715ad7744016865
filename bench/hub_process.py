"""A real hall hub process on a free loopback port, for tests and benchmarks."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import select

from hallapp.db.engine import Database, make_engine
from hallapp.db.models import ServiceWindow
from hallapp.domain.ids import new_id

HALL_KEY = "test-hall-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def add_payment_windows(path: Path, upto: int) -> None:
    """Give the demo hall windows 5..upto serving payments (the demo has four)."""
    db = Database(make_engine(path), path)
    with db.write() as s:
        hall_id = s.scalars(select(ServiceWindow.hall_id)).first()
        for number in range(5, upto + 1):
            s.add(
                ServiceWindow(
                    window_id=new_id(),
                    hall_id=hall_id,
                    number=number,
                    name=f"{number}号窗口",
                    business_types=["payment"],
                )
            )
    db.close()


class HubProcess:
    def __init__(self, template: Path, workdir: Path, *, windows: int = 4) -> None:
        self.path = workdir / "hub.sqlite"
        shutil.copy(template, self.path)
        if windows > 4:
            add_payment_windows(self.path, windows)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / "hub.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> "HubProcess":
        env = os.environ | {"HALLAPP_HALL_KEY": HALL_KEY, "HALLAPP_HUB_URL": ""}
        command = [sys.executable, "-m", "hallapp", "serve", "--role", "hall", "--db", str(self.path)]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/health", timeout=0.5).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("hub did not start in 30 s")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
