"""The door for an embedding developer: one object per open programme, with every verb of ``yk``.

>>> from yhteiskehitys import open_programme
>>> with open_programme("ohjelma") as programme:  # doctest: +SKIP
...     programme.commissions.start("c-1")
"""

from .programme import OpenProgramme, open_programme
from .scaffold import new_plugin
from .transfer import Imported, create_programme, import_programme

__all__ = [
    "Imported",
    "OpenProgramme",
    "create_programme",
    "import_programme",
    "new_plugin",
    "open_programme",
]
