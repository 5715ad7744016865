"""The central server as a real process: two Uvicorn workers on one port against a fresh database,
set up with the `hallapp central` commands, a device enrolled and pushing over HTTP, SIGTERM to stop."""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.hub_process import free_port
from hallapp.cli import main
from tests.server.test_central_support import Chain, pg_url  # noqa: F401 - fixture

pytestmark = [pytest.mark.pg, pytest.mark.slow]
STARTUP_SECONDS = 60


def central(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> str:
    assert main(["central", *args, "--db-url", url]) == 0
    return capsys.readouterr().out.strip()


class CentralProcess:
    def __init__(self, url: str, log: Path, workers: int = 2) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [sys.executable, "-m", "hallapp", "serve", "--role", "central", "--workers", str(workers)]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        with log.open("ab") as out:
            env = os.environ | {"HALLAPP_CENTRAL_URL": url}
            self.proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"the central server exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        pytest.fail(f"the central server did not answer /health within {STARTUP_SECONDS} s:\n{self.tail()}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
                pytest.fail(f"SIGTERM did not end the central server in 20 s:\n{self.tail()}")
        return self.proc.returncode

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


@pytest.fixture
def server(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[CentralProcess]:
    central(capsys, pg_url, "init-db")
    process = CentralProcess(pg_url, tmp_path / "central.log")
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()


def test_a_device_enrols_and_pushes_to_a_real_server(server, pg_url, capsys) -> None:
    central(capsys, pg_url, "add-hall", "--hall", "H0001", "--name", "城东供电营业厅")
    code = central(capsys, pg_url, "enrolment-code", "--hall", "H0001", "--minutes", "15")
    with httpx.Client(base_url=server.url, timeout=10) as http:
        enrolled = http.post(
            "/v1/devices/enroll", json={"enrolment_code": code, "hostname": "pc-1", "client_version": "0.5.0"}
        )
        assert enrolled.status_code == 201, enrolled.text
        device = enrolled.json()
        auth = {"Authorization": f"Bearer {device['device_token']}"}
        chain = Chain(device_code=device["device_code"])
        chain.payment("3201000001", 12_345)
        chain.op("knowledge.add", "knowledge_item", "k1", {"item_id": "k1"})  # stored only
        body = {"device_id": device["device_id"], "batch_id": "b1", "protocol_version": 1, "ops": chain.ops}
        for expected in (["suspense", "applied"], ["duplicate", "duplicate"]):  # twice: any worker answers
            pushed = http.post("/v1/sync/push", json=body, headers=auth)
            assert pushed.status_code == 200, pushed.text
            assert [r["status"] for r in pushed.json()["results"]] == expected
        assert http.get("/v1/sync/meta", headers=auth).json()["last_acked_seq"] == 2
        assert http.get("/health").json() == {"status": "ok", "db": "ok"}
        scraped = "".join(http.get("/metrics").text for _ in range(6))  # each scrape: one worker's view
        assert "# TYPE hallapp_central_pushes_total counter" in scraped
        assert "hallapp_central_push_seconds_bucket" in scraped
        central(capsys, pg_url, "revoke-device", "--device", device["device_code"])
        assert http.get("/v1/sync/meta", headers=auth).status_code == 403
    assert server.stop() == 0
    lines = [json.loads(line) for line in server.log.read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("logger") == "hallapp.central.access"]
    assert {"method", "path", "status", "ms"} <= set(requests[0])
    assert any(r.get("device_id") == device["device_id"] and r["path"] == "/v1/sync/push" for r in requests)


def test_the_server_refuses_to_start_on_an_unmigrated_database(pg_url, capsys) -> None:
    assert main(["serve", "--role", "central", "--db-url", pg_url, "--port", str(free_port())]) == 2
    assert "init-db" in capsys.readouterr().err
