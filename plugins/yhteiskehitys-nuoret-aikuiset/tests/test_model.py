"""The young-adults developer-group model: its content, and that it conforms."""

from __future__ import annotations

import yhteiskehitys_nuoret_aikuiset as plugin

from yhteiskehitys import catalogue, general_model
from yhteiskehitys.testing.conformance import check_plugin


def test_the_model_is_for_18_to_34_year_olds():
    model = plugin.developer_group_model()
    assert model.name == "nuoret-aikuiset"
    assert (model.target_group.age.min, model.target_group.age.max) == (18, 34)
    assert model.target_group.check({"age": 18, "status": "working"})[0] is True
    assert model.target_group.check({"age": 35})[0] is False
    assert model.target_group.check({"age": 17})[0] is False


def test_certificates_and_email_between_meetings_are_on():
    model = plugin.developer_group_model()
    assert model.certificates is True
    assert model.email_between_meetings is True
    assert "email_between_meetings" in model.methods


def test_roles_include_the_expert_by_experience():
    roles = plugin.developer_group_model().roles
    assert "expert_by_experience" in roles
    assert "developer_group_member" in roles
    assert "participant" in roles


def test_the_model_keeps_the_general_checklist():
    assert plugin.developer_group_model().checklist_ids() == general_model().checklist_ids()


def test_any_status_is_welcome():
    group = plugin.developer_group_model().target_group
    for status in ("working", "studying", "client", "unemployed"):
        assert group.check({"age": 25, "status": status})[0] is True


def test_the_plugin_conforms(yk_conformance):
    assert check_plugin(plugin) == []
    yk_conformance(plugin)


def test_the_model_is_offered_through_the_hook(yk_register, yk_plugin_manager):
    yk_register(plugin, name="nuoret_aikuiset")
    assert "nuoret-aikuiset" in catalogue.models(yk_plugin_manager)
