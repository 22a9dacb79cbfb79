"""Checklist progress in the store: one row per item done, one audit entry per mark."""

from __future__ import annotations

import json
from datetime import date

import pytest

from yhteiskehitys.catalogue import get_model
from yhteiskehitys.checklist import CHECKLIST_FILE, Done, import_file, mark_done
from yhteiskehitys.errors import ConfigError
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.store import ReadOnlyError
from yhteiskehitys.store.transfer import export_text


@pytest.fixture(scope="module")
def template():
    return get_model(get_plugin_manager(), "nuoret-aikuiset")


def test_a_mark_is_stored_once_with_its_audit_entry(store):
    with store.transaction(operator="anna") as tx:
        assert tx.checklist.mark("present_model", date(2024, 1, 22), "koordinaattori")
        assert tx.checklist.mark("dialogic_work", date(2024, 3, 12))
    with store.transaction(operator="bo") as tx:
        assert not tx.checklist.mark("present_model", date(2024, 5, 1), "bo")
    with store.read() as tx:
        assert tx.checklist.done() == {
            "dialogic_work": Done(on=date(2024, 3, 12), by="anna"),
            "present_model": Done(on=date(2024, 1, 22), by="koordinaattori"),
        }
        entries = tx.audit.entries(entity="checklist")
        with pytest.raises(ReadOnlyError):
            tx.checklist.mark("agree_communication", date(2024, 2, 6))
    assert [(e.action, e.entity_id, e.operator, e.before) for e in entries] == [
        ("add", "present_model", "anna", None),
        ("add", "dialogic_work", "anna", None),
    ]
    assert entries[0].after == {"on": "2024-01-22", "by": "koordinaattori"}


def test_unknown_items_are_refused_together_and_nothing_is_written(store, template):
    with pytest.raises(ConfigError) as caught:
        with store.transaction() as tx:
            mark_done(tx, template, ["present_model", "nope", "nor_this"], date(2024, 1, 1))
    # The library names the field; the command line shows the same errors as its option.
    assert [p for p in caught.value.problems if p.startswith("done")] == [
        "done 'nope': no such checklist item in model 'nuoret-aikuiset'",
        "done 'nor_this': no such checklist item in model 'nuoret-aikuiset'",
    ]
    assert [p for p in caught.value.as_options() if p.startswith("--done")] == [
        "--done nope: no such checklist item in model 'nuoret-aikuiset'",
        "--done nor_this: no such checklist item in model 'nuoret-aikuiset'",
    ]
    with store.read() as tx:
        assert tx.checklist.done() == {} and tx.audit.count() == 0


def test_an_earlier_file_is_imported_once_with_its_dates_and_operators(store, tmp_path):
    (tmp_path / CHECKLIST_FILE).write_text(
        '[done.present_model]\non = 2024-01-22\nby = "koordinaattori"\n', encoding="utf-8"
    )
    with store.transaction(operator="anna") as tx:
        assert import_file(tx, tmp_path) == ["present_model"]
        assert import_file(tx, tmp_path) == []
    with store.read() as tx:
        assert tx.checklist.done() == {
            "present_model": Done(on=date(2024, 1, 22), by="koordinaattori")
        }
        [entry] = tx.audit.entries(entity="checklist")
    assert (entry.action, entry.operator) == ("import", "anna")
    assert entry.after == {"on": "2024-01-22", "by": "koordinaattori"}


def test_progress_is_exported_with_iso_dates(store):
    with store.transaction() as tx:
        tx.checklist.mark("present_model", date(2024, 1, 22), "koordinaattori")
    data = json.loads(export_text(store))
    assert data["records"]["checklist_progress"] == [
        {"item": "present_model", "done_on": "2024-01-22", "done_by": "koordinaattori"}
    ]
