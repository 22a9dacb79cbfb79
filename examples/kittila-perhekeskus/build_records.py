# ruff: noqa: E501  (the commands read better unbroken)
"""Write this example's records.json files by running the ``yk`` commands a coordinator would.

    python examples/kittila-perhekeskus/build_records.py [OUT]

Each programme folder (``lapsiparlamentti/``, ``perhekeskus/``) is copied to a temporary folder,
the commands below are run in it, and the store is exported back as the folder's
``records.json`` — the file ``make demo`` imports. The commands are the record of how the
example was made: read them beside the README. Ballots and answers are drawn from a fixed seed,
so running this again gives the same records (audit times aside). Every person is invented.
"""

from __future__ import annotations

import csv
import random
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from yhteiskehitys.cli.main import main

HERE = Path(__file__).resolve().parent
DATA = HERE / "aineisto"

# --- the children's parliament --------------------------------------------------------------

SCHOOLS = {
    "keskuskoulu": "Kittilän keskuskoulu",
    "sirkka": "Sirkan koulu",
    "alakyla": "Alakylän koulu",
    "kaukonen": "Kaukosen koulu",
}

PARLIAMENT = """
school add keskuskoulu {f} --name "Kittilän keskuskoulu"
school add sirkka {f} --name "Sirkan koulu"
school add alakyla {f} --name "Alakylän koulu"
school add kaukonen {f} --name "Kaukosen koulu"
actor add ope-keskuskoulu {f} --name "Opettaja, Kittilän keskuskoulu" --organisation keskuskoulu --role teacher
actor add ope-sirkka {f} --name "Opettaja, Sirkan koulu" --organisation sirkka --role teacher
actor add ope-alakyla {f} --name "Opettaja, Alakylän koulu" --organisation alakyla --role teacher
actor add ope-kaukonen {f} --name "Opettaja, Kaukosen koulu" --organisation kaukonen --role teacher
actor add sivistys {f} --name "Sivistyslautakunta" --organisation kunta --organisation-name "Kittilän kunta"
actor add tekninen {f} --name "Tekninen lautakunta" --organisation kunta
actor add kunnanhallitus {f} --name "Kunnanhallitus" --organisation kunta
theme add koulupaiva {f} --title "Koulupäivä ja välitunnit" --kind permanent
theme add liikkuminen {f} --title "Koulumatkat ja liikkuminen" --kind permanent
theme add vapaa-aika {f} --title "Vapaa-aika kylillä" --kind situational
checklist {f} --done schools_asked --done teachers_named --at 2023-09-08
checklist {f} --done consents_collected --at 2023-09-29
"""

# Two representatives and a deputy of each school, chosen in class elections in September 2023.
REPRESENTATIVES = [
    # id, school, birth year, role, name (only on the certificate)
    ("LP-01", "keskuskoulu", 2012, "pupil_representative", "Ella Esimerkki"),
    ("LP-02", "keskuskoulu", 2013, "pupil_representative", "Onni Malli"),
    ("LP-03", "keskuskoulu", 2014, "deputy_representative", "Siiri Kokeilu"),
    ("LP-04", "sirkka", 2012, "pupil_representative", "Veeti Keksitty"),
    ("LP-05", "sirkka", 2014, "pupil_representative", "Aada Kuviteltu"),
    ("LP-06", "sirkka", 2013, "deputy_representative", "Leevi Harjoitus"),
    ("LP-07", "alakyla", 2012, "pupil_representative", "Helmi Testinen"),
    ("LP-08", "alakyla", 2013, "pupil_representative", "Eetu Esimerkki"),
    ("LP-09", "alakyla", 2015, "deputy_representative", "Lilja Malli"),
    ("LP-10", "kaukonen", 2013, "pupil_representative", "Niilo Keksitty"),
    ("LP-11", "kaukonen", 2012, "pupil_representative", "Venla Kokeilu"),
    ("LP-12", "kaukonen", 2014, "deputy_representative", "Toivo Kuviteltu"),
]

SITTINGS = """
session add LP-S1 {f} --date 2023-10-04 --kind sitting --title "Lapsiparlamentin ensimmäinen istunto" --method group_discussion --facilitator ope-keskuskoulu --facilitator ope-sirkka --facilitator ope-alakyla --facilitator ope-kaukonen {all_representatives} --idea LP-I1 --idea LP-I2 --idea LP-I3
checklist {f} --done first_sitting --done ideas_gathered --at 2023-10-04
idea route LP-I1 {f} --actor sivistys --at 2023-10-04
idea start LP-I1 {f} --at 2023-10-04
finding add LP-F1 {f} --subject LP-I1 --session LP-S1 --text "Jokaisen koulun välitunnille tarvitaan lainattavia pelivälineitä; pienissä kouluissa niitä on vähiten."
idea document LP-I1 {f} --at 2023-10-05
idea deliver LP-I1 {f} --at 2023-10-09
idea respond LP-I1 {f} --outcome adopted --decided-by "Sivistyslautakunta" --decided 2023-11-08 --change "Jokainen koulu saa välituntivälinekassin kevätlukukaudeksi." --decision-text "Sivistyslautakunta 8.11.2023 § 87: hankitaan välituntivälineet kaikkiin alakouluihin." --at 2023-11-08
idea report-back LP-I1 {f} --channel class_visit --text "Edustajat kertoivat luokille: välinekassit tulevat kaikkiin kouluihin tammikuussa." --at 2023-11-15
idea route LP-I2 {f} --actor tekninen --at 2023-10-04
idea start LP-I2 {f} --at 2023-10-04
finding add LP-F2 {f} --subject LP-I2 --session LP-S1 --text "Keskuskoulun risteyksessä on pimeää aamuisin; lapset toivovat valoa ja suojatien."
idea document LP-I2 {f} --at 2023-10-05
idea deliver LP-I2 {f} --at 2023-10-09
idea respond LP-I2 {f} --outcome pending --decided-by "Tekninen lautakunta" --decided 2023-11-14 --decision-text "Tekninen lautakunta 14.11.2023 § 112: valaistus ja suojatie otetaan katuvalosuunnitelmaan 2024; päätös keväällä." --follow-up 2024-03-31 --at 2023-11-14
idea report-back LP-I2 {f} --channel class_visit --text "Asia on kesken: tekninen lautakunta päättää valaistuksesta keväällä 2024." --at 2023-11-20
idea route LP-I3 {f} --actor sivistys --at 2023-10-04
idea start LP-I3 {f} --at 2023-10-04
finding add LP-F3 {f} --subject LP-I3 --session LP-S1 --text "Kyläkoulujen oppilaat toivovat kirjastoautoa viikoittain."
idea document LP-I3 {f} --at 2023-10-05
idea deliver LP-I3 {f} --at 2023-10-09
idea respond LP-I3 {f} --outcome not_adopted --decided-by "Sivistyslautakunta" --decided 2023-11-08 --reason "Kirjastoauton reitit sovitaan seutukirjastossa; kunta pyysi lisäkäyntiä kyläkouluille." --decision-text "Sivistyslautakunta 8.11.2023 § 88: kirjastoauton reitit päättää seutukirjasto; pyydetään lisäkäyntejä kyläkouluille." --at 2023-11-08
idea report-back LP-I3 {f} --channel class_visit --text "Kirjastoauto ei tule joka viikko; kunta pyysi seutukirjastolta lisäkäyntejä kyläkouluille." --at 2023-11-15
session add LP-S2 {f} --date 2023-12-13 --kind sitting --title "Istunto: koulumatkat ja talousarvion raha" --method pictures_and_stickers --facilitator ope-keskuskoulu --facilitator ope-sirkka --facilitator ope-alakyla --facilitator ope-kaukonen {all_representatives} --commission LP-C1 --idea LP-I4
commission start LP-C1 {f} --at 2023-12-13
finding add LP-F4 {f} --subject LP-C1 --session LP-S2 --text "Kyläkoulujen oppilaat odottavat kuljetusta jopa 40 minuuttia; iltapäivän kerhot jäävät väliin."
finding add LP-F5 {f} --subject LP-C1 --session LP-S2 --text "Kuljetuksen pitäisi lähteä vasta kerhojen jälkeen kahtena päivänä viikossa."
commission document LP-C1 {f} --at 2023-12-14
commission deliver LP-C1 {f} --at 2023-12-18
commission respond LP-C1 {f} --outcome adapted --decided-by "Tekninen lautakunta" --decided 2024-01-23 --change "Kyläkoulujen iltapäiväkuljetus lähtee tiistaisin ja torstaisin kerhojen jälkeen." --decision-text "Tekninen lautakunta 23.1.2024 § 6: koulukuljetusten aikataulumuutos kevätlukukaudelle." --at 2024-01-23
commission report-back LP-C1 {f} --channel poster --text "Juliste kouluille: kerhopäivinä kuljetus odottaa kerhon loppuun." --at 2024-01-30
idea route LP-I4 {f} --actor kunnanhallitus --at 2023-12-13
idea start LP-I4 {f} --at 2023-12-13
finding add LP-F6 {f} --subject LP-I4 --session LP-S2 --text "Lapsiparlamentti haluaa päättää itse osasta rahaa: koulupihoille ja välitunneille."
idea document LP-I4 {f} --at 2023-12-14
idea deliver LP-I4 {f} --at 2023-12-15
idea respond LP-I4 {f} --outcome adopted --decided-by "Kunnanvaltuusto" --decided 2023-12-18 --change "Talousarvioon 2024 varataan 4 000 € lapsiparlamentin osallistavaan budjetointiin." --decision-text "Talousarvio 2024: lapsiparlamentin osallistava budjetointi 4 000 €." --at 2023-12-18
idea report-back LP-I4 {f} --channel class_visit --text "Rahaa on 4 000 €: jokainen koulu ehdottaa hankkeita ja kaikki oppilaat äänestävät." --at 2024-01-10
checklist {f} --done budget_set --at 2023-12-18
"""

BUDGET = """
budget new pihat-2024 {f} --title "Lapsiparlamentin budjetti 2024: koulupihat ja välitunnit" --amount 4000 --max-length 2 --rule one-per-school --opens 2024-02-19 --closes 2024-03-08
budget project add pihat-2024 1 {f} --name "Pingispöytä ulos" --cost 1400 --area keskuskoulu --category liikunta
budget project add pihat-2024 2 {f} --name "Lainattavat lumikengät" --cost 900 --area keskuskoulu --category liikunta
budget project add pihat-2024 3 {f} --name "Kiipeilyteline" --cost 1800 --area sirkka --category leikki
budget project add pihat-2024 4 {f} --name "Katos ja penkit" --cost 700 --area sirkka --category oleskelu
budget project add pihat-2024 5 {f} --name "Pallopelivälineet" --cost 400 --area alakyla --category liikunta
budget project add pihat-2024 6 {f} --name "Lukunurkka välitunnille" --cost 600 --area alakyla --category lukeminen
budget project add pihat-2024 7 {f} --name "Frisbeegolfkorit" --cost 900 --area kaukonen --category liikunta
budget project add pihat-2024 8 {f} --name "Pulkat ja liukurit" --cost 500 --area kaukonen --category leikki
session add LP-S3 {f} --date 2024-02-14 --kind sitting --title "Istunto: hankkeet äänestykseen" --method group_discussion --facilitator ope-keskuskoulu --facilitator ope-sirkka --facilitator ope-alakyla --facilitator ope-kaukonen {all_representatives}
budget ballots import pihat-2024 {ballots} {f}
checklist {f} --done budget_decided --at 2024-03-20
session add LP-S4 {f} --date 2024-04-17 --kind general_assembly --title "Yleiskokous: mitä äänestys päätti ja mitä vastauksia tuli" --method pictures_and_stickers --facilitator ope-keskuskoulu --facilitator ope-sirkka --facilitator ope-alakyla --facilitator ope-kaukonen {all_representatives} --idea LP-I2
idea respond LP-I2 {f} --outcome adopted --decided-by "Tekninen lautakunta" --decided 2024-03-26 --change "Keskuskoulun risteykseen suojatie ja katuvalo kesällä 2024." --decision-text "Tekninen lautakunta 26.3.2024 § 31: katuvalosuunnitelma 2024." --at 2024-03-26
idea report-back LP-I2 {f} --channel meeting --text "Yleiskokouksessa kerrottiin: suojatie ja valo tulevat kesällä." --at 2024-04-17
checklist {f} --done answers_to_classes --at 2024-04-17
"""

COMMISSION = """
commission new LP-C1 {f} --title "Koulukuljetusten aikataulut" --question "Miten koulukuljetukset sopivat kyläkoulujen lasten päivään ja kerhoihin?" --actor tekninen --theme liikkuminen --at 2023-11-30
child-impact LP-C1 {f} --affected "Kyläkoulujen oppilaat, jotka kulkevat koulukuljetuksella (noin 60 lasta)." --heard "Lapsiparlamentin istunnossa 13.12.2023 kuvin ja tarroin; edustajat kysyivät luokiltaan etukäteen." --changes "Kerhopäivinä kuljetus lähtee kerhon jälkeen; odotus lyhenee ja kerhoon pääsee." --telling "Juliste kaikkiin kouluihin ja edustajien kertomus luokissa."
"""

IDEAS = """
idea new LP-I1 {f} --title "Välituntivälineitä kaikkiin kouluihin" --text "Pallot, hyppynarut ja mölkky lainaan välitunnille." --channel classes --theme koulupaiva --at 2023-09-25
idea new LP-I2 {f} --title "Turvallinen koulumatka" --text "Suojatie ja valo keskuskoulun risteykseen." --channel idea_box --theme liikkuminen --at 2023-09-28
idea new LP-I3 {f} --title "Kirjastoauto joka viikko" --text "Kirjastoauto kyläkouluille joka viikko." --channel classes --theme vapaa-aika --at 2023-09-29
idea new LP-I4 {f} --title "Lapset päättävät rahasta" --text "Lapsiparlamentti saa päättää, mihin osa koulujen rahasta käytetään." --channel class_elections --theme koulupaiva --at 2023-11-20
"""

# How many pupils of each school voted, and how their ballots lean (the pupils' own projects).
TURNOUT = {"keskuskoulu": 96, "sirkka": 58, "alakyla": 22, "kaukonen": 17}
FAVOURITES = {
    "keskuskoulu": ["1", "1", "2", "3", "2", "1"],
    "sirkka": ["3", "3", "4", "1", "3"],
    "alakyla": ["5", "6", "5", "1"],
    "kaukonen": ["7", "8", "7", "3"],
}


def write_ballots(path: Path, rng: random.Random) -> None:
    """The paper ballots, typed in class by class: one or two projects each."""
    rows = []
    for school, voters in TURNOUT.items():
        for _ in range(voters):
            first = rng.choice(FAVOURITES[school])
            second = rng.choice(FAVOURITES[school] + [""])
            chosen = [first] if second in ("", first) else [first, second]
            rows.append(",".join(chosen))
    rng.shuffle(rows)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("ballot;projects\n")
        for n, projects in enumerate(rows, 1):
            out.write(f"{n:03d};{projects}\n")


def parliament(folder: Path, work: Path) -> None:
    rng = random.Random(2024)
    run(PARLIAMENT, folder)
    attendees = []
    for pid, school, born, role, name in REPRESENTATIVES:
        run_one(
            f'participant add {pid} {{f}} --birth-year {born} --school {school} --role {role} --joined 2023-09-22 --name "{name}"',
            folder,
        )
        run_one(
            f"consent add {pid} {{f}} --kind guardian --given 2023-09-27 --scope participation --scope certificate",
            folder,
        )
        attendees.append(f"--attendee {pid}")
    run(IDEAS, folder)
    run(COMMISSION, folder)
    everyone = " ".join(attendees)
    run(SITTINGS, folder, all_representatives=everyone)
    ballots = work / "pihat-2024-paperit.csv"
    write_ballots(ballots, rng)
    run(BUDGET, folder, all_representatives=everyone, ballots=shlex.quote(str(ballots)))


# --- the family centre --------------------------------------------------------------------

FAMILY_CENTRE = """
actor add perhekeskus {f} --name "Perhekeskuksen koordinaattori" --organisation kunta --organisation-name "Kittilän kunta" --role family_centre_coordinator
actor add varhaiskasvatus {f} --name "Varhaiskasvatus" --organisation kunta
actor add vapaa-aika {f} --name "Vapaa-aikapalvelut" --organisation kunta
actor add perhepalvelut {f} --name "Lasten ja perheiden palvelut" --organisation lapha --organisation-name "Lapin hyvinvointialue"
theme add kohtaamispaikka {f} --title "Kohtaamispaikka ja perheiden illat" --kind permanent
theme add palvelut {f} --title "Lapsiperheiden palvelut" --kind permanent
theme add kesa {f} --title "Kesän toiminta" --kind situational
checklist {f} --done map_family_services --at 2022-09-21
checklist {f} --done guardian_consent --at 2022-10-03
"""

# The developer-parents group gathered in autumn 2022; its family representative is invited to
# every workshop. Children take part in the meeting place's evaluation with a guardian's consent.
PARENTS = [("KV-01", "30-39"), ("KV-02", "30-39"), ("KV-03", "25-29"), ("KV-04", "40-49"),
           ("KV-05", "30-39"), ("KV-06", "40-49"), ("KV-07", "25-29")]  # fmt: skip
REPRESENTATIVE = ("PE-01", "30-39", "Maija Esimerkki")
CHILDREN = [("LA-01", 2019), ("LA-02", 2020), ("LA-03", 2018), ("LA-04", 2021),
            ("LA-05", 2017), ("LA-06", 2019), ("LA-07", 2020), ("LA-08", 2016)]  # fmt: skip

FAMILY_WORK = """
session add PK-S1 {f} --date 2022-10-12 --kind developer_parents_meeting --title "Kehittäjävanhempien ryhmä aloittaa" --method group_discussion --facilitator perhekeskus {parents} --attendee PE-01
checklist {f} --done developer_parents_group --done family_representative --at 2022-10-12
commission new PK-C1 {f} --title "Perhekeskuksen palvelut yhdelle sivulle" --question "Mistä perhe löytää kaikki lapsiperheiden palvelut ja tapahtumat yhdestä paikasta?" --actor perhekeskus --theme palvelut --at 2023-01-18
session add PK-S2 {f} --date 2023-02-08 --kind workshop --title "Työpaja: palvelutarjotin perheiden silmin" --method group_discussion --facilitator perhekeskus --attendee KV-01 --attendee KV-02 --attendee KV-04 --attendee KV-06 --attendee PE-01 --commission PK-C1
commission start PK-C1 {f} --at 2023-02-08
finding add PK-F1 {f} --subject PK-C1 --session PK-S2 --text "Vanhemmat etsivät palveluja somesta; kunnan sivuilta tieto on vaikea löytää."
finding add PK-F2 {f} --subject PK-C1 --session PK-S2 --text "Yksi palvelutarjotin, jossa neuvola, varhaiskasvatus, kerhot ja tapahtumat, myös kuvina."
commission document PK-C1 {f} --at 2023-02-10
commission deliver PK-C1 {f} --at 2023-02-13
commission respond PK-C1 {f} --outcome adopted --decided-by "Perhekeskuksen ohjausryhmä" --decided 2023-03-01 --change "Perhekeskuksen palvelutarjotin kunnan sivuille ja someen, päivitetään kuukausittain." --decision-text "Ohjausryhmä 1.3.2023: palvelutarjotin julkaistaan huhtikuussa." --at 2023-03-01
commission report-back PK-C1 {f} --channel social_media --text "Kiitos kehittäjävanhemmille: palvelutarjotin on nyt kunnan sivuilla ja somessa." --at 2023-04-03
idea new PK-I1 {f} --title "Perhekahvila myös iltaisin" --text "Työssä käyvät vanhemmat pääsisivät mukaan iltaisin." --channel event --theme kohtaamispaikka --at 2023-05-27
idea new PK-I2 {f} --title "Vauvajumppa kohtaamispaikkaan" --channel meeting_place --theme kohtaamispaikka --at 2023-05-27
idea new PK-I3 {f} --title "Neuvolan ajanvaraus verkossa" --text "Ajan voisi varata ja perua illalla puhelimen sijaan." --channel social_media --theme palvelut --at 2023-06-05
session add PK-S3 {f} --date 2023-05-27 --kind event --title "Perhepäivä: koordinaattorin ideapiste" --method event_stall --facilitator perhekeskus --attendee KV-03 --attendee KV-05 --attendee PE-01 --idea PK-I1 --idea PK-I2
checklist {f} --done idea_channels --at 2023-06-05
idea route PK-I1 {f} --actor perhekeskus --at 2023-05-29
idea start PK-I1 {f} --at 2023-05-29
idea route PK-I2 {f} --actor vapaa-aika --at 2023-05-29
idea start PK-I2 {f} --at 2023-05-29
idea route PK-I3 {f} --actor perhepalvelut --at 2023-06-06
idea start PK-I3 {f} --at 2023-06-06
finding add PK-F3 {f} --subject PK-I1 --session PK-S3 --text "Perhepäivän kävijöistä moni toivoi iltaa, jolloin koko perhe pääsee mukaan."
finding add PK-F4 {f} --subject PK-I2 --session PK-S3 --text "Vauvaperheet toivovat liikuntaa, jossa vanhemmat tapaavat toisiaan."
session add PK-S4 {f} --date 2023-06-07 --kind developer_parents_meeting --title "Kehittäjävanhemmat: somesta tulleet ideat" --method social_media --method group_discussion --facilitator perhekeskus --attendee KV-01 --attendee KV-04 --attendee KV-06 --attendee PE-01 --idea PK-I3
finding add PK-F5 {f} --subject PK-I3 --session PK-S4 --text "Somessa 14 vanhempaa kannatti verkkoajanvarausta; kehittäjävanhemmat toivovat myös ajan perumista verkossa."
idea document PK-I1 {f} --at 2023-05-30
idea deliver PK-I1 {f} --at 2023-05-31
idea document PK-I2 {f} --at 2023-05-30
idea deliver PK-I2 {f} --at 2023-05-31
idea document PK-I3 {f} --at 2023-06-09
idea deliver PK-I3 {f} --at 2023-06-12
idea respond PK-I1 {f} --outcome adopted --decided-by "Perhekeskuksen koordinaattori" --decided 2023-06-14 --change "Perheilta kohtaamispaikassa joka kuun ensimmäisenä torstaina klo 17–19." --decision-text "Syksyn 2023 toimintasuunnitelma: perheillat kuukausittain." --at 2023-06-14
idea report-back PK-I1 {f} --channel social_media --text "Toiveenne toteutuu: perheilta joka kuun ensimmäisenä torstaina syyskuusta alkaen." --at 2023-06-20
idea respond PK-I2 {f} --outcome adapted --decided-by "Vapaa-aikapalvelut" --decided 2023-06-20 --change "Vauvajumppa kerran kuussa liikuntahallissa; kohtaamispaikan tila on liian pieni." --decision-text "Liikuntapalvelujen syyskauden ohjelma 2023." --at 2023-06-20
idea report-back PK-I2 {f} --channel meeting_place --text "Vauvajumppa alkaa syyskuussa liikuntahallissa kerran kuussa." --at 2023-06-27
idea respond PK-I3 {f} --outcome not_adopted --decided-by "Lapin hyvinvointialue" --decided 2023-06-29 --reason "Neuvolan ajanvaraus siirtyy hyvinvointialueen yhteiseen järjestelmään vuonna 2024; kunnan oma ratkaisu ei ole mahdollinen." --decision-text "Hyvinvointialueen vastaus perhekeskukselle 29.6.2023." --at 2023-06-29
idea report-back PK-I3 {f} --channel social_media --text "Verkkoajanvaraus ei tule kunnalta: hyvinvointialue ottaa yhteisen järjestelmän käyttöön 2024. Kerromme, kun se aukeaa." --at 2023-07-03
session add PK-S5 {f} --date 2023-10-18 --kind workshop --title "Työpaja: perheillat ja kohtaamispaikan syksy" --method group_discussion --facilitator perhekeskus --attendee KV-02 --attendee KV-03 --attendee KV-07 --attendee PE-01
commission new PK-C2 {f} --title "Kohtaamispaikan toiminta 2024" --question "Mikä kohtaamispaikan toiminnassa on lasten ja vanhempien mielestä hyvää, ja mitä pitäisi muuttaa?" --actor perhekeskus --theme kohtaamispaikka --at 2024-02-12
child-impact PK-C2 {f} --affected "Kohtaamispaikassa käyvät 2–7-vuotiaat lapset ja heidän sisaruksensa." --heard "Lapset arvioivat toiminnot kuvin ja tarroin kohtaamispaikassa 6.3.2024." --changes "Ulkoilu ja leikkinurkka kevään ohjelmaan useammin; välipala lasten toiveiden mukaan." --telling "Tarrataulun tulokset ja muutokset kuvina kohtaamispaikan seinällä."
session add PK-S6 {f} --date 2024-03-06 --kind meeting_place_evaluation --title "Kohtaamispaikan arviointi kuvin ja tarroin" --method pictures_and_stickers --method faces --facilitator perhekeskus {children} --commission PK-C2
commission start PK-C2 {f} --at 2024-03-06
finding add PK-F6 {f} --subject PK-C2 --session PK-S6 --text "Lapset pitivät eniten ulkoilusta ja leikkinurkasta; laulaminen jakoi mielipiteet."
session add PK-S7 {f} --date 2024-03-13 --kind developer_parents_meeting --title "Vanhemmat arvioivat kohtaamispaikan" --method survey --method group_discussion --facilitator perhekeskus {parents} --attendee PE-01 --commission PK-C2
finding add PK-F7 {f} --subject PK-C2 --session PK-S7 --text "Vanhemmat tulivat kuulluiksi tapahtumissa, mutta palvelujen kehittämiseen he pääsivät vähemmän."
checklist {f} --done sticker_evaluation --done parent_evaluation --done child_impact --at 2024-03-13
commission document PK-C2 {f} --at 2024-03-14
commission deliver PK-C2 {f} --at 2024-03-15
commission respond PK-C2 {f} --outcome adopted --decided-by "Perhekeskuksen koordinaattori" --decided 2024-03-27 --change "Kevään ohjelmaan ulkoilupäivä viikoittain ja leikkinurkkaan uusia leluja; kehittäjävanhemmat mukaan suunnittelemaan syksyä." --decision-text "Kohtaamispaikan kevätohjelma 2024." --at 2024-03-27
commission report-back PK-C2 {f} --channel poster --text "Kuvajuliste kohtaamispaikan seinällä: näin tarrat vaikuttivat." --at 2024-04-03
checklist {f} --done tell_children --done tell_parents --at 2024-04-03
idea new PK-I4 {f} --title "Ulkoleikkipäivät kesäksi" --text "Kesällä kohtaamispaikka voisi kokoontua leikkipuistossa." --channel social_media --theme kesa --at 2024-04-02
session add PK-S8 {f} --date 2024-04-10 --kind workshop --title "Työpaja: perhekeskuksen kesä" --method group_discussion --facilitator perhekeskus --attendee KV-01 --attendee KV-05 --attendee PE-01 --idea PK-I4
"""

FAMILY_SUMMER = """
idea route PK-I4 {f} --actor vapaa-aika --at 2024-04-10
idea start PK-I4 {f} --at 2024-04-10
finding add PK-F8 {f} --subject PK-I4 --session PK-S8 --text "Leikkipuisto keskustassa sopii; tarvitaan katos sateen varalle."
idea document PK-I4 {f} --at 2024-04-11
idea deliver PK-I4 {f} --at 2024-04-12
idea respond PK-I4 {f} --outcome pending --decided-by "Vapaa-aikapalvelut" --decided 2024-04-30 --decision-text "Katoksen hinta selvitetään; päätös kesäkuussa." --follow-up 2024-06-15 --at 2024-04-30
idea report-back PK-I4 {f} --channel social_media --text "Ulkoleikkipäivistä päätetään kesäkuussa; kerromme heti." --at 2024-05-03
idea respond PK-I4 {f} --outcome adopted --decided-by "Vapaa-aikapalvelut" --decided 2024-06-12 --change "Kesä- ja heinäkuussa kohtaamispaikka leikkipuistossa tiistaisin; katos vuokrataan." --decision-text "Vapaa-aikapalvelujen kesäohjelma 2024." --at 2024-06-12
idea report-back PK-I4 {f} --channel social_media --text "Kesän ulkoleikkipäivät tiistaisin leikkipuistossa!" --at 2024-06-14
"""

ELECTION = """
election new nuva-2024 {f} --title "Nuorisovaltuustovaalit 2024" --title-sv "Val till ungdomsfullmäktige 2024" --title-en "Youth council election 2024" --seats 5 --deputies 3 --opens 2024-11-04 --closes 2024-11-15 --rule municipality=Kittilä --rule studying=yes --rule age=13-20
election roll import nuva-2024 {roll} {f} --at 2024-10-14
"""

# Candidates (their names are published with the result) and how many votes each got online
# and on paper at the youth centre. Two share the fifth place: the lot decides.
CANDIDATES = [
    ("v003", "Aino Keksitty", 17, 7),
    ("v011", "Eemil Esimerkki", 14, 5),
    ("v024", "Sara Malli", 11, 4),
    ("v038", "Oliver Kuviteltu", 8, 4),
    ("v047", "Iida Harjoitus", 7, 3),
    ("v052", "Joona Testinen", 6, 4),
    ("v066", "Emma Kokeilu", 5, 2),
    ("v071", "Lauri Keksitty", 3, 2),
    ("v089", "Pihla Esimerkki", 2, 1),
]
"""(voter id, name, online votes, paper votes at the youth centre)"""


def write_roll(path: Path, rng: random.Random) -> None:
    """The roll as the schools send it: pseudonymous voters, some of whom the rules refuse."""
    with path.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["voter", "birth_year", "municipality", "studying", "school"])
        for n in range(1, 141):
            school = "Kittilän keskuskoulu" if n % 3 else "Kittilän lukio"
            born = (
                rng.randint(2005, 2011) if school == "Kittilän lukio" else rng.randint(2009, 2011)
            )
            municipality, studying = "Kittilä", "yes"
            if n in (14, 57, 93, 121):
                municipality = "Kolari"
            if n in (35, 104, 133):
                studying = "no"
            if n in (128, 139):
                born = 2012
            w.writerow([f"v{n:03d}", born, municipality, studying, school])


def election(folder: Path, work: Path, rng: random.Random) -> None:
    roll = work / "nuva-2024-rulla.csv"
    write_roll(roll, rng)
    run(ELECTION, folder, roll=shlex.quote(str(roll)))
    for voter, name, _, _ in CANDIDATES:
        run_one(
            f'election candidate add nuva-2024 {voter} {{f}} --name "{name}" --at 2024-10-25',
            folder,
        )
    codes_file = work / "koodit.csv"
    run_one(
        f"election codes nuva-2024 {{f}} --out {shlex.quote(str(codes_file))} --at 2024-10-28",
        folder,
    )
    with codes_file.open(encoding="utf-8") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    rng.shuffle(codes)
    votes = [voter for voter, _, online, _ in CANDIDATES for _ in range(online)]
    rng.shuffle(votes)
    for n, (candidate, code) in enumerate(zip(votes, codes, strict=False)):
        day = 4 + n * 11 // len(votes)  # spread over the voting days 4-14 November
        run_one(
            f"election vote nuva-2024 {{f}} --code {code} --candidate {candidate} --at 2024-11-{day:02d}T12:00+02:00",
            folder,
        )
    paper = work / "nuorisotila.csv"
    with paper.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["place", "candidate", "votes"])
        for voter, _, _, on_paper in CANDIDATES:
            w.writerow(["nuorisotila", voter, on_paper])
    run_one(f"election ballots import nuva-2024 {shlex.quote(str(paper))} {{f}}", folder)
    run_one("election count nuva-2024 {f} --seed 2024 --at 2024-11-16T10:00+02:00", folder)
    run_one("election publish nuva-2024 {f} --at 2024-11-18T09:00+02:00", folder)


NETWORK = """
actor add nuva {f} --name "Nuorisovaltuuston edustaja" --organisation nuva --organisation-name "Kittilän nuorisovaltuusto" --role youth_council_member
checklist {f} --done youth_council_seat --at 2024-11-27
session add PK-S9 {f} --date 2024-12-11 --kind family_centre_network_meeting --title "Perhekeskusverkosto: nuorisovaltuuston jäsen mukaan" --method group_discussion --facilitator perhekeskus --facilitator nuva --facilitator varhaiskasvatus --facilitator perhepalvelut
checklist {f} --done root_in_structures --at 2024-12-11
"""


def sticker_tally(path: Path) -> None:
    """The meeting place's sticker board on 6.3.2024, counted face by face."""
    counts = {
        "Leikkinurkka": (5, 8, 14), "Laulaminen": (6, 7, 5), "Askartelu": (3, 8, 9),
        "Välipala": (5, 9, 7), "Ulkoilu": (2, 5, 17),
    }  # fmt: skip
    faces = ("Ihan ok", "Kivaa", "Tosi kivaa")
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("activity;face;count\n")
        for activity, row in counts.items():
            for face, count in zip(faces, row, strict=True):
                out.write(f"{activity};{face};{count}\n")


def parents_answers(path: Path, rng: random.Random, items: list[str]) -> None:
    """The parents' Webropol export: how far each parent took part, 1 (informed) to 5."""
    leans = [4, 3, 3, 2, 2]
    lines = [";".join(["Vastaaja", *(f"{i}. {text}" for i, text in enumerate(items, 1))])]
    for n in range(1, 15):
        row = [str(max(1, min(5, lean + rng.choice((-1, 0, 0, 1))))) for lean in leans]
        lines.append(";".join([str(n), *row]))
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


PARENT_ITEMS = [
    "Kohtaamispaikan toiminnan suunnittelu",
    "Tapahtumat ja perheiden illat",
    "Perhekeskuksen työpajat",
    "Lapsiperheiden palvelujen kehittäminen",
    "Päätökset, jotka koskevat lastani",
]

SURVEYS = """
survey import {stickers} {f} --round 2024-kevat --round-label "fi=kevät 2024" --round-label "sv=våren 2024" --round-label "en=spring 2024" --group lapset --instrument perhekeskus-tarrat
survey import {parents} {f} --round 2024-kevat --group vanhemmat --instrument perhekeskus-vanhemmat --reader webropol
"""


def family_centre(folder: Path, work: Path) -> None:
    rng = random.Random(2022)
    run(FAMILY_CENTRE, folder)
    for pid, band in PARENTS:
        run_one(
            f"participant add {pid} {{f}} --age-band {band} --role developer_parent --joined 2022-10-12",
            folder,
        )
        run_one(f"consent add {pid} {{f}} --kind own --given 2022-10-12", folder)
    pid, band, name = REPRESENTATIVE
    run_one(
        f'participant add {pid} {{f}} --age-band {band} --role family_representative --joined 2022-10-12 --name "{name}"',
        folder,
    )
    run_one(
        f"consent add {pid} {{f}} --kind own --given 2022-10-12 --scope participation --scope certificate",
        folder,
    )
    for pid, born in CHILDREN:
        run_one(
            f"participant add {pid} {{f}} --birth-year {born} --role child --joined 2024-03-06",
            folder,
        )
        run_one(f"consent add {pid} {{f}} --kind guardian --given 2024-03-04", folder)
    parents = " ".join(f"--attendee {pid}" for pid, _ in PARENTS)
    children = " ".join(f"--attendee {pid}" for pid, _ in CHILDREN)
    run(FAMILY_WORK, folder, parents=parents, children=children)
    run(FAMILY_SUMMER, folder)
    stickers, answers = work / "tarrat-2024-kevat.csv", work / "vanhemmat-2024-kevat.csv"
    sticker_tally(stickers)
    parents_answers(answers, rng, PARENT_ITEMS)
    run(SURVEYS, folder, stickers=shlex.quote(str(stickers)), parents=shlex.quote(str(answers)))
    election(folder, work, rng)
    run(NETWORK, folder)


# --- running ---------------------------------------------------------------------------------


def run_one(line: str, folder: Path, **values: str) -> None:
    argv = shlex.split(line.format(f=shlex.quote(str(folder)), **values))
    code = main(["--as", "koordinaattori", *argv])
    if code != 0:
        sys.exit(f"build_records: `yk {line[:80]}` exited {code}")


def run(text: str, folder: Path, **values: str) -> None:
    for line in text.strip().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            run_one(line, folder, **values)


def build(name: str, fill, out: Path) -> Path:
    """Run the programme's commands in a copy of its folder; write its records to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / name
        shutil.copytree(HERE / name, folder, ignore=shutil.ignore_patterns("records.json"))
        fill(folder, work)
        target = out / name / "records.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        run_one(f"export {{f}} --out {shlex.quote(str(target))}", folder)
        return target


def main_(argv: list[str] | None = None) -> None:
    """``build_records.py [OUT]``: write into OUT/<programme>/records.json (default: here)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else HERE
    build("lapsiparlamentti", parliament, out)
    build("perhekeskus", family_centre, out)


if __name__ == "__main__":
    main_()
