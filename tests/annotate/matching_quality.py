"""Precision and recall of search and of "annotate every mention" on matching_cases.toml.

Run `python -m tests.annotate.matching_quality` for the table the README quotes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from annotate.mentions import find_mentions
from annotate.model import Span
from annotate.propagation import propose

CASES = Path(__file__).with_name("matching_cases.toml")
MARK = re.compile(r"\[([^\]]*)\]|\{([^}]*)\}")


@dataclass(frozen=True)
class Case:
    query: str
    text: str
    exact: frozenset[tuple[int, int]]  # mentions spelled as the query
    variants: frozenset[tuple[int, int]]  # mentions spelled otherwise
    family: bool


def load_cases(path: Path = CASES) -> list[Case]:
    return [_case(entry) for entry in tomllib.loads(path.read_text("utf-8"))["case"]]


def _case(entry: dict[str, object]) -> Case:
    marked, pieces, exact, variants = str(entry["text"]), [], set(), set()
    length, at = 0, 0
    for match in MARK.finditer(marked):
        pieces.append(marked[at : match.start()])
        length += match.start() - at
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        (exact if match.group(1) is not None else variants).add((length, length + len(inner)))
        pieces.append(inner)
        length += len(inner)
        at = match.end()
    pieces.append(marked[at:])
    query, family = str(entry["query"]), bool(entry.get("family", False))
    return Case(query, "".join(pieces), frozenset(exact), frozenset(variants), family)


@dataclass(frozen=True)
class Score:
    found: int
    right: int
    expected: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def search_score(cases: list[Case]) -> Score:
    """Every hit listed, against every mention (either spelling)."""
    found = right = expected = 0
    for case in cases:
        hits = {(m.start, m.end) for m in find_mentions(case.text, case.query, family=case.family)}
        mentions = case.exact | case.variants
        found, right, expected = (
            found + len(hits),
            right + len(hits & mentions),
            expected + len(mentions),
        )
    return Score(found, right, expected)


def ticked_score(cases: list[Case]) -> Score:
    """What "annotate every mention" offers ticked, from a span of the query's text, against
    the mentions spelled as the query."""
    found = right = expected = 0
    for case in cases:
        ticked = pre_ticked(case)
        found, right = found + len(ticked), right + len(ticked & case.exact)
        expected += len(case.exact)
    return Score(found, right, expected)


def pre_ticked(case: Case) -> set[tuple[int, int]]:
    """The span is the query written on a line before the text, as an analyst marked it."""
    text = f"{case.query}\n{case.text}"
    span = Span("q", "doc", "ali", "PERSON", 0, len(case.query), {}, "manual")
    shift = len(case.query) + 1
    proposals = propose(text, span, [span], family=case.family)
    return {(p.start - shift, p.end - shift) for p in proposals if p.checked}


def mistakes(cases: list[Case]) -> list[str]:
    """Each case's wrong or missing hits, for reading."""
    lines = []
    for case in cases:
        hits = {(m.start, m.end) for m in find_mentions(case.text, case.query, family=case.family)}
        ticked = pre_ticked(case)
        for start, end in sorted(hits - case.exact - case.variants):
            lines.append(f"{case.query}: listed, not a mention: {case.text[start:end]!r}")
        for start, end in sorted((case.exact | case.variants) - hits):
            lines.append(f"{case.query}: missed: {case.text[start:end]!r}")
        for start, end in sorted(ticked - case.exact):
            lines.append(f"{case.query}: ticked, should not be: {case.text[start:end]!r}")
    return lines


def main() -> None:
    cases = load_cases()
    print(f"{len(cases)} cases")
    for name, score in (("search", search_score(cases)), ("pre-ticked", ticked_score(cases))):
        print(
            f"{name}: precision {score.precision:.3f} ({score.right}/{score.found}),"
            f" recall {score.recall:.3f} ({score.right}/{score.expected})"
        )
    for line in mistakes(cases):
        print(line)


if __name__ == "__main__":
    main()
