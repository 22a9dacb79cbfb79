"""Shared fixtures; hypothesis profiles; CI turns every skip into a failure."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("tests", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("YK_HYPOTHESIS_PROFILE", "tests"))

