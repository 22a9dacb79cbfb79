"""Participation measurement: instruments, survey-export readers, statistics and disclosure
control (osallisuusbarometri with a comparison group)."""
