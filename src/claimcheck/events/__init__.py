"""Events: what a claim reports as having happened, when and where (issue 15).

The stable interface (other stages and the pipeline call only these):

- ``frames.event_frame(doc, claim, article_date, camps=None) -> EventFrame | None``: the frame of one
  claim. ``doc`` is the spaCy parse of the claim's whole article (claim offsets index it),
  ``article_date`` its publication date (``Article.date``: an ISO ``YYYY-MM-DD`` string, a
  ``datetime.date``, or None, when relative times stay unresolved), ``camps`` the camps file (agents'
  camps). None for a claim that reports no event (opinions, plans, speech, states).
- ``frames.with_events(claims, doc, article_date, camps=None) -> list[Claim]``: an article's claims
  with ``Claim.event`` filled.
- ``dates.dated(article, default=None) -> Article``: the article with ``Article.date`` (the
  normalised ISO publication date; ``Article.published`` stays the metadata as given) and, when the
  date came from a header line or a leading date ("Wed 05 Apr 2017 ..."), ``body_start`` moved past it.
- ``taxonomy.TYPES``, ``taxonomy.compatible(t1, t2)``: the event types and which may report one event.
- ``places.key(name)``, ``places.kind(key)``: a place name's comparable key; "country"/"state"/None.
- ``time.resolve(text, published) -> (date, until, precision) | None``.

Modules: ``taxonomy`` (types and trigger words), ``time`` (time expressions), ``dates``
(publication dates), ``places`` (place names, keys, containment), ``victims`` (counts of people hit),
``frames`` (a claim's frame).
Grouping frames into corpus-level events: ``group.group_events(claims, vectors) -> (claims with
``event.id``, events)`` (blocking, linking, greedy merging) and ``link`` (pair features, hard
constraints and the shipped linker, ``models/events.json``).
"""

from __future__ import annotations

__all__ = ["dates", "frames", "group", "link", "places", "taxonomy", "time", "victims"]
