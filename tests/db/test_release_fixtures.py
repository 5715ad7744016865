"""Every released database version upgrades to head with its data intact (STYLE rule 10).

Each release adds tests/data/db_fixtures/v<version>.sqlite, made with the release's own demo
builder (25 accounts). Never regenerate an old fixture: it stands for databases in the field.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from hallapp.db.migrate import current_revision, head_revision
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services.hall_core import HallCore

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "data" / "db_fixtures").glob("v*.sqlite"))


def test_there_is_a_fixture_for_the_current_release() -> None:
    from hallapp import __version__

    assert f"v{__version__}.sqlite" in [f.name for f in FIXTURES]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_release_fixture_upgrades_to_head_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as raw:
        before = {
            t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("account", "customer", "bill", "payment", "operator", "holiday")
        }
    core = HallCore.open(path)
    try:
        assert current_revision(core.db.engine) == head_revision(core.db.engine)
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        hits = core.accounts.search(clerk, "3200000001")
        assert [h.account_no for h in hits] == ["3200000001"]
        assert len(core.accounts.open(clerk, hits[0].account_id).bills) == 5
        assert core.verify_audit_chain() is None
    finally:
        core.close()
    with sqlite3.connect(path) as raw:
        after = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before
    assert before["account"] == 25


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if f.stem >= "v0.4.0"], ids=lambda f: f.stem)
def test_applications_and_complaints_survive_upgrades(fixture: Path, tmp_path: Path) -> None:
    """From 0.4.0 on: applications with their history and scans, consultations and complaints."""
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    core = HallCore.open(path)
    try:
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        found = core.application_reads.find(clerk, "王小明")
        assert len(found) >= 2
        details = [core.application_reads.detail(clerk, r.application_id) for r in found]
        assert any(d.attachments for d in details) and any(d.row.expedite_count for d in details)
        assert (
            core.application_docs.form(clerk, found[0].application_id).application_no
            == found[0].application_no
        )
        assert [c.customer_name for c in core.complaints.open_complaints(clerk)] == ["孙先生"]
        assert len(core.consultations.open_callbacks(clerk)) == 1
    finally:
        core.close()
