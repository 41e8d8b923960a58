"""Reading articles: formats, titles, offsets, ids, stdin, bad inputs, boilerplate, the example corpus."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from claimcheck.config import load_camps
from claimcheck.errors import InputError
from claimcheck.load import (
    boilerplate_spans,
    dateline_outlet,
    dateline_span,
    is_boilerplate_line,
    iter_articles,
    load_articles,
    split_title,
)
from claimcheck.records import Article, Problem

from conftest import EXAMPLES

BODY = "The army said on Tuesday that it had retaken the bridge at Tessel.\n\nRebels denied it.\n"


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_bytes(data.encode("utf-8"))  # no newline translation: bytes as written here
    return path


def _one(paths, **kw) -> Article:
    articles, problems = load_articles(paths, **kw)
    assert problems == []
    assert len(articles) == 1
    return articles[0]


# ---- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title, body_prefix",
    [
        ("Army retakes bridge\n\n" + BODY, "Army retakes bridge", "The army said"),
        ("Share\n\nArmy retakes bridge\n\n" + BODY, "Army retakes bridge", "The army said"),
        ("Advertisement\nShare\n\n\nArmy retakes bridge\n\n\n" + BODY, "Army retakes bridge", "The army said"),
        ("# Army retakes bridge\n\n" + BODY, "Army retakes bridge", "The army said"),
        ("Army retakes bridge\r\n\r\n" + BODY, "Army retakes bridge", "The army said"),
        ("Can the truce hold?\n\n" + BODY, "Can the truce hold?", "The army said"),
        # no blank line after the first line: no title
        ("Army retakes bridge\n" + BODY, None, None),
        # a long first sentence standing alone is a lede paragraph, not a headline
        ("The army said on Tuesday that its troops had retaken the bridge at Tessel after two days.\n\n"
         "Rebels denied it.\n", None, None),
        ("Rebels Say Tal Ruwaq Still Holds As Regime Jets Strike Kafr Hamra And Aid Convoy Reaches "
         "Al-Marja District\n\n" + BODY, "Rebels Say Tal Ruwaq Still Holds As Regime Jets Strike Kafr Hamra And "
         "Aid Convoy Reaches Al-Marja District", "The army said"),
        # a short lede sentence with a full stop, or a long summary line, is body text
        ("No one was hurt.\n\n" + BODY, None, None),
        ("The rapper died in the early hours of Tuesday morning after a long illness, according to "
         "reports\n\n" + BODY, None, None),
        ("NORTH HOLLYWOOD, California -\n\n" + BODY, None, None),
        # a single line (nothing after it) is text, not a title
        ("Army retakes bridge\n\n", None, None),
        (BODY, None, None),
    ],
)
def test_split_title(text, title, body_prefix):
    got_title, body_start = split_title(text)
    assert got_title == title
    if title is None:
        assert body_start == 0
    else:
        assert text[body_start:].startswith(body_prefix)


# ---- plain text and offsets -----------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected_text",
    [
        (b"Army retakes bridge\n\nThe army said so.\n", "Army retakes bridge\n\nThe army said so.\n"),
        # BOM dropped, CRLF kept as two characters (no newline translation)
        (b"\xef\xbb\xbfArmy retakes bridge\r\n\r\nThe army said so.\r\n",
         "Army retakes bridge\r\n\r\nThe army said so.\r\n"),
        (b"Caf\xc3\xa9 talks\n\nThe envoy said so.\n", "Caf\u00e9 talks\n\nThe envoy said so.\n"),
    ],
)
def test_txt_text_is_the_file_as_decoded(tmp_path, raw, expected_text):
    path = _write(tmp_path / "a.txt", raw)
    article = _one([path])
    assert article.text == expected_text
    # the documented rule: offsets index open(path, encoding="utf-8-sig", newline="").read()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        assert fh.read() == article.text
    start = article.text.index("said")
    assert article.text[start:start + 4] == "said"
    assert article.text[article.body_start:].startswith(("The army", "The envoy"))


def test_txt_round_trips_spans(tmp_path):
    text = "Share\r\n\r\nArmy retakes bridge\r\n\r\nBy Jane Doe\r\n\r\nThe army said it held the bridge.\r\n"
    path = _write(tmp_path / "a.txt", "\ufeff" + text)
    article = _one([str(path)])
    assert article.text == text
    assert article.title == "Army retakes bridge"
    spans = boilerplate_spans(article.text)
    assert [article.text[s:e] for s, e in spans] == ["Share", "By Jane Doe"]
    assert article.text[article.body_start:].startswith("By Jane Doe")


def test_markdown_heading_is_title(tmp_path):
    path = _write(tmp_path / "note.md", "## Talks resume in Geneva ##\n\nThe envoy said talks would resume.\n")
    article = _one([path])
    assert article.title == "Talks resume in Geneva"
    assert article.text.startswith("## Talks")  # text untouched


@pytest.mark.parametrize(
    "text, outlet, prefix",
    [
        ("SABRAN, Qadira (Meridian Press) - The army said so.", "Meridian Press", "SABRAN, Qadira (Meridian Press) - "),
        ("Head\n\nBEIRUT, March 3 (Reuters) \u2014 Rebels said so.", "Reuters", "BEIRUT, March 3 (Reuters) \u2014 "),
        ("Share\n\nLONDON (AP) -- Police said so.", "AP", "LONDON (AP) -- "),
        ("WASHINGTON/SABRAN (Meridian Press) - Envoys met.", "Meridian Press", "WASHINGTON/SABRAN (Meridian Press) - "),
        ("TAL RUWAQ, Qadira (QNA): Shelling resumed.", "QNA", "TAL RUWAQ, Qadira (QNA): "),
        # local papers name no agency: a dateline all the same, with no outlet
        ("Head\n\nORVEL \u2014 Police said so.", None, "ORVEL \u2014 "),
        ("WEST HARBIN, Minn. - Two men were hurt.", None, "WEST HARBIN, Minn. - "),
        ("US - Qadira talks resumed.", None, None),
        ("The army (QNA) - said so.", None, None),
        ("Police said (in a statement) - as usual - that it was calm.", None, None),
    ],
)
def test_dateline(text, outlet, prefix):
    start = split_title(text)[1]  # the dateline opens the body, after any title
    assert dateline_outlet(text, start) == outlet
    span = dateline_span(text, start)
    assert (text[span[0]:span[1]] if span else None) == prefix


def test_txt_outlet_from_dateline(tmp_path):
    path = _write(tmp_path / "w.txt", "Head line\n\nSABRAN (Meridian Press) - The army said so.\n")
    assert _one([path]).outlet == "Meridian Press"


# ---- boilerplate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Advertisement", True),
        ("  ADVERTISEMENT  ", True),
        ("Share", True),
        ("Share this article", True),
        ("Share on Facebook", True),
        ("Read more", True),
        ("Read more: Talks collapse in Geneva", True),
        ("Subscribe", True),
        ("Subscribe to our newsletter", True),
        ("Follow us", True),
        ("Follow us on Twitter", True),
        ("By Jane Doe", True),
        ("By Jane Doe and John Roe, Reuters", True),
        ("BY JANE DOE in Beirut", True),
        ("By Lena Hart and Omar Haddad, Meridian Press", True),
        ("Photo: Smoke rises over the city.", True),
        ("(Photo: Reuters)", True),
        ("FILE PHOTO: A soldier stands guard.", True),
        ("(Reporting by Jane Doe; Editing by John Roe)", True),
        ("Additional reporting by Sam Poe in Geneva", True),
        ("\u00a9 2026 Meridian Press. All rights reserved.", True),
        ("Updated: 14 March 2026, 18:30", True),
        ("Related: Aid reaches the north", True),
        ("Related coverage", True),
        ("Copyright 2026 Meridian Press", True),
        ("Related fighting broke out in the north, officials said.", False),
        ("Copyright law was changed last year, the minister said.", False),
        ("More from the ministry was expected on Monday.", False),
        ("More than 40 people were killed, rescuers said.", False),
        ("Research by a monitoring group, which tracks the fighting, said 40 people had been killed in "
         "the strike on the village and that most of them were civilians.", False),
        # real sentences are not boilerplate
        ("By Saturday, the army had captured the town.", False),
        ("By the end of the day, rebels had withdrawn.", False),
        ("Shares in the company fell 5 percent.", False),
        ("Subscribers to the service said it was down.", False),
        ("The army said it would follow up on the reports.", False),
        ("Photographers said the area was quiet.", False),
        ("Reporters were told the road was open.", False),
        ("Updated figures showed 12 people were killed, the ministry said.", False),
        ("", False),
        ("   ", False),
    ],
)
def test_is_boilerplate_line(line, expected):
    assert is_boilerplate_line(line) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Whenever Ana Ruiz posts new content, you'll get an email delivered to your inbox with a link.", True),
    ("Please enable JavaScript to watch this video.", True),
    ("If you are a current subscriber, please log in with your account details.", True),
    ("If you do not receive the verification message within a few minutes, please check your spam or junk folder.", True),
    ("Sorry, your browser doesn't support Flash.", True),
    # the reader, or the site's words, alone: news
    ("Police urged anyone with information to call the tip line.", False),
    ("The gunman logged in to the school's network before the attack, police said.", False),
    ("“You never think it will happen on your street,” a neighbour said.", False),
    ("A Twitter account set up by his family said many of you have asked for news.", False),
    ("The flash flood swept your car away, the rescuer told the driver.", False),
])
def test_addresses_reader_about_site(sentence, expected):
    from claimcheck.layout import addresses_reader_about_site

    assert addresses_reader_about_site(sentence) is expected


def test_boilerplate_spans_lines_and_trailing_credit():
    text = (
        "Advertisement\n"
        "The army said it held the bridge.\n"
        "  Share  \r\n"
        "Rebels denied it. (Reporting by Jane Doe; Editing by John Roe)\n"
        "By Saturday, the army had withdrawn."
    )
    got = [text[s:e] for s, e in boilerplate_spans(text)]
    assert got == ["Advertisement", "Share", "(Reporting by Jane Doe; Editing by John Roe)"]


def test_boilerplate_is_not_pathologically_slow_on_long_capitalised_lines():
    line = "By " + "ABCDEFGHIJ" * 11 + " x"
    assert is_boilerplate_line(line) is False  # returns at once; a backtracking regex would hang


# ---- JSON and JSONL ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record, text, title, outlet, url, published",
    [
        ({"text": "The army said so."}, "The army said so.", None, None, None, None),
        ({"body": "The army said so.", "headline": "Army speaks"}, "Army speaks\n\nThe army said so.",
         "Army speaks", None, None, None),
        ({"content": "The army said so.", "title": "Army speaks", "source": {"id": "x", "name": "Wire"},
          "link": "http://example.org/a", "publishedAt": "2026-03-14"},
         "Army speaks\n\nThe army said so.", "Army speaks", "Wire", "http://example.org/a", "2026-03-14"),
        ({"text": "The army said so.", "outlet": "State TV", "publisher": "Other", "url": "u", "date": "d"},
         "The army said so.", None, "State TV", "u", "d"),
        ({"text": "The army said so.", "publisher": "Daily", "published": "2026-01-02"},
         "The army said so.", None, "Daily", None, "2026-01-02"),
        ({"text": "", "body": "The army said so."}, "The army said so.", None, None, None, None),
        ({"text": ["One said.", "Two said."]}, "One said.\n\nTwo said.", None, None, None, None),
        # a body opening with its title (as scraped feeds do): the repeat is dropped, not read twice
        ({"text": "Army  speaks\n\nThe army said so.", "title": "Army speaks"}, "Army speaks\n\nThe army said so.",
         "Army speaks", None, None, None),
        ({"text": ["Army speaks", "The army said so."], "title": "Army speaks"}, "Army speaks\n\nThe army said so.",
         "Army speaks", None, None, None),
        # a first sentence that merely begins like the title is the body's own
        ({"text": "Army speaks of gains.", "title": "Army speaks"}, "Army speaks\n\nArmy speaks of gains.",
         "Army speaks", None, None, None),
    ],
)
def test_json_field_aliases(tmp_path, record, text, title, outlet, url, published):
    path = _write(tmp_path / "one.json", json.dumps(record))
    article = _one([path])
    assert (article.text, article.title, article.outlet, article.url, article.published) == (
        text, title, outlet, url, published)
    assert article.id == "one.json"
    if title:
        assert article.text[:article.body_start] == title + "\n\n"


def test_json_list_ids_and_given_ids(tmp_path):
    items = [{"text": "First said."}, {"id": "given", "text": "Second said."}, {"id": 7, "text": "Third said."}]
    path = _write(tmp_path / "list.json", json.dumps(items, indent=2))
    articles, problems = load_articles([path])
    assert problems == []
    assert [a.id for a in articles] == ["list.json:0", "given", "7"]
    assert all(a.path == path.as_posix() for a in articles)


def test_jsonl_ids_are_line_numbers(tmp_path):
    lines = [json.dumps({"text": "One said."}), "", json.dumps({"id": "b", "text": "Two said."}),
             json.dumps({"text": "Three said."})]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, problems = load_articles([path])
    assert problems == []
    assert [a.id for a in articles] == ["feed.jsonl:1", "b", "feed.jsonl:4"]


# ---- bad input --------------------------------------------------------------------------------

GOOD = json.dumps({"id": "good", "text": "Police said the road was reopened."})


@pytest.mark.parametrize(
    "name, data, line, words",
    [
        ("empty.txt", b"", None, "empty"),
        ("blank.txt", b"  \n\t\n", None, "empty"),
        ("bin.txt", b"abc\x00\x01def", None, "binary"),
        ("latin.txt", b"line one\nline two caf\xe9\n", 2, "UTF-8"),
        ("broken.json", b'{"text": "a",\n "title": }', 2, "invalid JSON"),
        ("scalar.json", b"42", None, "expected an object"),
        ("emptylist.json", b"[ ]", None, "empty JSON list"),
        ("notext.json", b'{"title": "Only a title"}', None, "no text"),
        ("bad.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", None, "no article text"),
        ("weird.pdf", b"%PDF-1.4", None, "unsupported"),
    ],
)
def test_bad_file_gives_one_problem_and_others_load(tmp_path, name, data, line, words):
    bad = _write(tmp_path / "in" / name, data)
    good = _write(tmp_path / "in" / "ok.txt", "Police said the road was reopened.\n")
    articles, problems = load_articles([bad, good])
    assert [a.id for a in articles] == ["ok.txt"]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == bad.as_posix()
    assert problem.line == line
    assert words.lower() in problem.message.lower()
    assert "\n" not in str(problem) and str(problem).startswith(bad.as_posix())


@pytest.mark.parametrize(
    "bad_line, words",
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        ('{"title": "no body"}', "no text"),
        ('{"text": "   "}', "no text"),
    ],
)
def test_bad_jsonl_line_is_skipped(tmp_path, bad_line, words):
    other = json.dumps({"id": "other", "text": "The mayor said the school would reopen."})
    path = _write(tmp_path / "feed.jsonl", f"{GOOD}\n{bad_line}\n{other}\n")
    articles, problems = load_articles([path])
    assert [a.id for a in articles] == ["good", "other"]
    assert len(problems) == 1
    assert (problems[0].path, problems[0].line) == (path.as_posix(), 2)
    assert words.lower() in problems[0].message.lower()
    assert str(problems[0]).startswith(f"{path.as_posix()}:2: ")


def test_bad_json_list_item_names_its_line(tmp_path):
    text = '[\n  {"text": "One said."},\n  "oops",\n  {"title": "no text"},\n  {"text": "Four said."}\n]\n'
    path = _write(tmp_path / "list.json", text)
    articles, problems = load_articles([path])
    assert [a.id for a in articles] == ["list.json:0", "list.json:3"]
    assert [(p.line, p.message.split(" ")[:2]) for p in problems] == [(3, ["item", "1"]), (4, ["item", "2"])]


def test_unreadable_file_is_a_problem(tmp_path):
    import os

    path = _write(tmp_path / "secret.txt", "The army said so.\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        articles, problems = load_articles([path])
        assert articles == [] and len(problems) == 1 and "cannot read" in problems[0].message
    finally:
        path.chmod(0o644)


def test_duplicate_given_ids_are_skipped_with_a_problem(tmp_path):
    a = _write(tmp_path / "a.jsonl", GOOD + "\n")
    b = _write(tmp_path / "b.jsonl", GOOD + "\n")
    articles, problems = load_articles([a, b])
    assert [x.id for x in articles] == ["good"]
    assert len(problems) == 1 and "duplicate" in problems[0].message and problems[0].path == b.as_posix()


def test_a_repeated_id_within_one_file_names_both_lines(tmp_path):
    other = '{"id": "other", "text": "Rebels said the road was open."}'
    path = _write(tmp_path / "a.jsonl", "\n".join([GOOD, other, GOOD]) + "\n")
    articles, problems = load_articles([path])
    assert [x.id for x in articles] == ["good", "other"]
    assert [str(p) for p in problems] == [f"{path.as_posix()}:3: duplicate article id 'good' (first at {path.as_posix()}:1); skipped"]


def test_same_name_in_two_folders_falls_back_to_the_path(tmp_path):
    one = _write(tmp_path / "one" / "a.txt", "The army said so.\n")
    two = _write(tmp_path / "two" / "a.txt", "Rebels said so.\n")
    articles, problems = load_articles([one.parent, two.parent])
    assert problems == []
    assert [a.id for a in articles] == ["a.txt", two.as_posix()]


def test_same_file_twice_is_one_article(tmp_path):
    path = _write(tmp_path / "a.txt", "The army said so.\n")
    articles, problems = load_articles([path, tmp_path])
    assert len(articles) == 1 and len(problems) == 1 and "already read" in problems[0].message


def test_missing_path_raises_input_error_before_anything_is_read(tmp_path):
    good = _write(tmp_path / "a.txt", "The army said so.\n")
    missing = tmp_path / "nope"
    with pytest.raises(InputError, match=re.escape(f"{missing}: no such file or directory")):
        load_articles([good, missing])
    with pytest.raises(InputError):
        next(iter_articles([str(missing)]))


# ---- folders ----------------------------------------------------------------------------------


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unsupported(tmp_path):
    root = tmp_path / "corpus"
    for rel in ["b.txt", "a/z.md", "a/c.txt", "A.txt", ".hidden.txt", ".git/x.txt", "notes.docx",
                "README.md", "sub/readme.txt", "sub/d.htm"]:
        _write(root / rel, "Police said the road was reopened.\n" if not rel.endswith("htm") else
               "<html><body><article><p>Police said the road to Mirna was reopened on Monday after "
               "repairs, and that traffic was flowing again.</p></article></body></html>")
    articles, problems = load_articles([root])
    assert problems == []
    assert [a.id for a in articles] == ["A.txt", "a/c.txt", "a/z.md", "b.txt", "sub/d.htm"]
    assert articles[1].path == (root / "a" / "c.txt").as_posix()
    again, _ = load_articles([root])
    assert [a.id for a in again] == [a.id for a in articles]


def test_explicit_readme_file_is_read(tmp_path):
    path = _write(tmp_path / "README.md", "The army said so.\n")
    assert _one([path]).id == "README.md"


# ---- stdin ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, ids, first_text",
    [
        ("Officials said the dam at Orvel had been repaired.\n", ["stdin"], "Officials said"),
        ("\ufeffTitle here\n\nOfficials said so.\n", ["stdin"], "Title here"),
        (json.dumps({"text": "Officials said so."}), ["stdin"], "Officials said"),
        (json.dumps([{"text": "A said."}, {"text": "B said."}]), ["stdin:0", "stdin:1"], "A said"),
        (json.dumps({"text": "A said."}) + "\n" + json.dumps({"id": "x", "text": "B said."}) + "\n",
         ["stdin:1", "x"], "A said"),
        ("{curly} braces open this plain text, officials said.\n", ["stdin"], "{curly}"),
    ],
)
def test_stdin(data, ids, first_text):
    articles, problems = load_articles(["-"], stdin=io.StringIO(data))
    assert problems == []
    assert [a.id for a in articles] == ids
    assert articles[0].text.startswith(first_text)
    assert all(a.path == "<stdin>" for a in articles)


def test_stdin_jsonl_with_a_bad_line():
    data = json.dumps({"text": "A said."}) + "\n{oops\n"
    articles, problems = load_articles(["-"], stdin=io.StringIO(data))
    assert [a.id for a in articles] == ["stdin:1"]
    assert [str(p) for p in problems] == [f"<stdin>:2: {problems[0].message}"]


def test_empty_stdin_is_a_problem():
    articles, problems = load_articles(["-"], stdin=io.StringIO(""))
    assert articles == [] and len(problems) == 1 and problems[0].path == "<stdin>"


# ---- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Bridge reopens in Tessel | Valley Post</title>
<meta property="og:title" content="Bridge reopens in Tessel">
<meta property="og:site_name" content="Valley Post">
<meta property="og:url" content="https://valleypost.example/tessel-bridge">
<meta property="article:published_time" content="2025-06-02T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Bridge reopens in Tessel</h1>
<p>The bridge at Tessel reopened to traffic on Monday, the transport ministry said, two weeks after it was damaged by floods.</p>
<p>Local officials said engineers had checked the structure and found it safe for lorries and buses.</p>
</article>
<footer><p>Contact us</p><p>Copyright 2025 Valley Post. All rights reserved.</p></footer>
</body></html>
"""


def test_html_metadata_and_text(tmp_path):
    path = _write(tmp_path / "page.html", PAGE)
    article = _one([path])
    assert article.title == "Bridge reopens in Tessel"
    assert article.outlet == "Valley Post"
    assert article.published == "2025-06-02"
    assert article.url == "https://valleypost.example/tessel-bridge"
    assert article.text.startswith("Bridge reopens in Tessel\n\nThe bridge at Tessel reopened")
    assert article.body_start == len("Bridge reopens in Tessel") + 2
    assert article.text.count("Bridge reopens in Tessel") == 1  # the <h1> repeat is dropped
    assert "Local officials said engineers" in article.text
    for furniture in ("Home", "Subscribe", "Contact us", "All rights reserved"):
        assert furniture not in article.text
    assert load_articles([path])[0] == [article]  # deterministic


# ---- the example corpus -----------------------------------------------------------------------


def test_examples_load_without_problems():
    articles, problems = load_articles([EXAMPLES])
    assert problems == []
    assert {a.id for a in articles} == {
        "meridian-press-sabran.txt", "free-qadira-voice-tal-ruwaq.html", "qna-2026-03-14-army",
        "qnt-2026-03-15-market", "northern-courier-envoy.md",
    }
    outlets = {a.id: a.outlet for a in articles}
    assert outlets == {
        "meridian-press-sabran.txt": "Meridian Press", "free-qadira-voice-tal-ruwaq.html": "Free Qadira Voice",
        "qna-2026-03-14-army": "Qadira News Agency", "qnt-2026-03-15-market": "Qadira National Television",
        "northern-courier-envoy.md": "Northern Courier",
    }
    for article in articles:
        assert article.title and article.body_start > 0
        assert 120 <= len(article.text.split()) <= 320


def test_examples_readme_quotes_are_in_the_articles():
    """The ground truth in examples/README.md quotes the articles exactly (pieces around "...")."""
    articles, _ = load_articles([EXAMPLES])
    texts = [a.text for a in articles]
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    readme = readme[readme.index("## Planted disputes"):readme.index("## Also in the corpus")]
    quotes = re.findall(r'^- (?:MP|FQV|QNA|QNT|NC)\b[^"]*: "(.+)"$', readme, flags=re.MULTILINE)
    assert len(quotes) >= 20
    for quote in quotes:
        for piece in quote.split("..."):
            piece = piece.strip(" ,")
            if len(piece) > 8:
                assert any(piece in t for t in texts), piece


def test_examples_camps_cover_the_sources():
    camps = load_camps(EXAMPLES / "camps.toml")
    expected = {
        "Qadira News Agency": "government", "Qadira National Television": "government",
        "State television": "government", "the army": "government", "a military source": "government",
        "The defence ministry": "government", "The interior ministry": "government", "The ministry": "government",
        "Free Qadira Voice": "opposition", "A rebel spokesman": "opposition", "Rebel commanders": "opposition",
        "Rebels": "opposition", "the opposition coalition": "opposition", "The Qadira Civil Defence": "opposition",
        "Meridian Press": None, "Northern Courier": None, "The United Nations": None,
        "The Qadiran Red Crescent": None, "anti-government activists": None,
    }
    assert {name: camps.camp_of(name) for name in expected} == expected


def test_example_boilerplate_is_found():
    articles = {a.id: a for a in load_articles([EXAMPLES])[0]}
    wire = articles["meridian-press-sabran.txt"]
    found = [wire.text[s:e] for s, e in boilerplate_spans(wire.text)]
    assert found == ["Share", "By Lena Hart and Omar Haddad, Meridian Press", "Published: March 14, 2026 19:40 GMT",
                     "Advertisement", "Share this article", "(Reporting by Omar Haddad; Editing by Ruth Kemp)"]
    assert wire.title == "Qadiran army pushes north of Sabran as rebels dispute its gains"


def test_seed_article_shape():
    from conftest import SEED_ARTICLE

    if not SEED_ARTICLE.exists():
        pytest.skip("seed article not present")
    article = _one([SEED_ARTICLE])
    assert article.title and article.title != "Share"  # the leading "Share" line is furniture
    assert article.text[article.body_start:article.body_start + 1].isalpha()
    assert article.text.startswith("Share")
    spans = boilerplate_spans(article.text)
    assert article.text[slice(*spans[0])] == "Share"
    assert any(article.text[s:e] == "Advertisement" for s, e in spans)


def test_iter_articles_streams_in_order(tmp_path):
    a = _write(tmp_path / "a.txt", "The army said so.\n")
    bad = _write(tmp_path / "b.txt", b"")
    c = _write(tmp_path / "c.txt", "Rebels said so.\n")
    kinds = [type(x).__name__ for x in iter_articles([a, bad, c])]
    assert kinds == ["Article", "Problem", "Article"]
    assert isinstance(next(iter_articles([a])), Article)
    assert isinstance(next(iter_articles([bad])), Problem)
