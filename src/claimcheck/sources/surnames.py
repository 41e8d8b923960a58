"""A surname alone as the one person of its article with that surname ("Trump" is "Donald Trump" where
its article names him), among the article's speakers, else among the people its text names in full
after a title. Run by ``merge.normalise_sources``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping

from claimcheck.records import Claim
from claimcheck.sources.countries import country_itself
from claimcheck.sources.merge import _TITLE_WORDS, _skeleton, _tokens
from claimcheck.sources.names import _TITLE_ALT, _acronym


def _surnames(speakers: list[Claim], canon: Callable[[str | None], str | None],
              texts: Mapping[str, str] | None = None) -> Callable[..., str | None]:
    """``canon``, and a surname alone ("Trump", "Bahra") named as the one person of its article with
    that surname ("Donald Trump", "Hadi al-Bahra"), where the run holds two and so left it as
    written; two such people in the article leave it too. The article's speakers first, else (with
    ``texts``) the full names its text gives the surname ("President Donald Trump declared ...")."""
    people: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article -> surname -> people
    for c in speakers:  # (a surname alone names no one here: the run's merge of it may be another article's person)
        name = canon(c.source.name) if " " in (c.source.name or "") else None
        if name and (_skeleton(name) is not None or _skeleton(re.sub(r"\b(?:al|el)-(?=[A-Z])", "", name)) is not None):
            people[c.article.id][_bare(_tokens(name)[-1])].add(name)  # "Donald Trump", "Hadi al-Bahra"

    titled: dict[tuple[str, str], set[str]] = {}

    def named(name: str | None, article: str | None = None) -> str | None:
        merged = canon(name)
        if (article is not None and texts and article in texts and name and " " not in name and merged != name
                and not _acronym(name) and _skeleton(merged or "") is not None and not re.search(
                    rf"(?<![\w-]){re.escape(' '.join(merged.split()[-2:]))}(?![\w-])", texts[article], re.I)):
            merged = name  # the run's "Casey Hicks" is this "Hicks" only where its article writes that name
        name = merged
        if article is not None and name and " " not in name and name[:1].isupper() and not _acronym(name) and not (
                country_itself(name)):  # a country is no one's surname ("Russia" is not "YouTube Russia")
            found = people.get(article, {}).get(_bare(_tokens(name)[0]), set())
            if not found and texts and article in texts:
                if (article, name) not in titled:  # once per article and surname, not per claim
                    titled[article, name] = {canon(n) for n in _full_names(name, texts[article])}
                found = titled[article, name]
            if len(found) == 1:
                return next(iter(found))
        return name
    return named


def _full_names(surname: str, text: str) -> set[str]:
    """The people a text names in full with ``surname`` after a title ("President Donald Trump",
    "Secretary of State John Kerry": "Donald Trump", "John Kerry"); a name without a title before it
    may be a headline's run of words ("Blaming Assad Trump says")."""
    found = set()
    for m in re.finditer(rf"(?<![\w-])(?i:{_TITLE_ALT})\s+((?:[A-Z][\w'’-]*\s+){{1,2}})((?:al|el)-)?{re.escape(_bare(surname))}(?![\w-])",
                         text):
        full = m.group(1) + (m.group(2) or "") + _bare(surname)
        if _skeleton(m.group(1) + _bare(surname)) is not None and not any(w.lower() in _TITLE_WORDS for w in m.group(1).split()):
            found.add(full)
    return found


def _bare(word: str) -> str:
    """A surname without its article: "al-Assad" is "Assad" in the article that names him (the run
    holds other al-Assads: there "Assad" stays as written)."""
    return re.sub(r"^(?:al|el)-(?=\w)", "", word)
