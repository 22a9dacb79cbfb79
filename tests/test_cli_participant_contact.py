"""`yk participant add --name …` and `yk participant contact`: personal data kept apart."""

from __future__ import annotations

import json


def _programme(yk, tmp_path):
    folder = tmp_path / "ohjelma"
    assert yk("init", folder, "--model", "nuoret-aikuiset").returncode == 0
    return folder


def _export(yk, folder, pid):
    result = yk("participant", "export", pid, folder)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_add_with_name_keeps_it_in_personal_data_only(yk, tmp_path):
    folder = _programme(yk, tmp_path)
    result = yk(
        "participant", "add", "p-1", folder, "--birth-year", "2001",
        "--name", "Aino Esimerkki", "--email", "aino@example.org",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = _export(yk, folder, "p-1")
    assert data["personal_data"]["name"] == "Aino Esimerkki"
    assert "Aino" not in json.dumps(data["participant"])
    listed = yk("participant", "list", folder)
    assert "p-1" in listed.stdout and "Aino" not in listed.stdout


def test_contact_details_without_a_name_write_nothing(yk, tmp_path):
    folder = _programme(yk, tmp_path)
    result = yk("participant", "add", "p-1", folder, "--email", "a@example.org")
    assert result.returncode == 2
    assert "--name: give the name too" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "yhteiskehitys.db").exists()


def test_contact_updates_only_what_is_given_and_audits_it(yk, tmp_path):
    folder = _programme(yk, tmp_path)
    yk("participant", "add", "p-1", folder, "--name", "Aino Esimerkki", "--email", "a@example.org")
    assert yk("participant", "contact", "p-1", folder, "--phone", "0401234567").returncode == 0
    personal = _export(yk, folder, "p-1")["personal_data"]
    assert personal == {
        "participant": "p-1",
        "name": "Aino Esimerkki",
        "email": "a@example.org",
        "phone": "0401234567",
        "notes": "",
    }
    log = yk("log", folder, "--entity", "personal_data").stdout
    assert "update" in log and "phone" in log


def test_contact_refusals_name_the_fix(yk, tmp_path):
    folder = _programme(yk, tmp_path)
    yk("participant", "add", "p-1", folder)
    for args, message in [
        (("p-1",), "give at least one of --name"),
        (("p-1", "--email", "a@example.org"), "has no personal data yet: give --name"),
        (("p-9", "--name", "X"), "p-9"),
    ]:
        before = yk("log", folder).stdout
        result = yk("participant", "contact", args[0], folder, *args[1:])
        assert result.returncode == 2, args
        assert message in result.stderr
        assert yk("log", folder).stdout == before
