"""Sentences as extraction reads them: spaCy sentences cut again at line breaks (titles, bylines
and paragraphs apart), each classified (boilerplate or too short to skip, a question, an intro
frame, a quotation), and the rules for a one-line article (a headline or feed item): a verbless
statement counts, pieces spaCy cut apart are joined, and a headline that only asks is kept as the
outlet's ``questions`` claim."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.extract.attribution import _Seg
from claimcheck.extract.frames import _intro_frame
from claimcheck.extract.lexicon import _QUOTE_CHARS
from claimcheck.extract.speakers import _gender_of
from claimcheck.layout import addresses_reader_about_site, is_boilerplate_line
from claimcheck.quantities import extract_quantities
from claimcheck.records import Article, Claim, Source, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


def _segments(doc: "Doc") -> list[_Seg]:
    """spaCy sentences, further split at line breaks (titles, bylines and paragraphs are separate)."""
    out: list[_Seg] = []
    for sent in doc.sents:
        start = sent.start
        for tok in list(sent) + [None]:
            if tok is None or (tok.is_space and "\n" in tok.text):
                end = tok.i if tok is not None else sent.end
                a, b = start, end
                while a < b and doc[a].is_space:
                    a += 1
                while b > a and doc[b - 1].is_space:
                    b -= 1
                if b > a:
                    span = doc[a:b]
                    out.append(_Seg(span, span.start_char, span.end_char))
                if tok is not None:
                    start = tok.i + 1
    # Span.ents walks the doc's entities from the first each time: quadratic over a long article.
    # One sweep gives each segment the same entities (those wholly inside it, in order).
    ents = doc.ents
    starts = [e.start for e in ents]
    for seg in out:
        k, inside = bisect.bisect_left(starts, seg.span.start), []
        while k < len(ents) and ents[k].end <= seg.span.end:
            inside.append(ents[k])
            k += 1
        seg.persons = [(e.text, _gender_of(e)) for e in inside if e.label_ == "PERSON"]
    return out


def _cut_before(seg: _Seg, at: int) -> _Seg:
    """The part of a sentence from character ``at`` on: where the body starts inside a sentence (a
    header date opening the line, "Wed 05 Apr 2017 Syria attack ..."), the header is no claim's."""
    first = next((t.i for t in seg.span if t.idx >= at and not t.is_space), None)
    if first is None or first == seg.span.start:
        return seg
    span = seg.span.doc[first:seg.span.end]
    return _Seg(span, span.start_char, span.end_char,
                persons=[(e.text, _gender_of(e)) for e in span.ents if e.label_ == "PERSON"])


def _classify(seg: _Seg, headline: bool = False) -> None:
    text = seg.span.text.strip()
    bare = text.strip(_QUOTE_CHARS + " ")
    if is_boilerplate_line(text) or is_boilerplate_line(bare) or addresses_reader_about_site(text):
        seg.skip = True
        return
    seg.question = bare.rstrip(")]").endswith("?")  # questions state nothing checkable
    if text.endswith(":"):
        seg.intro = _intro_frame(seg.span)
        if seg.intro is not None:
            return
    words = [t for t in seg.span if t.is_alpha]
    if len(words) < 3 or not (any(t.pos_ in ("VERB", "AUX") for t in seg.span)
                                or (headline and _headline_statement(seg.span))):
        seg.skip = True
        return
    first = next((t for t in seg.span if not t.is_space), None)
    seg.quote_only = first is not None and first.text[:1] in _QUOTE_CHARS


def _headline_statement(span: "SpacySpan") -> bool:
    """A verbless line can still state something: headlinese ("Third boob likely a hoax",
    "Big Bank Hank dead at 57"), where spaCy often tags Title Case verbs as proper nouns.
    It needs a noun and a predicate-like word (adjective, number, a lowercase or title-cased verb
    form the tagger missed) beyond a bare name, so subheads like "Giant Crab" stay out."""
    toks = [t for t in span if t.is_alpha or t.like_num]
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    predicate = [t for t in toks if t.pos_ in ("ADJ", "NUM", "ADV") or t.tag_ in ("VBZ", "VBD", "VBN", "VBG", "VBP")
                 or (t.pos_ == "PROPN" and t.lower_.endswith(("s", "ed", "ing")) and t.ent_type_ == "")]
    if len(toks) < 3 or not nouns:
        return False
    words = [t for t in toks if t.is_alpha]
    # Title Case or ALL CAPS headlines defeat the tagger ("Apple May Buy Social Network Path"), and
    # a long verbless line is more often a mis-tagged statement than a subhead.
    title_cased = sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)
    return bool(predicate) or len(words) >= 5 or (title_cased and len(words) >= 4)


_STATEMENT_END = re.compile(r"[.!?;]")


def _join_headline_fragments(article: Article, doc: "Doc", claims: list[Claim]) -> list[Claim]:
    """Consecutive statements of the outlet's own in a headline, with no full stop (or "!", "?",
    ";") between them, are one statement: spaCy cuts Title Case headlines into pieces that state
    nothing alone ("Plant Ripped Up Contract" | "To Reunite Led Zeppelin", "... Took Selfie" |
    "Right Before Her Heart Attack"). Attributed claims and questions are left as they are."""
    def own(c: Claim) -> bool:
        return c.source.kind == "narrator" and c.cue is None and c.stance == "asserts"

    out: list[Claim] = []
    for claim in claims:
        last = out[-1] if out else None
        if (last is not None and own(last) and own(claim) and last.span.end <= claim.span.start
                and not _STATEMENT_END.search(article.text, last.span.end, claim.span.start)):
            content = Span(last.span.start, claim.span.end, article.text[last.span.start:claim.span.end])
            out[-1] = replace(last, text=content.text, span=content,
                              quantities=extract_quantities(content.text, content.start, doc))
        else:
            out.append(claim)
    return [replace(c, id=f"{article.id}#{n}") for n, c in enumerate(out, 1)] if len(out) < len(claims) else out


def _question_claim(article: Article, line: Span) -> Claim:
    """A headline that only asks ("Has Handarat fallen?", "Was the video a hoax?") asserts nothing,
    but it is the outlet's word on the topic -- often doubt -- so it stays as a claim the outlet
    `questions`: no rule-based reason uses it, the stance model reads it (a question is a feature)."""
    mark = line.start + line.text.rindex("?")
    return Claim(
        id=f"{article.id}#1", article=article.ref, text=line.text, span=line, sentence=line,
        source=Source(article.outlet, "narrator", None), cue=Span(mark, mark + 1, "?"), stance="questions",
        quantities=extract_quantities(line.text, line.start),
    )
