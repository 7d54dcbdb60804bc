"""The agreement report as a table for the terminal (`annotate agreement`)."""

from __future__ import annotations

from annotate.agreement.report import AgreementReport
from annotate.agreement.scores import DocumentScores, RelationScores, Scores
from annotate.schema import Schema
from annotate.terminal import for_terminal

WORST_DOCUMENTS = 20
ALL_LABELS = "all labels"
COLUMNS = ("label", "annotators", "spans", "F1 exact", "F1 overlap", "kappa", "alpha-U")


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def label_name(schema: Schema, label: str | None, visual: bool) -> str:
    """The label's Arabic name (readable in a terminal) and its name."""
    if label is None:
        return ALL_LABELS
    arabic = {known.name: known.arabic for known in schema.labels}
    arabic.update((known.name, known.arabic) for known in schema.relations)
    if label not in arabic:
        return label
    return f"{for_terminal(arabic[label], visual)} {label}"


def format_report(report: AgreementReport, schema: Schema, visual: bool) -> str:
    lines = [
        f"agreement of {', '.join(report.annotators)} over {report.documents} documents"
        f" (status {report.status}): {report.characters} characters, {report.tokens} tokens",
        "kappa: Cohen's for a pair, Fleiss' for the group (all annotators)",
        "",
        *_table(COLUMNS, [_score_row(schema, s, visual) for s in report.scores if _used(s.spans)]),
    ]
    unused = _unused([(s.label, s.spans) for s in report.scores])
    unused += _unused([(r.label, r.relations) for r in report.relations])
    relations = [r for r in report.relations if _used(r.relations)]
    if relations:
        lines += ["", "relations (same quote and speaker):"]
        rows = [_relation_row(schema, r, visual) for r in relations]
        lines += _table(("relation", "annotators", "links", "F1"), rows)
    if unused:
        lines += ["", f"no annotator used: {', '.join(unused)}"]
    lines += ["", f"documents, worst first (at most {WORST_DOCUMENTS}):"]
    rows = [_document_row(d, visual) for d in report.per_document[:WORST_DOCUMENTS]]
    lines += _table(("#", "spans", "F1 exact", "F1 overlap", "kappa", "title"), rows)
    return "\n".join(lines)


def _used(counts: tuple[int, ...]) -> bool:
    return any(counts)


def _unused(rows: list[tuple[str | None, tuple[int, ...]]]) -> list[str]:
    """Labels of the rows that no annotator used (their rows say only n/a), in order."""
    used = {label for label, counts in rows if _used(counts)}
    return list(dict.fromkeys(label for label, _ in rows if label and label not in used))


def _score_row(schema: Schema, scores: Scores, visual: bool) -> tuple[str, ...]:
    return (
        label_name(schema, scores.label, visual),
        "group" if scores.is_group else "-".join(scores.annotators),
        "/".join(map(str, scores.spans)),
        figure(scores.f1_exact),
        figure(scores.f1_overlap),
        figure(scores.kappa),
        figure(scores.alpha_u),
    )


def _relation_row(schema: Schema, scores: RelationScores, visual: bool) -> tuple[str, ...]:
    return (
        label_name(schema, scores.label, visual),
        "group" if len(scores.annotators) > 2 else "-".join(scores.annotators),
        "/".join(map(str, scores.relations)),
        figure(scores.f1),
    )


def _document_row(document: DocumentScores, visual: bool) -> tuple[str, ...]:
    return (
        str(document.position),
        "/".join(map(str, document.spans)),
        figure(document.f1_exact),
        figure(document.f1_overlap),
        figure(document.kappa),
        for_terminal(document.title, visual),
    )


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
