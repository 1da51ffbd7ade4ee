"""The demo ledger, taken from the AFP article in ``shared/seed/`` (Mali, 7 October 2025).

Quotes are verbatim from the article. Dates carry the precision the article gives: "In February"
is February 2025 at month precision; a statement the article does not date ("told AFP") carries
the report's date and ``stated_on_is_report_date``. Paragraph locators count the article's
paragraphs from the first ("From explosive drones…" is para 1).

Two entries are not in the article and are marked as illustrations of the newsroom's own work:
the requests for comment. At least one claim stays a draft (and one in review), and the draft is
the only claim that quotes Ulf Laessing's Turkish-drones remark, so the demo shows the visibility
rule: the public does not see that claim, nor Laessing, nor his foundation.
"""

from __future__ import annotations

AFP = "afp"
ARTICLE = "afp-2025-10-07"

OUTLETS = [
    {
        "slug": AFP,
        "name": "Agence France-Presse",
        "kind": "news_agency",
        "country": "FR",
        "website": "https://www.afp.com/",
        "default_reliability": "B",
    },
]

SOURCES = [
    {
        "key": ARTICLE,
        "outlet": AFP,
        "title": "From Donbas to the desert: Mali Tuaregs borrow Ukraine's war tactics",
        "published_on": "2025-10-07",
        "language": "en",
        "byline": "AFP",
        "internal_notes": "Demo: the text is in shared/seed/afp-2025-10-07-mali-tuaregs-ukraine-"
        "tactics.txt. The seed does not give the article's address, so none is entered.",
    },
]

# slug: name, kind, country, aliases [(name, language)], description, founded (date, precision)
ACTORS = [
    {
        "slug": "fla",
        "name": "Azawad Liberation Front",
        "kind": "armed_group",
        "country": "ML",
        "aliases": [("FLA", ""), ("Front de Libération de l'Azawad", "fr")],
        "description": "A pro-independence armed coalition of predominantly Tuareg groups "
        "fighting over the Azawad territory in Mali's north, formed from several rebel "
        "movements.",
        "founded": ("2024-11-01", "month"),
    },
    {
        "slug": "mohamed-elmaouloud-ramadane",
        "name": "Mohamed Elmaouloud Ramadane",
        "kind": "person",
        "country": "ML",
        "aliases": [("Ramadane", "")],
        "description": "Spokesman for the Azawad Liberation Front.",
    },
    {
        "slug": "malian-armed-forces",
        "name": "Malian Armed Forces",
        "kind": "military",
        "country": "ML",
        "aliases": [("FAMa", ""), ("Forces Armées Maliennes", "fr"), ("Malian army", "en")],
        "description": "Mali's army.",
    },
    {
        "slug": "government-of-mali",
        "name": "Government of Mali",
        "kind": "government",
        "country": "ML",
        "aliases": [("Mali", ""), ("Malian junta", "en")],
        "description": "Mali's military-led transitional government.",
    },
    {
        "slug": "abdoulaye-maiga",
        "name": "Abdoulaye Maïga",
        "kind": "person",
        "country": "ML",
        "aliases": [("Abdoulaye Maiga", ""), ("General Abdoulaye Maiga", "")],
        "description": "Prime Minister of Mali.",
    },
    {
        "slug": "government-of-niger",
        "name": "Government of Niger",
        "kind": "government",
        "country": "NE",
        "aliases": [("Niger", "")],
        "description": "Niger's military-led government.",
    },
    {
        "slug": "government-of-burkina-faso",
        "name": "Government of Burkina Faso",
        "kind": "government",
        "country": "BF",
        "aliases": [("Burkina Faso", "")],
        "description": "Burkina Faso's military-led government.",
    },
    {
        "slug": "government-of-ukraine",
        "name": "Government of Ukraine",
        "kind": "government",
        "country": "UA",
        "aliases": [("Ukraine", ""), ("Kyiv", "")],
        "description": "",
    },
    {
        "slug": "ukrainian-military-intelligence",
        "name": "Defence Intelligence of Ukraine",
        "kind": "military",
        "country": "UA",
        "aliases": [("HUR", ""), ("GUR", ""), ("Ukrainian military intelligence", "en")],
        "description": "Ukraine's military intelligence agency.",
    },
    {
        "slug": "andriy-yusov",
        "name": "Andriy Yusov",
        "kind": "person",
        "country": "UA",
        "aliases": [("Andrii Yusov", "")],
        "description": "A Ukrainian military intelligence official.",
    },
    {
        "slug": "africa-corps",
        "name": "Africa Corps",
        "kind": "armed_group",
        "country": "RU",
        "aliases": [("Afrika Korps", "")],
        "description": "Russian mercenaries, successor to the Wagner paramilitary group.",
    },
    {
        "slug": "wagner-group",
        "name": "Wagner Group",
        "kind": "armed_group",
        "country": "RU",
        "aliases": [("Wagner", ""), ("PMC Wagner", "")],
        "description": "Russian paramilitary group.",
    },
    {
        "slug": "russian-ministry-of-defence",
        "name": "Ministry of Defence of the Russian Federation",
        "kind": "ministry",
        "country": "RU",
        "aliases": [("Russia's Ministry of Defence", "en"), ("Russian MoD", "")],
        "description": "",
    },
    {
        "slug": "jnim",
        "name": "Group for the Support of Islam and Muslims",
        "kind": "armed_group",
        "country": "",
        "aliases": [("JNIM", ""), ("Jama'at Nusrat al-Islam wal-Muslimin", "ar")],
        "description": "Al-Qaeda-linked jihadist group active across the Sahel.",
    },
    {
        "slug": "ulf-laessing",
        "name": "Ulf Laessing",
        "kind": "expert",
        "country": "",
        "aliases": [],
        "description": "Director of the Sahel programme at the Konrad Adenauer Foundation in Mali.",
    },
    {
        "slug": "konrad-adenauer-foundation",
        "name": "Konrad Adenauer Foundation",
        "kind": "expert",
        "country": "DE",
        "aliases": [("KAS", ""), ("Konrad-Adenauer-Stiftung", "de")],
        "description": "German political foundation; runs a Sahel programme in Mali.",
    },
    {
        "slug": "rida-lyammouri",
        "name": "Rida Lyammouri",
        "kind": "expert",
        "country": "",
        "aliases": [],
        "description": "Senior fellow at the Policy Center for the New South.",
    },
    {
        "slug": "policy-center-for-the-new-south",
        "name": "Policy Center for the New South",
        "kind": "expert",
        "country": "MA",
        "aliases": [("PCNS", "")],
        "description": "Moroccan think tank.",
    },
]

# (subject, kind, object, note, source locator)
ACTOR_RELATIONS = [
    ("mohamed-elmaouloud-ramadane", "spokesperson_of", "fla", "", "para 4"),
    ("africa-corps", "successor_of", "wagner-group", "", "para 19"),
    ("africa-corps", "controlled_by", "russian-ministry-of-defence", "direct control", "para 19"),
    ("fla", "allied_with", "jnim", "at times", "para 7"),
    ("abdoulaye-maiga", "member_of", "government-of-mali", "Prime Minister", "para 12"),
    ("andriy-yusov", "member_of", "ukrainian-military-intelligence", "", "para 5"),
    ("ukrainian-military-intelligence", "part_of", "government-of-ukraine", "", ""),
    ("malian-armed-forces", "controlled_by", "government-of-mali", "", ""),
    (
        "ulf-laessing",
        "member_of",
        "konrad-adenauer-foundation",
        "director of the Sahel programme",
        "para 8",
    ),
    ("rida-lyammouri", "member_of", "policy-center-for-the-new-south", "senior fellow", "para 20"),
]

TOPICS = [
    ("drones", "Drones"),
    ("mali-conflict", "Mali conflict"),
    ("ukraine-and-the-sahel", "Ukraine and the Sahel"),
    ("foreign-forces", "Foreign forces"),
]

REPORTED = ("2025-10-07", "day", True)  # undated in the article: the report's own date

CLAIMS = [
    {
        "slug": "fla-drone-shot-down-malian-army-helicopter",
        "text": "An FLA drone shot down a Malian army helicopter in northern Mali",
        "summary": "The Azawad Liberation Front said it shot down a Malian army helicopter "
        "with a drone in northern Mali in February 2025. The army denied it and gave a rival "
        "account: it had intercepted and recovered a rebel drone.",
        "event": ("2025-02-01", "month"),
        "place_name": "Northern Mali",
        "topics": ["drones", "mali-conflict"],
        "verdict": "disputed",
        "verdict_reasoning": "The two parties give incompatible accounts of the same event and "
        "no independent evidence has been published.",
        "status": "published",
        "statements": [
            {
                "actor": "fla",
                "stance": "asserts",
                "stated": ("2025-02-01", "month", False),
                "paraphrase": "The FLA said it shot down a Malian helicopter in the north using "
                "a drone.",
                "citations": [("para 21", 6)],
            },
            {
                "actor": "malian-armed-forces",
                "stance": "denies",
                "stated": ("2025-02-01", "month", False),
                "paraphrase": "The Malian army denied the claim, instead saying it had "
                "intercepted and recovered a terrorist drone.",
                "citations": [("para 21", 6)],
            },
        ],
        "requests_for_comment": [
            {
                "actor": "malian-armed-forces",
                "requested_on": "2025-10-01",
                "deadline": "2025-10-05",
                "channel": "email",
                "outcome": "no_response",
                "internal_notes": "Demo: an illustration of right-of-reply tracking; the article "
                "does not say whether the army was asked.",
            },
        ],
    },
    {
        "slug": "malian-army-intercepted-and-recovered-rebel-drone",
        "text": "The Malian army intercepted and recovered a rebel drone in northern Mali",
        "summary": "The army's account of the February 2025 incident that the FLA describes as "
        "a helicopter shootdown.",
        "event": ("2025-02-01", "month"),
        "place_name": "Northern Mali",
        "topics": ["drones", "mali-conflict"],
        "verdict": "unverified",
        "status": "published",
        "statements": [
            {
                "actor": "malian-armed-forces",
                "stance": "asserts",
                "stated": ("2025-02-01", "month", False),
                "quote": "\u201cintercepted and recovered\u201d a \u201cterrorist drone\u201d",
                "quote_language": "en",
                "citations": [("para 21", 6)],
            },
        ],
    },
    {
        "slug": "ukraine-supplies-drones-and-weapons-to-the-fla",
        "text": "Ukraine supplies drones and weapons to the FLA and other armed groups in the "
        "Sahel",
        "summary": "Mali, Niger and Burkina Faso severed diplomatic relations with Ukraine, "
        "accusing it of supplying weapons to the FLA. Ukraine and the FLA deny it.",
        "event": None,
        "place_name": "Sahel",
        "topics": ["ukraine-and-the-sahel", "drones", "foreign-forces"],
        "verdict": "unverified",
        "status": "published",
        "statements": [
            {
                "actor": "government-of-mali",
                "stance": "asserts",
                "stated": REPORTED,
                "paraphrase": "Mali severed diplomatic relations with Ukraine, accusing it of "
                "supplying weapons to the FLA.",
                "citations": [("para 11", 6)],
            },
            {
                "actor": "government-of-niger",
                "stance": "asserts",
                "stated": REPORTED,
                "paraphrase": "Niger severed diplomatic relations with Ukraine, accusing it of "
                "supplying weapons to the FLA.",
                "citations": [("para 11", 6)],
            },
            {
                "actor": "government-of-burkina-faso",
                "stance": "asserts",
                "stated": REPORTED,
                "paraphrase": "Burkina Faso severed diplomatic relations with Ukraine, accusing "
                "it of supplying weapons to the FLA.",
                "citations": [("para 11", 6)],
            },
            {
                "actor": "abdoulaye-maiga",
                "on_behalf_of": "government-of-mali",
                "stance": "asserts",
                "stated": ("2025-09-01", "month", False),
                "quote": "The Ukrainian regime has become one of the main suppliers of kamikaze "
                "drones to terrorist groups around the world.",
                "quote_language": "en",
                "paraphrase": "Speaking at the United Nations in late September, he said the war "
                "in Ukraine and terrorism in the Sahel are connected.",
                "citations": [("para 12", 6), ("para 13", 6)],
            },
            {
                "actor": "government-of-ukraine",
                "stance": "denies",
                "stated": REPORTED,
                "paraphrase": "Ukraine has repeatedly denied the accusations.",
                "citations": [("para 14", 6)],
            },
            {
                "actor": "mohamed-elmaouloud-ramadane",
                "on_behalf_of": "fla",
                "stance": "denies",
                "stated": REPORTED,
                "quote": "We have received no material assistance from Ukraine, no drones, no "
                "weapons, no other equipment. Our strength lies in our determination, our "
                "ingenuity and our ability to train and organise ourselves.",
                "quote_language": "en",
                "citations": [("para 15", 6)],
            },
        ],
    },
    {
        "slug": "fla-fighters-trained-in-ukraine-on-fpv-drones",
        "text": "Some FLA fighters were trained in Ukraine to use FPV drones",
        "summary": "The FLA's spokesman acknowledges that some of its fighters received "
        "specialised training in Ukraine on first-person-view (FPV) drones and trained others "
        "on their return.",
        "event": None,
        "place_name": "Ukraine",
        "topics": ["ukraine-and-the-sahel", "drones"],
        "verdict": "likely_true",
        "verdict_reasoning": "The FLA's own spokesman acknowledges it, against the interest of "
        "a group that denies receiving material help from Ukraine.",
        "status": "published",
        "statements": [
            {
                "actor": "mohamed-elmaouloud-ramadane",
                "on_behalf_of": "fla",
                "stance": "acknowledges",
                "stated": REPORTED,
                "quote": "Back on the ground, they significantly strengthened their operational "
                "skills and, in turn, trained other fighters in this strategic area. Today, "
                "this technological mastery is fully integrated into our combat capabilities.",
                "quote_language": "en",
                "paraphrase": "Some elements of the FLA received specialised training in "
                "Ukraine on the use of FPV (first-person view) drones.",
                "citations": [("para 16", 2), ("para 17", 2)],
            },
        ],
    },
    {
        "slug": "ukrainian-intelligence-helped-the-tinzaouaten-attack",
        "text": "Ukrainian military intelligence gave the rebels information for the July 2024 "
        "attack at Tinzaouaten",
        "summary": "Rebels and jihadists killed dozens of Russian mercenaries and Malian "
        "soldiers in fighting at Tinzaouaten in July 2024. A Ukrainian military intelligence "
        "official implied that Kyiv had helped with information.",
        "event": ("2024-07-01", "month"),
        "place_name": "Tinzaouaten",
        "topics": ["ukraine-and-the-sahel", "foreign-forces", "mali-conflict"],
        "verdict": "unverified",
        "status": "published",
        "statements": [
            {
                "actor": "andriy-yusov",
                "on_behalf_of": "ukrainian-military-intelligence",
                "stance": "suggests",
                "stated": ("2024-07-01", "month", False),
                "paraphrase": "Yusov implied that Kyiv had provided information to the rebels "
                "so they could carry out an attack.",
                "citations": [("para 5", 6)],
            },
        ],
    },
    {
        "slug": "fla-uses-fibre-optic-explosive-drones",
        "text": "The FLA uses fibre-optic explosive drones",
        "summary": "Fibre-optic drones are hard to detect and jam. In July 2025 the FLA "
        "released images of one.",
        "event": ("2025-07-01", "month"),
        "place_name": "Northern Mali",
        "topics": ["drones", "mali-conflict"],
        "verdict": "likely_true",
        "verdict_reasoning": "The FLA released images of such a drone, and AFP reports that "
        "they are believed to be part of its arsenal.",
        "status": "published",
        "statements": [
            {
                "actor": "fla",
                "stance": "asserts",
                "stated": ("2025-07-01", "month", False),
                "paraphrase": "FLA rebels released images of a fibre-optic explosive drone.",
                "citations": [("para 26", 3)],
            },
        ],
    },
    {
        "slug": "fla-attacks-with-explosive-fpv-drones",
        "text": "The FLA regularly attacks Malian army convoys and Africa Corps bases with "
        "explosive FPV drones",
        "summary": "FPV drones piloted in real time through a headset let the separatists "
        "strike the better-equipped Malian army and Africa Corps.",
        "event": None,
        "place_name": "Northern Mali",
        "topics": ["drones", "mali-conflict", "foreign-forces"],
        "verdict": "unverified",
        "status": "published",
        "statements": [
            {
                "actor": "rida-lyammouri",
                "stance": "supports",
                "is_interested_party": False,
                "stated": REPORTED,
                "quote": "allows FLA to avoid direct confrontation",
                "quote_language": "en",
                "paraphrase": "Using FPV drones lets the FLA avoid direct confrontation with "
                "the better-equipped Malian army and Africa Corps.",
                "citations": [("para 20", 3)],
            },
        ],
    },
    {
        "slug": "mali-seized-fla-inflatable-decoy-pickups",
        "text": "Inflatable decoy pickup trucks shown by Mali belonged to the FLA",
        "summary": "In July 2025 Mali unveiled inflatable decoy pickup trucks believed to have "
        "belonged to the separatist rebels, a tactic also used by Ukraine's army.",
        "event": ("2025-07-01", "month"),
        "place_name": "Mali",
        "topics": ["mali-conflict"],
        "verdict": "unverified",
        "status": "in_review",
        "statements": [
            {
                "actor": "government-of-mali",
                "stance": "asserts",
                "stated": ("2025-07-01", "month", False),
                "paraphrase": "Mali unveiled inflatable decoy pickup trucks believed to have "
                "belonged to the separatist rebels.",
                "citations": [("para 24", 4)],
            },
            {
                "actor": "fla",
                "stance": "declines_to_comment",
                "stated": REPORTED,
                "paraphrase": "The FLA has not officially acknowledged possession of any such "
                "equipment.",
                "citations": [("para 24", 6)],
            },
        ],
        "requests_for_comment": [
            {
                "actor": "fla",
                "requested_on": "2025-10-08",
                "deadline": "2025-10-15",
                "channel": "messaging",
                "outcome": "pending",
                "internal_notes": "Demo: an illustration of a pending request.",
            },
        ],
    },
    {
        "slug": "turkish-drones-gave-mali-the-edge-at-kidal",
        "text": "Turkish drones gave the Malian army and its Russian partner the advantage in "
        "capturing Kidal in 2023",
        "summary": "Analyst view on the 2023 capture of the rebel stronghold of Kidal.",
        "event": ("2023-01-01", "year"),
        "place_name": "Kidal",
        "topics": ["drones", "mali-conflict", "foreign-forces"],
        "verdict": "unverified",
        "status": "draft",
        "statements": [
            {
                "actor": "ulf-laessing",
                "stance": "asserts",
                "is_interested_party": False,
                "stated": REPORTED,
                "quote": "Turkish drones gave the Malian army and its Russian partner an "
                "advantage over the Tuareg rebels when they captured (the rebel stronghold of) "
                "Kidal in 2023",
                "quote_language": "en",
                "citations": [("para 27", 3)],
            },
        ],
    },
]

# (from, kind, to, note)
CLAIM_RELATIONS = [
    (
        "fla-drone-shot-down-malian-army-helicopter",
        "contradicts",
        "malian-army-intercepted-and-recovered-rebel-drone",
        "Rival accounts of the same February 2025 incident.",
    ),
    (
        "fla-fighters-trained-in-ukraine-on-fpv-drones",
        "related_to",
        "ukraine-supplies-drones-and-weapons-to-the-fla",
        "Training acknowledged; material help denied.",
    ),
    (
        "ukrainian-intelligence-helped-the-tinzaouaten-attack",
        "related_to",
        "ukraine-supplies-drones-and-weapons-to-the-fla",
        "",
    ),
]

# French, as the newsroom translated them (the seed article is AFP's English wire):
# each claim's text and summary, and the topics' names. ``demo.load`` stores them as the
# newsroom's (``method: human``) translations (``core.translations``).
FRENCH_TOPICS = {
    "drones": "Drones",
    "mali-conflict": "Conflit au Mali",
    "ukraine-and-the-sahel": "L'Ukraine et le Sahel",
    "foreign-forces": "Forces étrangères",
}

FRENCH_CLAIMS = {
    "fla-drone-shot-down-malian-army-helicopter": (
        "Un drone du FLA a abattu un hélicoptère de l'armée malienne dans le nord du Mali",
        "Le Front de libération de l'Azawad affirme avoir abattu un hélicoptère de l'armée "
        "malienne avec un drone dans le nord du Mali en février 2025. L'armée a démenti et "
        "donné une version concurrente : elle aurait intercepté et récupéré un drone rebelle.",
    ),
    "malian-army-intercepted-and-recovered-rebel-drone": (
        "L'armée malienne a intercepté et récupéré un drone rebelle dans le nord du Mali",
        "La version de l'armée de l'incident de février 2025 que le FLA présente comme la "
        "destruction d'un hélicoptère.",
    ),
    "ukraine-supplies-drones-and-weapons-to-the-fla": (
        "L'Ukraine fournit des drones et des armes au FLA et à d'autres groupes armés du Sahel",
        "Le Mali, le Niger et le Burkina Faso ont rompu leurs relations diplomatiques avec "
        "l'Ukraine, qu'ils accusent d'armer le FLA. L'Ukraine et le FLA démentent.",
    ),
    "fla-fighters-trained-in-ukraine-on-fpv-drones": (
        "Des combattants du FLA ont été formés en Ukraine au pilotage de drones FPV",
        "Le porte-parole du FLA reconnaît que certains de ses combattants ont reçu en Ukraine "
        "une formation spécialisée aux drones à vue subjective (FPV) et ont formé d'autres "
        "combattants à leur retour.",
    ),
    "ukrainian-intelligence-helped-the-tinzaouaten-attack": (
        "Le renseignement militaire ukrainien a fourni aux rebelles des informations pour "
        "l'attaque de Tinzaouaten en juillet 2024",
        "Des rebelles et des jihadistes ont tué des dizaines de mercenaires russes et de "
        "soldats maliens lors des combats de Tinzaouaten en juillet 2024. Un responsable du "
        "renseignement militaire ukrainien a laissé entendre que Kiev avait fourni des "
        "informations.",
    ),
    "fla-uses-fibre-optic-explosive-drones": (
        "Le FLA utilise des drones explosifs à fibre optique",
        "Les drones à fibre optique sont difficiles à détecter et à brouiller. En juillet 2025, "
        "le FLA a diffusé des images de l'un d'eux.",
    ),
    "fla-attacks-with-explosive-fpv-drones": (
        "Le FLA attaque régulièrement les convois de l'armée malienne et les bases d'Africa "
        "Corps avec des drones FPV explosifs",
        "Les drones FPV, pilotés en temps réel à l'aide d'un casque, permettent aux "
        "séparatistes de frapper l'armée malienne et Africa Corps, mieux équipés.",
    ),
    "mali-seized-fla-inflatable-decoy-pickups": (
        "Les pick-up gonflables de leurre présentés par le Mali appartenaient au FLA",
        "En juillet 2025, le Mali a présenté des pick-up gonflables servant de leurres, qui "
        "auraient appartenu aux rebelles séparatistes, une tactique également employée par "
        "l'armée ukrainienne.",
    ),
    "turkish-drones-gave-mali-the-edge-at-kidal": (
        "Les drones turcs ont donné l'avantage à l'armée malienne et à son partenaire russe "
        "pour la prise de Kidal en 2023",
        "Analyse de la prise en 2023 du bastion rebelle de Kidal.",
    ),
}
