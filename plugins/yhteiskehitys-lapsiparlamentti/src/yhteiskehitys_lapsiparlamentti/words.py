"""The model's own words and their labels in Finnish, Swedish and English.

Words the core already labels (``participant``, ``coordinator``, ``sitting``, ``pair``, ...)
are reused; the rest are labelled here, so the site shows every word by its label.
"""

from __future__ import annotations

from yhteiskehitys.model import Text, Vocabulary

ROLES = (
    "participant",
    "pupil_representative",
    "deputy_representative",
    "teacher",
    "board_member",
    "chair",
    "secretary",
    "coordinator",
)
SESSION_KINDS = ("sitting", "general_assembly", "board_meeting", "regional_parliament")
METHODS = (
    "pictures_and_stickers",
    "group_discussion",
    "pair",
    "class_discussion",
    "drawing",
    "thumb_vote",
    "walk_around_school",
)
CHANNELS = ("class_elections", "classes", "idea_box")

VOCABULARY = Vocabulary(
    roles={
        "pupil_representative": Text(
            fi="oppilasedustaja", sv="elevrepresentant", en="pupil representative"
        ),
        "deputy_representative": Text(fi="varaedustaja", sv="suppleant", en="deputy"),
        "teacher": Text(fi="opettaja", sv="lärare", en="teacher"),
        "board_member": Text(fi="hallituksen jäsen", sv="styrelsemedlem", en="board member"),
        "chair": Text(fi="puheenjohtaja", sv="ordförande", en="chair"),
        "secretary": Text(fi="sihteeri", sv="sekreterare", en="secretary"),
    },
    session_kinds={
        "sitting": Text(fi="istunto", sv="session", en="sitting"),
        "general_assembly": Text(fi="yleiskokous", sv="allmänt möte", en="general assembly"),
        "board_meeting": Text(fi="hallituksen kokous", sv="styrelsemöte", en="board meeting"),
        "regional_parliament": Text(
            fi="aluelapsiparlamentti", sv="regionalt barnparlament", en="regional parliament"
        ),
    },
    methods={
        "class_discussion": Text(
            fi="keskustelu omassa luokassa", sv="samtal i den egna klassen", en="class discussion"
        ),
        "drawing": Text(fi="piirtäminen", sv="teckning", en="drawing"),
        "thumb_vote": Text(fi="peukkuäänestys", sv="tumröstning", en="thumbs-up vote"),
        "walk_around_school": Text(
            fi="kävely koulun ympäristössä", sv="promenad kring skolan", en="walk around the school"
        ),
    },
    recruitment_channels={
        "class_elections": Text(
            fi="luokan vaaleissa", sv="i klassens val", en="in class elections"
        ),
        "classes": Text(fi="luokista", sv="från klasserna", en="from the classes"),
        "idea_box": Text(fi="idealaatikosta", sv="i idélådan", en="in the idea box"),
    },
)
