"""Which period a count counts over: one incident's toll (None), a running total ("213 so far"), a
period's ("since Tuesday", "over the past three days") or the whole war's (``WAR_SCOPE``). Two tolls
of two periods are no rival figures; the war's toll grows with every report."""

from __future__ import annotations

import re

from claimcheck.records import Claim

# A running total or a period's count ("66 killed since Tuesday", "213 so far", "270 during April",
# "over the past three days") is no rival figure for one incident's toll, nor for another period's.
_PERIOD = ("jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
           "nov(?:ember)?|dec(?:ember)?|(?:19|20)\\d\\d|war|conflict|siege|offensive|campaign|truce|ceasefire|past|last|"
           "week|month|year|weekend|days|weeks|months|years")
_SCOPE = re.compile(
    rf"\b(?:(?P<total>so far|to date|in total|a total of|overall|altogether|cumulative|in all)\b|"
    # the whole war's toll: "killed in the war", "in Syria's six-year conflict", "the conflict has killed"
    r"(?P<war>(?:in|of|during)\s+(?:the\s+|syrias\s+|syria's\s+|this\s+)?(?:[\w'-]+\s+){0,3}(?:civil\s+)?"
    r"(?:war|conflict|uprising)\b(?!\s+(?:monitor|crimes?|zone|planes?|jets?)\b)|"
    r"(?:war|conflict)\s+(?:has|had)\s+(?:so\s+far\s+)?(?:killed|claimed|left))|"
    r"(?P<span>(?:in|over|within)\s+(?:the\s+)?(?:last\s+|past\s+)?(?:\d+|two|three|four|five|six|seven|"
    r"several|few)\s+(?:days|weeks|months|years)\b|(?:\d+|two|three|four|five|six|seven|several)\s+"
    r"(?:days|weeks|months|years)\s+of\b|this\s+(?:week|month|year)\b|"
    # several incidents' toll: "13 people were shot in five incidents across the city"
    r"in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+(?:separate\s+)?"
    r"(?:incidents|shootings|attacks|strikes|raids|bombings)\b)|"
    rf"(?P<lead>since|(?:during|throughout)(?=\s+(?:the\s+)?(?:{_PERIOD})\b)|(?:over|in|for) the (?:past|last|course of))"
    r"(?P<anchor>(?:\s+[a-z0-9]+){0,3}))", re.I)
_ANCHOR_STOP = frozenset({"the", "a", "an", "of", "its", "their", "this", "that", "and", "in", "on", "at"})


# A vague count of what strikes or a side "have killed" ("Russian raids have killed hundreds of civilians",
# "thousands have been killed") is a running toll, told at the time of writing, as the war's is
_RUNNING_TOLL = re.compile(r"\b(?:(?:has|have)\s+(?:so\s+far\s+|now\s+|already\s+)?(?:killed|wounded|injured|left)"
                           r"\s+(?:more\s+than\s+|over\s+|at\s+least\s+)?(?:hundreds|thousands|tens\s+of\s+thousands)|"
                           r"(?:hundreds|thousands|tens\s+of\s+thousands)\s+(?:of\s+[a-z]+\s+)?"
                           r"(?:have|has)\s+(?:now\s+|so\s+far\s+)?(?:been\s+)?(?:killed|died|wounded|injured))\b", re.I)
WAR_SCOPE = "during war"  # the whole war's toll so far: "killed in the war", "since the conflict began"
_WAR_START = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis|2011)\b")

# "the deadliest since March", "the first since 2014", "the worst attack of the war": a comparison, not
# the period a count covers
_COMPARED = re.compile(r"\b(?:deadliest|bloodiest|heaviest|fiercest|worst|largest|biggest|highest|lowest|greatest|"
                       r"first|most|only)\s+(?:\w+\s+){0,3}$", re.I)


def _scope_match(text: str):
    for m in _SCOPE.finditer(text):
        compared = (m.group("lead") and m.group("lead").lower() == "since") or m.group("war")
        if compared and _COMPARED.search(text[max(m.start() - 40, 0):m.start()]):
            continue
        return m
    return None


def scope(claim: Claim) -> str | None:
    """None for a claim that counts one incident; else the period it counts over ("since tuesday",
    "past three days", "total" for "so far", "in total"), read in the content, else in the rest of its
    sentence before it ("Since the ceasefire ended, 359 civilians have been killed": the content is the count)."""
    m = _scope_match(claim.text)
    sentence = claim.sentence
    if m is None and sentence is not None and sentence.text and sentence.text != claim.text:
        start, end = claim.span.start - sentence.start, claim.span.end - sentence.start
        if 0 <= start <= end <= len(sentence.text):
            m = _scope_match(sentence.text[:start])
    if m is None:
        return WAR_SCOPE if _RUNNING_TOLL.search(claim.text) else None
    if m.group("total"):
        return "total"
    if m.group("war"):
        return WAR_SCOPE
    if m.group("span"):
        return "during " + " ".join(w for w in re.findall(r"[a-z0-9]+", m.group("span").lower())
                                    if w not in _ANCHOR_STOP | {"over", "within", "last", "past"})
    lead = m.group("lead").lower().split()[0]
    words = [w for w in re.findall(r"[a-z0-9]+", m.group("anchor").lower()) if w not in _ANCHOR_STOP]
    if lead == "since" and _WAR_START.search(" ".join(words[:3])):  # "since the conflict began", "since March 2011"
        return WAR_SCOPE
    return " ".join(["since" if lead == "since" else "during", *words[:2]])
