"""Decisions the group makes: participatory budgeting and youth-council elections."""
