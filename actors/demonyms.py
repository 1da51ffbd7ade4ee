"""Countries named by what a reporter types: "Burkinabe", "Malian", "Mali", "Burkina".

The autocomplete finds an actor by its name or an alias; a wire story says "the Burkinabe army",
so the newsroom's actor search also reads the term as a demonym or a country's name and offers
the actors of that country (``countries_for``). The names and demonyms come from countryinfo's
data (a well-kept table of 250 countries), compared without case or accents.
"""

from __future__ import annotations

import functools
import unicodedata

MIN_PREFIX = 4  # "Burk" finds Burkina Faso; "Ma" finds nothing yet


def fold(text: str) -> str:
    """Lower case, accents dropped: "Burkinabè" → "burkinabe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@functools.cache
def _names() -> dict[str, str]:
    """Folded demonym or country name → ISO 3166-1 alpha-2 code."""
    from countryinfo import all_countries

    names: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        for name in (info.get("demonym"), info.get("name"), info.get("nativeName")):
            if name:
                names.setdefault(fold(name), code)
    return names


def countries_for(term: str) -> set[str]:
    """The countries whose demonym or name is ``term``, else those whose demonym or name begins
    with it (four letters or more): "burkinabe" → {"BF"}, "French" → {"FR"}, "Burk" → {"BF"}."""
    folded = fold(term)
    names = _names()
    if folded in names:
        return {names[folded]}
    if len(folded) < MIN_PREFIX:
        return set()
    return {code for name, code in names.items() if name.startswith(folded)}
