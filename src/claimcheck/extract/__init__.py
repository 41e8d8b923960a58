"""Claims and who makes them: reporting frames found on the spaCy dependency parse.

For each body sentence we look for reporting cues (``say``, ``deny``, ``according to`` ...) and
split the sentence into source (the cue's subject), cue, and content (the reported clause, without
the ``that`` complementizer or surrounding quotes). Sentences without a frame are the narrator's;
quote-only sentences inherit the speaker of the adjacent attributing sentence; pronoun speakers are
resolved to a recent compatible named speaker or left ``unresolved``. Beyond verbs, speech-act,
intent and stance nouns with a possessor or "from" agent ("the senator's claim that ...", "her
decision to ..."), viewpoint and medium phrases ("In the judge's view, ...", "In a statement, X ...")
frame content too; the sentence around a noun cue stays the narrator's claim as well. Everything is a walk over the
already parsed doc (no model calls), so it is cheap per sentence.

A quotation sentence that borrows its speaker keeps that speaker's ``mention`` and ``cue`` spans,
which then lie in the adjacent sentence (so the attribution stays traceable). Denials that refer
back ("..., but this was denied by X", "X said it was false") reuse the referred claim's span.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.extract.attribution import _Attr, _Seg
from claimcheck.extract.denials import _owners_claim
from claimcheck.extract.frames import _attributions, _DASH_CREDIT, _frame_only, _intro_frame
from claimcheck.extract.lexicon import _QUOTE_CHARS
from claimcheck.extract.spans import _asks, _quote_delta, _starts_paragraph, _trim_chars
from claimcheck.extract.speakers import _adjacent_speaker, _gender_of, _resolve
from claimcheck.load import is_boilerplate_line
from claimcheck.nlp import DATELINE_RE
from claimcheck.quantities import extract_quantities
from claimcheck.records import Article, Claim, Source, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


def extract_claims(article: Article, doc: "Doc") -> list[Claim]:
    """Claims of one article, in order of appearance; ``doc`` is ``nlp(article.text)``."""
    segs = [s for s in _segments(doc) if s.end > article.body_start]
    prev: tuple[int, int] | None = None  # content a referring denial ("this was denied") points at
    in_quote = False
    # A verbless statement ("Third boob likely a hoax") counts only where the whole body is one line
    # (a headline or feed item given as an article); inside articles such lines are captions and credits.
    one_line = "\n" not in article.text[article.body_start:].strip()
    for seg in segs:
        _classify(seg, headline=one_line)
        delta = _quote_delta(seg.span.text)
        if in_quote and _starts_paragraph(doc.text, seg.start) and seg.span.text[:1] not in _QUOTE_CHARS:
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
        prev = seg.attrs[-1].content if seg.attrs else _trim_chars(doc.text, seg.start, seg.end)
    for i, seg in enumerate(segs):
        frame = _frame_only(seg) if not seg.skip and not seg.attrs and i > 0 else None
        if frame is not None and segs[i - 1].quote_only and not segs[i - 1].skip and not segs[i - 1].attrs:
            # '“...”' then 'Trump said, looking out at the crowd.': the frame belongs to the quote
            prev_seg = segs[i - 1]
            frame.content = _trim_chars(doc.text, prev_seg.start, prev_seg.end)
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
                prev_seg.attrs = [_Attr(_trim_chars(doc.text, prev_seg.start, prev_seg.end), dash[0], who, who[-1])]
    for i, seg in enumerate(segs):
        if seg.attrs and all(a.nominal for a in seg.attrs) and not seg.quote_only and not seg.question:
            # "Critics rejected the minister's claim that ...": the sentence itself is the narrator's
            seg.attrs.insert(0, _Attr(_trim_chars(doc.text, seg.start, seg.end), None, None, None, kind="narrator"))
            continue
        if seg.skip or seg.attrs or seg.intro is not None or seg.question:
            continue
        whole = _trim_chars(doc.text, seg.start, seg.end)
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
            if key not in seen:
                seen.add(key)
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
    return claims


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


# ---------------------------------------------------------------------------------------------- segments


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
    for seg in out:
        seg.persons = [(e.text, _gender_of(e)) for e in seg.span.ents if e.label_ == "PERSON"]
    return out


def _classify(seg: _Seg, headline: bool = False) -> None:
    text = seg.span.text.strip()
    bare = text.strip(_QUOTE_CHARS + " ")
    if is_boilerplate_line(text) or is_boilerplate_line(bare):
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


# ---------------------------------------------------------------------------------------------- attributions


# ---------------------------------------------------------------------------------------------- speakers


# ---------------------------------------------------------------------------------------------- records


def _to_claim(article: Article, doc: "Doc", seg: _Seg, attr: _Attr, n: int) -> Claim | None:
    text = article.text
    start, end = attr.content
    sent_start = seg.start
    dateline = DATELINE_RE.match(text, seg.start, seg.end)  # kept in the lede's sentence by nlp.py
    if dateline:
        sent_start = dateline.end()
        start = max(start, sent_start)
    if end - start < 3:
        return None
    content = Span(start, end, text[start:end])
    sentence = Span(sent_start, seg.end, text[sent_start:seg.end])
    cue = Span(attr.cue.idx, attr.cue.idx + len(attr.cue.text), attr.cue.text) if attr.cue is not None else None
    if attr.kind == "named" or attr.kind == "pronoun" or (attr.kind == "unresolved" and attr.source is not None):
        mention_span = attr.source
        if attr.inherited is not None:
            mention_span = attr.inherited.source
        mention = (Span(mention_span.start_char, mention_span.end_char, mention_span.text)
                   if mention_span is not None else None)
        source = Source(attr.name if attr.kind != "unresolved" else None, attr.kind, mention)
    elif attr.kind == "unresolved":
        source = Source(None, "unresolved", None)
    else:
        source = Source(article.outlet, "narrator", None)
    quantities = extract_quantities(content.text, content.start, doc)
    return Claim(
        id=f"{article.id}#{n}", article=article.ref, text=content.text, span=content, sentence=sentence,
        source=source, cue=cue, stance=attr.stance, quantities=quantities,
    )
