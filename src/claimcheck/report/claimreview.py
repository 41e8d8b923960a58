"""schema.org ClaimReview JSON-LD for the versions a reviewer rated."""

from __future__ import annotations

from typing import Any

from claimcheck.report.rows import RunOutputs


def claimreview(outputs: RunOutputs, author: str | None = None) -> tuple[dict[str, Any], int]:
    """schema.org ClaimReview JSON-LD for each version a reviewer rated (the rating as the
    reviewer wrote it: claimcheck never makes one up), and how many reviewed facts had no rated
    version. ``author`` (the fact-checking organisation) defaults to each review's reviewer."""
    from claimcheck.htmlreport import web_url

    graph = []
    unrated = 0
    for fact in sorted(outputs.facts, key=lambda f: str(f["id"])):
        review = fact.get("review") or {}
        ratings = review.get("ratings") or {}
        rated = [v for v in fact.get("versions") or () if ratings.get(v.get("id"))]
        if review and not rated:
            unrated += 1
        for v in rated:
            arts = sorted(v.get("articles") or (), key=lambda a: (a.get("published") is None, a.get("published") or "", str(a.get("id"))))
            appearance = []
            for a in arts:
                work: dict[str, Any] = {"@type": "CreativeWork"}
                if web_url(a.get("url")):
                    work["url"] = web_url(a.get("url"))
                if a.get("title"):
                    work["headline"] = a["title"]
                if a.get("outlet"):
                    work["publisher"] = {"@type": "Organization", "name": a["outlet"]}
                if a.get("published"):
                    work["datePublished"] = a["published"]
                appearance.append(work)
            claim: dict[str, Any] = {
                "@type": "Claim",
                "author": [{"@type": "Organization", "name": name} for name in v.get("sources") or ()],
                "appearance": appearance,
            }
            dates = [a["published"] for a in arts if a.get("published")]
            if dates:
                claim["datePublished"] = dates[0]
            if appearance:
                claim["firstAppearance"] = appearance[0]
            item: dict[str, Any] = {
                "@type": "ClaimReview",
                "identifier": f"{fact['id']} {v.get('id')}",
                "claimReviewed": v.get("label"),
                "itemReviewed": claim,
                "reviewRating": {"@type": "Rating", "alternateName": ratings[v["id"]]},
            }
            by = author or review.get("reviewer")
            if by:
                item["author"] = {"@type": "Organization", "name": by}
            if review.get("reviewed"):
                item["datePublished"] = review["reviewed"]
            if review.get("note"):
                item["reviewBody"] = review["note"]
            graph.append(item)
    return {"@context": "https://schema.org", "@graph": graph}, unrated

