"""The built-in participation barometers and survey-export readers."""

from __future__ import annotations

from .. import hookimpl


@hookimpl
def yk_instruments():
    from ..convert import make_converter
    from ..measure.instrument import builtin_instruments

    return builtin_instruments(make_converter("toml"))


@hookimpl
def yk_readers():
    from ..measure.readers import generic, googleforms, limesurvey, msforms, webropol

    return [m.READER for m in (generic, webropol, limesurvey, msforms, googleforms)]
