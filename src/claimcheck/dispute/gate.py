"""Disputes respect events (see ``claimcheck.events``): the rule reasons that compare what happened
(numeric, responsibility, polarity) compare claims of one event, and a toll that rises in a later
report of the same event is an ``update``, not a dispute.

- Claims of two different events keep only ``explicit_denial`` (one source saying another's claim is
  false holds whatever event the frames saw).
- A pair where one claim has an event and the other none keeps numeric, responsibility and polarity
  only for near-paraphrases (cosine >= ``EVENTLESS_MIN_SIM`` and, across articles, a shared word beyond
  counts and toll words: :func:`near_paraphrases`); ``learned`` and the denial stay.
- Pairs where neither claim has an event are read as before events existed.
- Whatever grouping said, the event rules need the two reports to agree on when and where: two
  articles published more than ``REPORTS_APART_DAYS`` apart compare figures, blame and outcomes only
  when both frames date what they tell to the same day, and two frames naming towns with none in
  common (nor one inside the other) report two events. Grouping links reports across months and
  towns on similar wording; in FA-KES's top disputes such links were wrong. Times of any precision
  count ("in May 2016" is not an August strike), and a frame dated more than ``STALE_DAYS`` before the
  other report's article (its own too, by a date in what it tells) tells an earlier event than its news.
- A report that cannot be placed in time at all (:func:`undated`: no date in its frame nor on its
  article) meets a dated one only as a near-paraphrase, and takes no date from the event grouping put
  it in. In FA-KES (half a) none of 8 such cross-article disputes was about one crowd event.
- A claim with no time of its own in an article whose day-precise frames tell one day
  (:func:`article_days`) is read as of that day (:func:`article_day_apart`): an undated headline
  is no report of another day's strike. ``find_disputes`` also reads a claim that names no town in
  the towns its article just named (``dispute.context``) before this gate, and keeps no event rule between
  two articles' claims of no shared event whose stories are apart (``UNPLACED_IN_STORY``, :func:`stories_apart`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from claimcheck.dispute.candidates import share_details
from claimcheck.events.link import DAY_TOLERANCE, day_gap, interval, ordinal, place_relation
from claimcheck.events.time import WEEKDAYS
from claimcheck.records import Claim, Event, EventFrame, Place, Quantity, Reason, Span

DAY_APART = 1  # days: two reports' resolved days further apart than this are two events
# Two events of one article that grouping did not link but nothing sets apart (no dates or places to
# compare: "the assault" and "four of our fighters were killed") are read as before events: the rules'
# own gates. Across articles such pairs need dates that agree (or no dates at all: a corpus of plain
# files) and a word in common beyond the toll (``candidates.share_details``), else near-paraphrases
# (``EVENTLESS_MIN_SIM``), as a claim without an event does: in FA-KES an undated "the bombings killed 21
# people" was set against every toll of the corpus.
UNLINKED_AS_BEFORE = True
EVENTLESS_MIN_SIM = 0.8  # one side without an event: the event rules need near-paraphrases
# Reports published further apart than this compare figures, blame and outcomes only when both frames
# date what they tell to the same day: in FA-KES (half a, tuned on) no cross-article numeric or blame
# dispute between articles published 4+ days apart (16 at 2-3 days) was about one crowd event, even within one grouped
# event. Undated articles (Emergent's headlines) are not affected; a toll's update a day later still is.
REPORTS_APART_DAYS = 2
EVENT_RULES = frozenset({"numeric", "responsibility", "polarity"})
# A frame dated to a time that ended this long before the other report's article was published tells an
# earlier event than that article's news (background: "in May 2016", "on June 19").
STALE_DAYS = 30
# Two dated articles whose main events grouping told apart tell two stories for the stance model alone:
# grouping reads dated reports by their days as well as their words (on 400 gun-violence articles all 64
# cross-article stance-only disputes were two incidents). Undated reports (Emergent's headlines, FNC-1's
# bodies, plain files) are split on wording alone, so there only places and days set stories apart.
DATED_STORIES_APART = True
# Cross-article claims of no shared event are read in their articles' stories where their frames name no
# place: gun-violence "Three victims were transported" (Baton Rouge) vs "The four victims ..." (Los Angeles).
UNPLACED_IN_STORY = True


def event_of(claim: Claim) -> str | None:
    return claim.event.id if claim.event is not None else None


def shared_event(a: Claim, b: Claim) -> str | None:
    """The event both claims were grouped into, or None."""
    return ea if (ea := event_of(a)) is not None and ea == event_of(b) else None


def _apart(day_a: tuple[str | None, str | None, str | None], day_b: tuple[str | None, str | None, str | None],
           places_a: set[str], places_b: set[str]) -> bool:
    """(date, until, precision) of two reports and their place keys: intervals more than ``DAY_APART``
    apart (at any precision: "in May 2016" is not a strike of 11 August), or places with no key in common."""
    if day_a[2] and day_b[2]:
        a0, b0 = ordinal(day_a[0]), ordinal(day_b[0])
        a1, b1 = ordinal(day_a[1]) or a0, ordinal(day_b[1]) or b0
        if None not in (a0, b0, a1, b1) and max(a0, b0) - min(a1, b1) > DAY_APART:
            return True
    towns_a, towns_b = _town_keys(places_a), _town_keys(places_b)
    if towns_a and towns_b:  # a country in common ("syria") does not make two towns' events one
        return not any(_inside(x, y) or _inside(y, x) for x in towns_a for y in towns_b)
    return bool(places_a) and bool(places_b) and not places_a & places_b


def _town_keys(places: set[str]) -> set[str]:
    """Place keys finer than a country or a US state, folded."""
    from claimcheck.events.places import fold, kind

    return {fold(p) for p in places if p and kind(p) is None}


def known_apart(a: Claim, b: Claim, events: Mapping[str, Event] | None = None,
                published: Mapping[str, str] | None = None) -> bool:
    """Do the two claims report events known to differ, by their events (``events``: id -> Event,
    the dates and places of all the event's reports) or else their own frames? A claim that cannot be
    placed in time (:func:`undated`) does not take its event's date: grouping lent it that on wording."""
    fa, fb = a.event, b.event
    if fa is None or fb is None:
        return False
    ea, eb = (events or {}).get(fa.id or ""), (events or {}).get(fb.id or "")
    if ea is not None and eb is not None:
        day_a, day_b = ((None, None, None) if undated(c, published) else (e.date, e.until, e.precision)
                        for c, e in ((a, ea), (b, eb)))
        if _apart(day_a, day_b, set(ea.places), set(eb.places)):
            return True
    ta, tb = fa.time, fb.time
    # the frames' own places as places_apart reads them: towns, not the countries a source is based in
    return _apart((ta.date, ta.until, ta.precision) if ta else (None, None, None),
                  (tb.date, tb.until, tb.precision) if tb else (None, None, None), set(), set()) or places_apart(a, b)


def _told_same_day(a: Claim, b: Claim) -> bool:
    """Do both frames date what they report to the same day (within ``DAY_APART``)?"""
    ta, tb = (c.event.time if c.event is not None else None for c in (a, b))
    if ta is None or tb is None or ta.precision != "day" or tb.precision != "day":
        return False
    da, db = ordinal(ta.date), ordinal(tb.date)
    return da is not None and db is not None and abs(da - db) <= DAY_APART


def told_long_before(a: Claim, b: Claim, published: Mapping[str, str] | None) -> bool:
    """Does ``a``'s frame date what it tells to a time that ended ``STALE_DAYS`` (a day) or ``REPORTS_APART_DAYS``
    (a week, month, year) before ``b``'s article came out, ``b``'s frame undated ("in May 300 were killed" is
    not its news)? In one article, only a date inside ``a``'s content ("said in May that ..." dates the report)."""
    ta, tb = (c.event.time if c.event is not None else None for c in (a, b))
    if ta is None or not ta.date or (tb is not None and tb.date) or not published or (
            a.article.id == b.article.id and not a.span.start <= ta.start < a.span.end):
        return False
    end, pb = ordinal(ta.until or ta.date), ordinal(published.get(b.article.id))
    # a week, month or year that ended before the other's article came out ("last month", "in May")
    # is told as past: the other's undated news is its article's own
    stale = STALE_DAYS if ta.precision == "day" else REPORTS_APART_DAYS
    return end is not None and pb is not None and pb - end > stale


def weekday_and_town_agree(a: Claim, b: Claim) -> bool:
    """Does an undated report name the weekday the other's frame dates its event to, in a town of the
    other's ("on Saturday in Idlib" against a strike dated Saturday 8 April in Idlib province)? Then it
    is placed in time as well as words allow."""
    ta, tb = (c.event.time if c.event is not None else None for c in (a, b))
    if ta is None or tb is None or not _towns(a) or not _towns(b) or places_apart(a, b):
        return False
    wa, wb = _weekdays(ta), _weekdays(tb)
    return bool(wa and wb and wa & wb)


def undated(claim: Claim, published: Mapping[str, str] | None) -> bool:
    """Is nothing known of when the claim's event happened: no date in its frame nor on its article?"""
    t = claim.event.time if claim.event is not None else None
    return not (t is not None and t.date) and not (published or {}).get(claim.article.id)


def reports_apart(a: Claim, b: Claim, published: Mapping[str, str] | None, days: int = REPORTS_APART_DAYS) -> bool:
    """Were the two claims' articles published more than ``days`` (``REPORTS_APART_DAYS``) apart?"""
    if not published or a.article.id == b.article.id:
        return False
    da, db = (ordinal(published.get(c.article.id)) for c in (a, b))
    return da is not None and db is not None and abs(da - db) > days


def _towns(claim: Claim) -> list[tuple[str, str | None]]:
    return frame_towns(claim.event)


def frame_towns(frame: EventFrame | None) -> list[tuple[str, str | None]]:
    """A frame's most specific places: (key, the key of what contains it), folded; countries and US
    states left out (coarser than any event place), and a place another of the frame's is in
    ("Aleppo" beside "al-Athamiyeh in Aleppo")."""
    from claimcheck.events.places import fold, kind

    if frame is None:
        return []
    found = [(fold(p.key), fold(p.within) if p.within else None) for p in frame.places if p.key and kind(p.key) is None]
    return [(k, w) for k, w in found
            if not any(k2 != k and (w2 == k or _inside(k2, k)) for k2, w2 in found)]


def _inside(x: str, y: str) -> bool:
    """Is place ``x`` one of, or inside, place ``y`` by its words ("deir ezzor city" in "deir ezzor",
    "eastern ghouta" in "ghouta")?"""
    wx, wy = x.split(), y.split()
    return x == y or (len(wy) < len(wx) and any(wx[k:k + len(wy)] == wy for k in range(len(wx) - len(wy) + 1)))


def places_apart(a: Claim, b: Claim) -> bool:
    """Do both frames name towns or districts, none of one's most specific the same as, inside or
    containing one of the other's? ("Idlib" vs "Aleppo": two events; "Kafr Hamra in Aleppo province" vs
    "Aleppo": not apart; "al-Mazzeh in Damascus" vs "al-Wafideen camp in Damascus": two attacks.)"""
    ta, tb = _towns(a), _towns(b)
    if not ta or not tb:
        return False

    def meet(x: tuple[str, str | None], y: tuple[str, str | None]) -> bool:
        return _inside(x[0], y[0]) or _inside(y[0], x[0]) or x[1] == y[0] or y[1] == x[0]

    return not any(meet(x, y) for x in ta for y in tb)


def days_apart(a: Claim, b: Claim) -> bool:
    """Do both frames date what they tell to a day, two different days? Grouping allows a day's slack
    for vague times ("overnight", "yesterday"); a toll or a blame for "Thursday" is not one for
    "Wednesday" (FA-KES: two barrel-bomb raids on consecutive days, one event)."""
    ta, tb = (c.event.time if c.event is not None else None for c in (a, b))
    if ta is None or tb is None or _VAGUE_DAY.search(ta.text) or _VAGUE_DAY.search(tb.text):
        return False
    if ta.precision == tb.precision == "day" and ta.date and tb.date:
        return ta.date != tb.date
    if ta.date and tb.date and ta.precision and tb.precision:  # "on June 19" and "in May": two events
        return _apart((ta.date, ta.until, ta.precision), (tb.date, tb.until, tb.precision), set(), set())
    # A weekday left unresolved (no publication date) still names a day: "on Thursday" is not the
    # "Tuesday" of another frame, nor a frame dated to a Tuesday.
    wa, wb = _weekdays(ta), _weekdays(tb)
    return bool(wa and wb and not wa & wb)


_VAGUE_DAY = re.compile(r"\b(?:overnight|yesterday|last night|today|tonight|earlier|this morning|dawn|night)\b", re.I)
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)


def _weekdays(time) -> set[int]:
    """The weekdays a time names (0 = Monday): by name, else by its resolved day."""
    named = {WEEKDAYS.index(m.lower()) for m in _WEEKDAY.findall(time.text)}
    if named:
        return named
    day = ordinal(time.date) if time.precision == "day" else None
    return {date.fromordinal(day).weekday()} if day is not None else set()


def told_before(a: Claim, b: Claim, published: Mapping[str, str] | None) -> bool:
    """Was ``a``'s article published before the day ``b``'s frame dates its event to? Then ``a`` cannot
    report it (a Friday report of a bus hit against "eight killed on Saturday")."""
    tb = b.event.time if b.event is not None else None
    if tb is None or tb.precision != "day" or not published or a.article.id == b.article.id:
        return False
    pa, db = ordinal(published.get(a.article.id)), ordinal(tb.date)
    return pa is not None and db is not None and db > pa


def told_together(a: Claim, b: Claim, published: Mapping[str, str] | None) -> bool:
    """Are two reports known to tell of one day: both frames dated to it, or else both articles
    published within ``REPORTS_APART_DAYS``? Two reports with no date at all are not told apart
    either. (Places are checked apart by :func:`places_apart`.)"""
    if weekday_and_town_agree(a, b) and (undated(a, published) or undated(b, published)):
        return True
    ta, tb = (c.event.time if c.event is not None else None for c in (a, b))
    if ta is not None and tb is not None and ta.date and tb.date:
        # grouping kept them apart: only the very same day ("Friday" and "Saturday" are two strikes)
        return ta.precision == tb.precision == "day" and ta.date == tb.date
    da, db = (ordinal((published or {}).get(c.article.id)) for c in (a, b))
    if da is None and db is None and not (ta and ta.date) and not (tb and tb.date):
        # nothing dated at all (plain files without --date): read as before events; in a corpus whose
        # other articles are dated, two undated reports that grouping kept apart are not told together
        return not published
    return da is not None and db is not None and abs(da - db) <= REPORTS_APART_DAYS


def article_days(claims: Sequence[Claim]) -> dict[str, tuple[int, int]]:
    """Article id -> the days (first, last, as ordinals) its frames date what they tell to, for an
    article whose day-precise frames all fall within ``DAY_APART`` of each other: one day's news.
    Articles that name days further apart, or none, are left out."""
    days: dict[str, set[int]] = defaultdict(set)
    for c in claims:
        t = c.event.time if c.event is not None else None
        if t is not None and t.precision == "day" and (d := ordinal(t.date)) is not None:
            days[c.article.id].add(d)
    return {a: (min(ds), max(ds)) for a, ds in days.items() if max(ds) - min(ds) <= DAY_APART}


def main_stories(claims: Sequence[Claim], towns: Mapping[str, str] | None = None) -> dict[str, EventFrame]:
    """Article id -> its main event as one frame: the event most of its claims were grouped into (a
    tie: the lowest id), with the places all its frames there name and the first day-precise time.
    An article whose main event names no place (or which has none) is placed in its dateline town
    (``towns``: article id -> place key): "FORT WAYNE, Ind. -" places a shooting told without a town."""
    frames: dict[str, dict[str, list[EventFrame]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.event is not None and c.event.id:
            frames[c.article.id][c.event.id].append(c.event)
    out = {}
    for article, events in frames.items():
        mine = events[min(events, key=lambda e: (-len(events[e]), e))]
        places = tuple({(p.key, p.within): p for f in mine for p in f.places if p.key}.values())
        time = next((f.time for f in mine if f.time is not None and f.time.precision == "day"), None)
        out[article] = replace(mine[0], places=places, time=time)
    for article, town in sorted((towns or {}).items()):
        story = out.get(article) or EventFrame("other", "", Span(0, 0, ""))
        if not story.places:  # internal to the gate: never written into a claim
            out[article] = replace(story, places=(Place(town, 0, 0, town),))
    return out


def stories_apart(a: Claim, b: Claim, story: Mapping[str, EventFrame],
                  published: Mapping[str, str] | None = None) -> bool:
    """Do the two claims tell of events placed in two places, or dated days apart: each claim's own
    frame where it names a place, else its article's main event (:func:`main_stories`; "Officers have
    not said if the shooting was accidental" tells of its article's shooting)? A hedge about a Fort
    Wayne shooting and an accident in Seminole are two stories, whatever the stance model reads. Two
    articles both in ``published`` whose main events differ are two stories (``DATED_STORIES_APART``)."""
    sa, sb = story.get(a.article.id), story.get(b.article.id)
    if (DATED_STORIES_APART and published and a.article.id in published and b.article.id in published
            and sa is not None and sb is not None and sa.id and sb.id and sa.id != sb.id):
        return True
    fa, fb = (c.event if c.event is not None and c.event.places else story.get(c.article.id) for c in (a, b))
    if fa is None or fb is None or (fa.id is not None and fa.id == fb.id):
        return False
    days_a, days_b = interval(fa), interval(fb)
    return place_relation(fa, fb) == "conflict" or (
        days_a is not None and days_b is not None and day_gap(days_a, days_b) > DAY_TOLERANCE)


def article_day_apart(a: Claim, b: Claim, days: Mapping[str, tuple[int, int]] | None) -> bool:
    """Has ``a``'s frame no time of its own (a headline: "Strike kills 15 in Idlib") in an article whose
    frames date its news to one day (:func:`article_days`), while ``b``'s frame dates its event to
    another day? Then ``a`` tells its article's day, and the two are two events. A vague time
    ("yesterday", "overnight") keeps a day's slack."""
    ta, tb = (c.event.time if c.event is not None else None for c in (a, b))
    if (not days or a.event is None or (ta is not None and ta.date) or a.article.id == b.article.id
            or tb is None or tb.precision != "day" or _VAGUE_DAY.search(tb.text)):
        return False
    span, db = days.get(a.article.id), ordinal(tb.date)
    return span is not None and db is not None and not span[0] <= db <= span[1]


def gate(found: list[Reason], a: Claim, b: Claim, sim: float, events: Mapping[str, Event] | None = None,
         published: Mapping[str, str] | None = None, days: Mapping[str, tuple[int, int]] | None = None,
         story: Mapping[str, EventFrame] | None = None) -> list[Reason]:
    """The reasons a pair keeps given its claims' events and articles' dates (see the module docstring;
    ``days``: :func:`article_days`; ``story``: :func:`main_stories`)."""
    ea, eb = event_of(a), event_of(b)
    if ea is not None and eb is not None and ea != eb and known_apart(a, b, events, published):
        return [r for r in found if r.kind == "explicit_denial"]
    if ((reports_apart(a, b, published) and not _told_same_day(a, b)) or places_apart(a, b) or days_apart(a, b)
            or article_day_apart(a, b, days) or article_day_apart(b, a, days)
            or told_before(a, b, published) or told_before(b, a, published)
            or told_long_before(a, b, published) or told_long_before(b, a, published)):
        return [r for r in found if r.kind not in EVENT_RULES]
    if (a.article.id != b.article.id and undated(a, published) != undated(b, published)
            and not near_paraphrases(a, b, sim, story) and not weekday_and_town_agree(a, b)):
        # one report cannot be placed in time at all (an undated article, no date in the frame), the other
        # can: grouping linked them on wording alone, so the event rules need near-paraphrases, as for a
        # claim without an event. (Two undated reports, a corpus of plain files, are read as before.)
        return [r for r in found if r.kind not in EVENT_RULES]
    if ea == eb:  # one event, or neither has one
        return found
    if ea is not None and eb is not None:
        if UNLINKED_AS_BEFORE and (a.article.id == b.article.id
                                   or told_together(a, b, published) and share_details(a, b, story)):
            return found  # (two bare tolls grouping kept apart have nothing to be one event by)
        return [r for r in found if r.kind not in EVENT_RULES or near_paraphrases(a, b, sim, story)]
    if not near_paraphrases(a, b, sim, story):
        return [r for r in found if r.kind not in EVENT_RULES]
    return found


def near_paraphrases(a: Claim, b: Claim, sim: float, story: Mapping[str, EventFrame] | None = None) -> bool:
    """Alike enough (``EVENTLESS_MIN_SIM``) to be one report told twice, and, across articles, sharing a
    word beyond counts and toll words (:func:`.candidates.share_details`): in FA-KES "more than 20 people
    have been killed" was set against "eight people were killed" of another town, two years on."""
    return sim >= EVENTLESS_MIN_SIM and (a.article.id == b.article.id or share_details(a, b, story))


def _quantity_at(claim: Claim, start: int) -> Quantity | None:
    return next((q for q in claim.quantities if q.span.start == start), None)


def as_update(found: list[Reason], a: Claim, b: Claim, camps: tuple[str | None, str | None],
              published: Mapping[str, str]) -> list[Reason]:
    """A numeric reason between two reports of one event becomes ``update`` (weight 0) when the later
    article gives the higher figure and the two are of one camp or either has none: the toll rose."""
    if shared_event(a, b) is None:
        return found
    day_a, day_b = (published.get(c.article.id, "")[:10] for c in (a, b))
    if not day_a or not day_b or day_a == day_b:
        return found
    if camps[0] is not None and camps[1] is not None and camps[0] != camps[1]:
        return found
    out = []
    for r in found:
        if r.kind == "numeric" and len(r.evidence) >= 2:
            qa, qb = _quantity_at(a, r.evidence[0].start), _quantity_at(b, r.evidence[1].start)
            if qa is not None and qb is not None and qa.value != qb.value:
                later_higher = (qb.value > qa.value) == (day_b > day_a)
                if later_higher:
                    first, then = (r.evidence[0].text, r.evidence[1].text) if day_a < day_b else (
                        r.evidence[1].text, r.evidence[0].text)
                    r = Reason("update", f"the toll rose from {first!r} to {then!r} in a later report",
                               r.evidence, 0.0)
        out.append(r)
    return out


def is_update_only(found: list[Reason]) -> bool:
    return bool(found) and all(r.kind == "update" for r in found)
