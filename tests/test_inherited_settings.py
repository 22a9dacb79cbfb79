"""Settings left out of programme.toml come from the model, not from the library's defaults."""

from __future__ import annotations

import attrs

from yhteiskehitys import hookimpl
from yhteiskehitys.builtin.general_model import general_model
from yhteiskehitys.folder import ProgrammeFolder
from yhteiskehitys.model import ConsentPolicy, LoopLimits

STRICT = attrs.evolve(
    general_model(),
    name="tiukka",
    loop_limits=LoopLimits(respond_days=10, report_back_days=7),
    consent_policy=ConsentPolicy(guardian_under=16),
    disclosure_threshold=8,
)


class StrictModel:
    @hookimpl
    def yk_models(self):
        return [STRICT]


PROGRAMME = """
name = "Tiukka ohjelma"
model = "tiukka"
organisation = "Kunta"

[target_group]
name = "Nuoret"
age = { min = 13, max = 29 }
"""


def test_left_out_settings_are_the_models(tmp_path, yk_register, yk_plugin_manager):
    yk_register(StrictModel(), name="strict")
    (tmp_path / "programme.toml").write_text(PROGRAMME, encoding="utf-8")
    programme = ProgrammeFolder.open(tmp_path, yk_plugin_manager).programme
    assert programme.loop_limits == LoopLimits(respond_days=10, report_back_days=7)
    assert programme.consent_policy.guardian_under == 16
    assert programme.disclosure_threshold == 8


def test_settings_in_the_file_win(tmp_path, yk_register, yk_plugin_manager):
    yk_register(StrictModel(), name="strict")
    text = (
        PROGRAMME.replace(
            'organisation = "Kunta"', 'organisation = "Kunta"\ndisclosure_threshold = 9'
        )
        + "\n[loop_limits]\nrespond_days = 5\nreport_back_days = 3\n"
    )
    (tmp_path / "programme.toml").write_text(text, encoding="utf-8")
    programme = ProgrammeFolder.open(tmp_path, yk_plugin_manager).programme
    assert programme.disclosure_threshold == 9
    assert programme.loop_limits == LoopLimits(respond_days=5, report_back_days=3)
    assert programme.consent_policy.guardian_under == 16
