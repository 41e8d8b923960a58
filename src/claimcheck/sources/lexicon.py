"""The words source names are cut with: titles and roles, descriptor nouns, body heads, generic
nouns (used by :mod:`claimcheck.sources.names` and :mod:`claimcheck.sources.merge`)."""

from __future__ import annotations

import re

# Titles dropped when they precede a (capitalised) name: "Foreign Minister Sergei Lavrov" -> "Sergei Lavrov".
_TITLES = (
    "foreign minister", "prime minister", "defence minister", "defense minister", "interior minister",
    "deputy foreign minister", "secretary of state", "secretary-general", "secretary general",
    "secretary of defense", "secretary of defence", "defense secretary", "defence secretary",
    "national security adviser", "national security advisor",
    "vice president", "vice-president", "president", "minister", "chancellor", "king", "queen",
    "prince", "gen.", "gen", "colonel", "col.", "col", "maj.", "captain", "capt.",
    "lieutenant", "lt.", "sergeant", "sgt.", "admiral", "adm.", "commander", "spokesman", "spokeswoman",
    "spokesperson", "envoy", "peace envoy", "ambassador", "senator", "sen.", "sen", "representative",
    "rep.", "rep", "governor", "gov.", "gov", "mayor", "judge", "sheikh", "sheik",
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "dr.", "dr", "prof.", "prof", "professor",
    "sir", "dame", "rev.", "reverend", "pope", "ayatollah", "chairman", "chairwoman", "director",
    "chief", "police chief", "deputy chief", "sheriff", "detective", "district attorney", "attorney general",
)
# Roles that precede a name in lower case only ("Observatory head Rami Abdel Rahman"; "Head Start"
# keeps its name).
_LOWER_ROLES = (
    "head", "leader", "official", "activist", "reporter", "correspondent", "analyst", "officer", "coordinator",
    "founder", "member", "deputy", "attorney", "agent", "expert", "researcher", "journalist", "editor",
    "resident", "witness", "doctor", "lawyer", "militia spokesman", "military spokesman",
)
# A person's role, before or after the person's name ("Observatory head X", "X head of the Observatory").
_ROLE_WORDS = frozenset(t for t in _TITLES + _LOWER_ROLES if " " not in t and not t.endswith(".") and len(t) > 3) - {
    "king", "queen", "prince", "miss", "sir", "dame", "pope", "sheik"}
# Nouns that describe a named organisation after or before its name ("SANA news agency", "the
# Tahrir al-Sham jihadist alliance", "state news agency SANA").
_DESCRIPTOR_NOUNS = frozenset({
    "monitor", "monitoring", "group", "agency", "news", "organisation", "organization", "alliance",
    "coalition", "movement", "militia", "network", "website", "watchdog", "outlet", "broadcaster", "channel",
    "newspaper", "daily", "television", "radio", "faction", "body", "force", "forces", "front",
    "jihadist", "terrorist", "rebel", "opposition", "rights", "state", "official", "news-agency", "toll", "tally",
    "security",  # "the Asayesh security forces"
})
# Bodies that are places too: "Harbin National Hospital" is one, "the hospital" in lower case any (no affiliation).
_FACILITIES = frozenset({"hospital", "clinic", "university"})
# Words that make a phrase an organisation ("Observatory head", "Aleppo Police Command").
_ORG_HEADS = frozenset({
    "ministry", "observatory", "army", "agency", "command", "council", "committee", "department", "office",
    "coalition", "front", "forces", "force", "group", "network", "organisation", "organization", "police",
    "government", "commission", "authority", "administration", "directorate", "center", "centre", "court",
    "brigade", "brigades", "battalion", "division", "movement", "party", "union", "institute", "embassy",
    "guard", "helmets", "defence", "defense", "nations", "monitor", "television", "media", "news",
    "military", "regime", "corps", "unit", "service", "services", "bureau", "association", "federation",
}) | _FACILITIES
# Capitalised at a sentence's start, these describe a role, not a body ("Local sources", "Medical staff").
_NOT_BODIES = frozenset({
    "local", "foreign", "western", "military", "medical", "security", "government", "opposition", "rebel", "state",
    "official", "senior", "other", "several", "some", "many", "two", "three", "regime", "activist", "civil", "human",
    "rights", "pro-government", "pro-opposition", "anonymous", "unnamed", "independent", "diplomatic",
})
# What a person is, before the body they speak for ("a local civil defense official").
_PERSON_ADJ = frozenset({"local", "senior", "top", "anonymous", "unnamed", "other", "several", "some", "many", "former",
                         "junior", "high-ranking", "another", "one", "two", "three"})
# Single common nouns too generic to merge into a longer name ("officials" is not "Army officials").
GENERIC = frozenset({
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "people", "residents", "witnesses", "analysts", "experts", "activists", "critics", "observers",
    "government", "authorities", "police", "military", "army", "rebels", "opposition", "report",
    "reports", "media", "statement", "ministry", "campaign", "aides", "aide", "diplomats",
    "witness", "resident", "activist", "analyst", "expert", "observer", "diplomat", "critic", "group",
})
# Roles that, capitalised after a name, begin another name ("Hillary Clinton President Obama"): not a role.
_TITLE_WORDS_CAP = frozenset({"president", "king", "queen", "prince", "pope"})
_PARTICLES = frozenset({"de", "al", "al-", "el", "bin", "ibn", "van", "von", "der", "du", "da", "la", "abu"})
# "Britain-based", "UK-based", "so-called": how the outlet describes the party, not its name.
# So are whom it is linked to or backed by ("the Daesh-linked Aamaq", "the Iran-backed X", "pro-government").
_DESCRIPTOR_ADJ = re.compile(r"^(?:[\w.]+-(?:based|run|linked|affiliated|allied|aligned|backed|led|funded|sponsored"
                             r"|supported|controlled|opposition)|(?:pro|anti)-[\w.-]+|so-called|opposing|self-styled)$",
                             flags=re.IGNORECASE)
# Which side a body is on, before its name ("the opposition X local council").
_SIDE_WORDS = frozenset({"opposition", "rebel", "jihadist", "militant", "extremist", "terrorist", "insurgent", "loyalist"})
# What a one-word name is when these follow it ("Aamaq news agency", "an Observatory toll", "the Daesh
# group"); not "Security forces", "Government media".
_ONE_WORD_KINDS = frozenset({"agency", "toll", "tally", "group", "militia", "network", "channel", "broadcaster",
                             "newspaper", "daily", "website", "outlet", "monitor", "movement", "faction", "alliance"})
