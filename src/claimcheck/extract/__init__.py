"""Claims and who makes them: reporting frames found on the spaCy dependency parse.

For each body sentence we look for reporting cues (``say``, ``deny``, ``according to`` ...) and
split the sentence into source (the cue's subject), cue, and content (the reported clause, without
the ``that`` complementizer or surrounding quotes). Sentences without a frame are the narrator's;
quote-only sentences inherit the speaker of the adjacent attributing sentence; pronoun speakers are
resolved to a recent compatible named speaker or left ``unresolved``. Beyond verbs, speech-act,
intent and stance nouns with a possessor or "from" agent ("the senator's claim that ...", "her
decision to ..."), viewpoint and medium phrases ("In the judge's view, ...", "In a statement, X ...")
frame content too; the sentence around a noun cue stays the narrator's claim as well. Everything
is a walk over the already parsed doc (no model calls), so it is cheap per sentence.

A quotation sentence that borrows its speaker keeps that speaker's ``mention`` and ``cue`` spans,
which then lie in the adjacent sentence (so the attribution stays traceable). Denials that refer
back ("..., but this was denied by X", "X said it was false") reuse the referred claim's span.

:func:`extract_claims` (here) runs the passes over an article's sentences; the rest is:

- ``segments``     sentences cut at line breaks and classified; one-line articles (headlines)
- ``frames``       every frame in one sentence, dispatching to ``verb_cues`` and ``noun_cues``
- ``verb_cues``    a reporting verb's source, content and stance; speech that did not happen
- ``noun_cues``    "the senator's claim that ...", "her decision to ..."
- ``complements``  what a cue frames: its clause, object, or the clause around a lost frame
- ``lost_comma``   the speaker phrase of a closing frame whose comma the text lost
- ``denials``      falsity, and what a denial that does not repeat it points back at
- ``mentions``     the source phrase as written
- ``speakers``     the source as resolved: names, pronouns, descriptions, borrowed speakers
- ``spans``        content trimmed to character offsets; where quotations open and close
- ``attribution``  the working records ``_Attr`` and ``_Seg``
- ``lexicon``      the word lists, as data
- ``repeated``     after all articles: the lines one outlet repeats on many pages (site furniture)
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.extract.attribution import _Attr, _Seg
from claimcheck.extract.denials import _owners_claim
from claimcheck.extract.frames import _attributions, _DASH_CREDIT, _frame_only
from claimcheck.extract.lexicon import _QUOTE_CHARS
from claimcheck.extract.mentions import _with_apposition
from claimcheck.extract.segments import _classify, _cut_before, _join_headline_fragments, _question_claim, _segments
from claimcheck.extract.spans import _asks, _quote_delta, _starts_paragraph, _trim_chars, lead_after_keywords
from claimcheck.extract.speakers import _adjacent_speaker, _resolve
from claimcheck.layout import inline_furniture_end, trailing_furniture_start
from claimcheck.nlp import DATELINE_RE, doc_text
from claimcheck.quantities import extract_quantities
from claimcheck.records import Article, Claim, Source, Span
from claimcheck.sources import keyword_list_lead, source_extent

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_claims", "headline_claims"]

# A body of one line longer than this is an article that lost its line breaks (FA-KES's texts, median
# 2,093 characters), not a headline: read as a headline, every claim's sentence was the whole text.
# Emergent's longest headlines are 468-475 characters (run-together page furniture).
HEADLINE_MAX_CHARS = 500


def extract_claims(article: Article, doc: "Doc") -> list[Claim]:
    """Claims of one article, in order of appearance; ``doc`` is ``nlp(article.text)``."""
    segs = [s for s in _segments(doc) if s.end > article.body_start]
    if segs and segs[0].start < article.body_start:  # the body starts inside a sentence: after a header date
        segs[0] = _cut_before(segs[0], article.body_start)
    prev: tuple[int, int] | None = None  # content a referring denial ("this was denied") points at
    in_quote = False
    # A verbless statement ("Third boob likely a hoax") counts only where the whole body is one line
    # (a headline or feed item given as an article); inside articles such lines are captions and credits.
    body = article.text[article.body_start:].strip()
    one_line = "\n" not in body and len(body) <= HEADLINE_MAX_CHARS
    for seg in segs:
        _classify(seg, headline=one_line)
        delta = _quote_delta(seg.span.text)
        if in_quote and _starts_paragraph(doc_text(doc), seg.start) and seg.span.text[:1] not in _QUOTE_CHARS:
            in_quote = False  # a quotation running over paragraphs reopens each one with a quote mark
        opened = in_quote
        if in_quote and not seg.skip:
            seg.quote_only = True  # the sentence continues a quotation opened earlier
        in_quote = (in_quote and delta >= 0) or (not in_quote and delta > 0)
        seg.quote_open_after = in_quote
        if seg.skip:
            continue
        if seg.intro is not None:
            continue
        seg.attrs = _attributions(seg.span, prev, opened)
        prev = seg.attrs[-1].content if seg.attrs else _trim_chars(doc_text(doc), seg.start, seg.end)
    for i, seg in enumerate(segs):
        frame = _frame_only(seg) if not seg.skip and not seg.attrs and i > 0 else None
        if frame is not None and segs[i - 1].quote_only and not segs[i - 1].skip and not segs[i - 1].attrs:
            # '“...”' then 'Trump said, looking out at the crowd.': the frame belongs to the quote
            prev_seg = segs[i - 1]
            frame.content = _trim_chars(doc_text(doc), prev_seg.start, prev_seg.end)
            prev_seg.attrs = [frame]
            seg.skip = True
    for i, seg in enumerate(segs):
        credit = _DASH_CREDIT.match(seg.span.text)
        if credit and i > 0 and not segs[i - 1].skip and not segs[i - 1].attrs:
            # a round-up quote credited on the next line: '“...”' then '― Jane Doe'
            base = seg.start
            who = doc.char_span(base + credit.start("who"), base + credit.end("who"), alignment_mode="expand")
            dash = doc.char_span(base + credit.start("dash"), base + credit.end("dash"), alignment_mode="expand")
            if who is not None and dash is not None:
                prev_seg = segs[i - 1]
                prev_seg.attrs = [_Attr(_trim_chars(doc_text(doc), prev_seg.start, prev_seg.end), dash[0], who, who[-1])]
    for i, seg in enumerate(segs):
        if seg.attrs and all(a.nominal for a in seg.attrs) and not seg.quote_only and not seg.question:
            # "Critics rejected the minister's claim that ...": the sentence itself is the narrator's
            seg.attrs.insert(0, _Attr(_trim_chars(doc_text(doc), seg.start, seg.end), None, None, None, kind="narrator"))
            continue
        if seg.skip or seg.attrs or seg.intro is not None or seg.question:
            continue
        whole = _trim_chars(doc_text(doc), seg.start, seg.end)
        intro = next((s.intro for s in reversed(segs[max(0, i - 1):i]) if not s.skip), None)
        if intro is not None:
            seg.attrs = [_Attr(whole, intro.cue, intro.source, intro.source_head, inherited=intro)]
        elif seg.quote_only:
            borrowed = _adjacent_speaker(segs, i)
            if borrowed is not None:
                seg.attrs = [_Attr(whole, borrowed.cue, borrowed.source, borrowed.source_head, inherited=borrowed)]
            else:
                seg.attrs = [_Attr(whole, None, None, None, kind="unresolved")]
        else:
            seg.attrs = [_Attr(whole, None, None, None, kind="narrator")]
    claims: list[Claim] = []
    seen: set[tuple] = set()
    for i, seg in enumerate(segs):  # own speakers first, in order (pronouns look back at them) ...
        for attr in seg.attrs + ([seg.intro] if seg.intro is not None else []):
            if attr.inherited is None:
                _resolve(attr, segs, i)
    for i, seg in enumerate(segs):  # "rejected the army's account": the army's claim, now that names are known
        for attr in seg.attrs:
            if attr.owner is not None:
                attr.content = _owners_claim(attr, segs, i) or attr.content
    for i, seg in enumerate(segs):  # ... then quotations borrow their resolved speaker
        for attr in seg.attrs:
            if attr.inherited is not None:
                _resolve(attr, segs, i)
        for attr in seg.attrs:
            claim = _to_claim(article, doc, seg, attr, len(claims) + 1)
            if claim is None or _asks(article.text, claim.span.end):
                continue
            key = (claim.span.start, claim.span.end, claim.source.mention, claim.cue, claim.stance)
            # the same words from the same source again (a gallery's caption under each photo, a lede
            # printed twice) are one claim
            said = (" ".join(claim.text.casefold().split()), claim.source.kind, claim.source.name, claim.stance)
            if key not in seen and said not in seen:
                seen.update((key, said))
                claims.append(claim)
    if one_line:
        # A one-line article (a headline) is one utterance even where spaCy splits it at ":" or "?"
        # ("HOAX: ...", "X dead? Another death hoax"): its claims are read in the whole line.
        start = article.body_start + len(article.text[article.body_start:]) - len(article.text[article.body_start:].lstrip())
        end = len(article.text.rstrip())
        line = Span(start, end, article.text[start:end])
        if claims:
            claims = [replace(c, sentence=line) for c in _join_headline_fragments(article, doc, claims)]
        elif "?" in line.text:
            claims = [_question_claim(article, line)]
    if not claims and article.body_start > 0:
        return headline_claims(article, doc)
    return claims


def headline_claims(article: Article, doc: "Doc") -> list[Claim]:
    """A body that states nothing (a sign-up page or paywall under a real headline, an empty body):
    the headline is then the outlet's claim, read as a one-line article, so the page still reports
    its event. Headlines are otherwise left out: the body tells the same news with its sources.
    (The pipeline also asks for them when the body's claims report no event: a paywall's sentences.)"""
    first_line = article.text[:article.body_start].split("\n", 1)[0]  # a header date may follow it
    end = len(first_line.rstrip())
    head = doc.char_span(0, end, alignment_mode="contract")
    if head is None or head.start_char != 0:  # offsets must stay the article's
        return []
    return extract_claims(replace(article, text=article.text[:end], body_start=0), head.as_doc())


# ---------------------------------------------------------------------------------------------- records


_KEYWORD_LISTS = ("Tags ", "Keywords ", "Topics ")


def _to_claim(article: Article, doc: "Doc", seg: _Seg, attr: _Attr, n: int) -> Claim | None:
    text = article.text
    start, end = attr.content
    sent_start = seg.start
    dateline = DATELINE_RE.match(text, seg.start, seg.end)  # kept in the lede's sentence by nlp.py
    if dateline:
        sent_start = dateline.end()
        start = max(start, sent_start)
    start = max(start, article.body_start)  # a header date the parse hung on the content stays out
    # a page's keyword list run into the lead ("Tags Idlib Russia A car bomb ..."): cut from both
    # (the parse may have split the list's first word off as a sentence of its own)
    line = text.rfind("\n", 0, sent_start) + 1
    line += len(text[line:sent_start]) - len(text[line:sent_start].lstrip())
    at = sent_start if text.startswith(_KEYWORD_LISTS, sent_start) else line
    if text.startswith(_KEYWORD_LISTS, at) and start - at < 300:
        first = text.index(" ", at) + 1  # after the list's own word
        found = lead_after_keywords(doc, first, end)  # the parse's sentence opener, else the words' case
        if found is None and (found := keyword_list_lead(text[first:end])) is not None:
            found += first
        lead = at if found is None else found  # no lead after it: kept as written
        sent_start, start = max(sent_start, lead), max(start, lead)
    # a photo credit or share widget run into the sentence ("(Reuters Photo) Airstrikes ...", "Get short
    # URL 1195 Over 100 ..."), or a credit closing it: no one's words, and its numbers are no toll
    # (content from another sentence, a denial's "the allegation", is cut only at its own edges)
    lead = inline_furniture_end(text, sent_start, seg.end)
    if seg.start <= start < lead:
        start = lead
    start = inline_furniture_end(text, start, end)
    end = trailing_furniture_start(text, start, end)
    sent_start = lead
    if end - start < 3:
        return None
    content = Span(start, end, text[start:end])
    sentence = Span(sent_start, seg.end, text[sent_start:seg.end])
    cue = Span(attr.cue.idx, attr.cue.idx + len(attr.cue.text), attr.cue.text) if attr.cue is not None else None
    if attr.kind == "named" or attr.kind == "pronoun" or (attr.kind == "unresolved" and attr.source is not None):
        mention_span = attr.source
        if attr.inherited is not None:
            mention_span = attr.inherited.source
        mention = None
        if mention_span is not None and attr.inherited is None:
            mention_span = _with_apposition(mention_span, attr.source_head, attr.cue, attr.content)
        elif mention_span is not None:
            base = attr.inherited
            mention_span = _with_apposition(mention_span, base.source_head, base.cue, base.content)
        if mention_span is not None:  # the source phrase, without a quotation's end, a date or a dateline before it
            a, b = source_extent(mention_span.text)
            mention = Span.of(text, mention_span.start_char + a, mention_span.start_char + b)
        named = attr.kind != "unresolved"
        source = Source(attr.name if named else None, attr.kind, mention,
                        affiliation=attr.affiliation if named else None)
    elif attr.kind == "unresolved":
        source = Source(None, "unresolved", None)
    else:
        source = Source(article.outlet, "narrator", None)
    quantities = extract_quantities(content.text, content.start, doc)
    return Claim(
        id=f"{article.id}#{n}", article=article.ref, text=content.text, span=content, sentence=sentence,
        source=source, cue=cue, stance=attr.stance, quantities=quantities,
    )
