"""One-line summaries of the built-in commands for ``yk --help``.

Generated from each command's docstring by docs/gen_cli_summaries.py (``make docs``);
do not edit: change the docstring and regenerate."""

SUMMARIES: dict[str, str] = {
    "actor": "Add or list the network's actors.",
    "budget": "Participatory budgeting: count a budget and explain it.",
    "calendar": "Write sessions and meetings as .ics.",
    "certificates": "Write certificates.",
    "checklist": "Show or mark progress per phase.",
    "child-impact": "Assess a commission's impact on children.",
    "commission": "Commissions through the loop.",
    "consent": "Record a participant's consent.",
    "election": "Youth-council elections: roll, codes, votes, count.",
    "export": "Write the whole programme to a JSON file.",
    "feedback": "Record actors' collaboration feedback.",
    "finding": "Record the group's views.",
    "idea": "Ideas through the loop.",
    "import": "Load an export into an empty store.",
    "init": "Create a programme folder from a model.",
    "instruments": "List instruments, scales and items.",
    "log": "Show the audit trail: who changed what, when.",
    "loop": "Open loops, overdue steps, closure rate.",
    "mail": "Write e-mail drafts after a session (sends none).",
    "measure": "Barometer results with disclosure control.",
    "models": "List the copyable models (toimintamallit).",
    "participant": "Participants and their data.",
    "partners": "Suggest actors for a theme, and why.",
    "pilot": "Add, evaluate and decide pilots.",
    "plugin": "Start a plugin package of your own.",
    "plugins": "List plugins, versions and their hooks.",
    "report": "Build the programme's site (fi, sv, en).",
    "session": "Add, correct, remove or list sessions.",
    "status": "The programme on one screen.",
    "survey": "Import survey-tool exports into rounds.",
    "theme": "Add or list themes (ilmiöt).",
    "validate": "Check the configuration and records.",
}
