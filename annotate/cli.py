"""The `annotate` command line."""

from __future__ import annotations

import gc
import json
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import asdict, replace
from functools import wraps
from pathlib import Path
from typing import Any

import click

from annotate.backups import DEFAULT_KEEP, restore, rolling_backup
from annotate.checking import check_project, pending_fixes
from annotate.corpus.formats import EXPORT_FORMATS
from annotate.corpus.importing import FORMATS, ImportReport, import_paths
from annotate.errors import AnnotateError, InputError
from annotate.filesystems import network_warning
from annotate.model import STATUS_FILTERS
from annotate.project import Project
from annotate.schema import load_schema
from annotate.searching import search_documents
from annotate.terminal import (
    VISUAL_MODES,
    for_terminal,
    visible_controls,
    wants_visual,
    with_marks,
)
from annotate.terminal_progress import TerminalProgress
from annotate.training.options import EPOCHS, EVAL_SPLIT, TrainingOptions

EXIT_BAD_INPUT = 2

visual_option = click.option(
    "--visual",
    type=click.Choice(VISUAL_MODES),
    default="auto",
    show_default=True,
    help="Shape Arabic and put it in visual order for terminals without bidi support.",
)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn an AnnotateError into one line on stderr and exit code 2."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AnnotateError as error:
            click.echo(f"error: {visible_controls(str(error))}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except sqlite3.Error as error:
            click.echo(f"error: the project database refused: {error}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except OSError as error:
            click.echo(f"error: {error.filename or ''}: {error.strerror or error}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return run


def existing_project(
    path: str, read_only: bool | None = None, outdated_ok: bool = False
) -> Project:
    """The project, read-only if its file or folder cannot be written (see Project.open)."""
    warning = network_warning(Path(path))
    if warning:
        click.echo(f"warning: {warning}", err=True)
    return Project.open(Path(path), read_only, outdated_ok)


@click.group(invoke_without_command=True)
@click.version_option(package_name="arabic-annotate")
@click.pass_context
def main(context: click.Context) -> None:
    """Annotate Arabic news: entities, quotes and their speakers.

    Without a command, opens the desktop app on the default project.
    """
    if context.invoked_subcommand is None:
        # The desktop app adds its `gui` command to this group (gui/cli.py); the core
        # never imports it, so without it there is only the help to show.
        app = main.get_command(context, "gui")
        if app is None:
            click.echo(context.get_help())
            return
        context.invoke(app)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.option(
    "--schema", "schema_file", type=click.Path(dir_okay=False), help="Label schema (TOML)."
)
@reports_errors
def init(project: str, schema_file: str | None) -> None:
    """Create a new, empty project with the default or a custom label schema."""
    schema = load_schema(Path(schema_file)) if schema_file else None
    with Project.create(Path(project), schema) as created:
        labels = created.labels.schema()
    click.echo(
        f"created {project} with {len(labels.labels)} labels and {len(labels.relations)} relations"
    )


@main.command(name="import")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True)
@click.option("--annotator", help="Import every record's spans and relations as this annotator.")
@click.option(
    "--add-labels", is_flag=True, help="Add unknown labels to the schema instead of refusing."
)
@click.option(
    "--repair-iob",
    is_flag=True,
    help="CoNLL: read an I- tag that continues no span as B- (and report each) instead of "
    "refusing the file.",
)
@click.option(
    "--tag-column",
    type=click.IntRange(min=2),
    help="CoNLL: the column of the tags, the token's being 1 (default: the last).",
)
@click.option(
    "--graphemes",
    is_flag=True,
    help="doccano: offsets count grapheme clusters (its 'count grapheme clusters as one "
    "character' option), not code points.",
)
@click.option(
    "--as-suggestions",
    is_flag=True,
    help="Write the spans as suggestions (a model's predictions) for documents the project "
    "already holds, instead of importing them.",
)
@click.option(
    "--split",
    metavar="NAME",
    help="The part of the corpus the documents this import adds belong to (train, dev, test,"
    " ...), kept in their meta for annotate train --split.",
)
@reports_errors
def import_command(
    project: str,
    paths: tuple[str, ...],
    fmt: str,
    annotator: str | None,
    add_labels: bool,
    repair_iob: bool,
    tag_column: int | None,
    graphemes: bool,
    as_suggestions: bool,
    split: str | None,
) -> None:
    """Import documents and annotations into PROJECT, all or nothing: txt files and folders,
    native JSONL, CoNLL (flat or nested), brat, doccano JSONL, Label Studio JSON."""
    options = {"repair_iob": repair_iob, "tag_column": tag_column, "graphemes": graphemes}
    if as_suggestions:
        _import_suggestions(project, paths, fmt, (annotator, add_labels, split), options)
        return
    with existing_project(project) as opened:
        report = import_paths(
            opened, [Path(p) for p in paths], fmt, annotator, add_labels, split, **options
        )
    click.echo(_describe_import(report))


def _import_suggestions(
    project: str,
    paths: tuple[str, ...],
    fmt: str,
    refused: tuple[str | None, bool, str | None],  # --annotator, --add-labels, --split
    options: dict[str, Any],
) -> None:
    from annotate.corpus.import_suggestions import import_suggestions

    for given, option in zip(refused, ("annotator", "add-labels", "split"), strict=True):
        if given:
            raise InputError(f"--{option} does not go with --as-suggestions", field=option)
    with existing_project(project) as opened:
        report = import_suggestions(opened, [Path(p) for p in paths], fmt, **options)
    skipped = f", {report.skipped} suggested already skipped" if report.skipped else ""
    click.echo(
        f"suggestions: {report.added} added to {_count(report.documents, 'document')}{skipped}"
    )
    if report.relations:
        click.echo(f"note: {_count(report.relations, 'relation')} left out (not suggested)")
    for note in report.notes:
        click.echo(f"note: {note}")


def _describe_import(report: ImportReport) -> str:
    lines = [
        f"documents: {report.documents_added} added, {report.documents_present} already present",
        f"spans: {report.spans_added} added, {report.spans_updated} updated (new attribute"
        f" values), {report.spans_skipped} identical skipped",
        f"relations: {report.relations_added} added, {report.relations_skipped} identical skipped",
    ]
    if report.comments_added or report.flags_set:
        lines.append(f"comments: {report.comments_added} added, flags: {report.flags_set} set")
    if report.labels_added:
        lines.append(f"labels added to the schema: {', '.join(report.labels_added)}")
    lines.extend(f"note: {note}" for note in report.notes)
    return "\n".join(lines)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("others", metavar="OTHER...", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@visual_option
@reports_errors
def merge(project: str, others: tuple[str, ...], as_json: bool, visual: str) -> None:
    """Bring the documents and annotations of OTHER project files into PROJECT, matched by
    uid, in one transaction; a span changed in both keeps the newer change (reported).
    Suggestions come along matched by document, label and bounds, with each analyst's
    decisions (the later one winning)."""
    from annotate.merge.merging import merge_projects  # loaded by this command only

    with existing_project(project) as opened:
        report = merge_projects(opened, [Path(other) for other in others])
    if as_json:
        click.echo(json.dumps(asdict(report), ensure_ascii=False, indent=1))
        return
    visual_order = wants_visual(visual, sys.stdout)
    for line in report.summary_lines():
        click.echo(line)
    for line in report.detail_lines(lambda title: for_terminal(title, visual_order)):
        click.echo(line)
    click.echo(f"conflicts: {len(report.conflicts)}")


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="jsonl", show_default=True
)
@click.option(
    "--source", default="all", show_default=True, help="gold, all, or an annotator's name."
)
@click.option("--status", type=click.Choice(STATUS_FILTERS), default="any", show_default=True)
@click.option(
    "--split",
    help="Split by document, e.g. train=0.8,dev=0.1,test=0.1: OUT becomes a folder of one "
    "file per split (a folder for brat and spacy).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --split.")
@reports_errors
def export(
    project: str, out: str, fmt: str, source: str, status: str, split: str | None, seed: int
) -> None:
    """Export PROJECT to OUT (- for standard output, as JSONL)."""
    from annotate.corpus.export_files import export_corpus  # loaded by this command only
    from annotate.corpus.exporting import export_jsonl

    if out == "-" and (fmt != "jsonl" or split is not None):
        raise InputError("only unsplit jsonl goes to standard output; name a file", field="out")
    with existing_project(project) as opened:
        if out == "-":
            count = export_jsonl(opened, sys.stdout, source, status)
            click.echo(f"exported {count} records", err=True)
            return
        report = export_corpus(opened, Path(out), fmt, source, status, split, seed)
    for note in report.notes:
        click.echo(f"note: {note}")
    written = ", ".join(str(path) for path in report.written)
    click.echo(f"exported {report.records} records to {written}")
    if report.comments_file is not None:
        click.echo(f"comments and flags: {report.comments_file}")


@main.command(name="list")
@click.argument("project", type=click.Path(dir_okay=False))
@visual_option
@reports_errors
def list_command(project: str, visual: str) -> None:
    """List the documents: number, uid, characters, spans, status per annotator, title."""
    with existing_project(project) as opened:
        summaries = opened.documents.summaries()
    visual_order = wants_visual(visual, sys.stdout)
    for doc in summaries:
        statuses = ", ".join(f"{name}: {status}" for name, status in doc.statuses.items())
        click.echo(
            f"{doc.position:>4}  {doc.uid[:12]}  {doc.char_count:>8} chars  "
            f"{doc.span_count:>6} spans  {for_terminal(doc.title, visual_order)}"
            + (f"  [{statuses}]" if statuses else "")
        )


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("doc")
@click.option("--annotator", help="Show only this annotator's spans (default: all).")
@visual_option
@reports_errors
def show(project: str, doc: str, annotator: str | None, visual: str) -> None:
    """Print document DOC (number, uid or uid prefix) with inline [LABEL ...] marks."""
    with existing_project(project) as opened:
        document = opened.documents.get(opened.documents.resolve(doc))
        spans = opened.spans.for_document(document.uid, annotator)
    marked = with_marks(document.text, spans)
    visual_order = wants_visual(visual, sys.stdout)
    click.echo(for_terminal(document.title, visual_order))
    click.echo(for_terminal(marked, visual_order))


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("docs", metavar="DOC...", nargs=-1, required=True)
@click.option("--annotator", required=True, help="The analyst who is to annotate them.")
@click.option("--by", default="", help="Who assigns them (kept with the assignment).")
@click.option(
    "--add-annotator",
    is_flag=True,
    help="Add the analyst to the project's annotators instead of refusing a name it lacks.",
)
@reports_errors
def assign(
    project: str, docs: tuple[str, ...], annotator: str, by: str, add_annotator: bool
) -> None:
    """Assign documents DOC (number, title, uid or uid prefix) to an analyst."""
    with existing_project(project) as opened:
        uids = [opened.documents.find(doc) for doc in docs]
        outcome = opened.assignments.assign(uids, annotator, by, add_annotator)
        numbers = opened.documents.positions(list(uids))
    _echo_outcome(
        (f"assigned to {annotator}", outcome.changed),
        (f"already assigned to {annotator}", outcome.unchanged),
        numbers,
    )


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("docs", metavar="DOC...", nargs=-1, required=True)
@click.option("--annotator", required=True, help="The analyst to take them back from.")
@click.option("--by", default="", help="Who takes them back (kept with the change).")
@reports_errors
def unassign(project: str, docs: tuple[str, ...], annotator: str, by: str) -> None:
    """Take documents DOC back from an analyst; their work on them stays."""
    with existing_project(project) as opened:
        uids = [opened.documents.find(doc) for doc in docs]
        outcome = opened.assignments.unassign(uids, annotator, by)
        numbers = opened.documents.positions(list(uids))
    _echo_outcome(
        (f"unassigned from {annotator}", outcome.changed),
        (f"not assigned to {annotator}", outcome.unchanged),
        numbers,
    )


def _echo_outcome(
    changed: tuple[str, tuple[str, ...]],
    unchanged: tuple[str, tuple[str, ...]],
    numbers: dict[str, int],
) -> None:
    """One line: "assigned to ali: documents 1, 3; already assigned to ali: document 2"."""
    parts = [
        f"{what}: document{'s' if len(uids) > 1 else ''} "
        + ", ".join(str(numbers[uid]) for uid in uids)
        for what, uids in (changed, unchanged)
        if uids
    ]
    click.echo("; ".join(parts))


@main.group(invoke_without_command=True)
@click.argument("project", type=click.Path(dir_okay=False))
@click.pass_context
@reports_errors
def labels(context: click.Context, project: str) -> None:
    """The project's span labels, with their spans; or a change to one of them (every
    span is kept)."""
    context.obj = project
    if context.invoked_subcommand is None:
        from annotate.label_changes import label_lines

        with existing_project(project) as opened:
            for line in label_lines(opened):
                click.echo(line)


@labels.command()
@click.argument("old")
@click.argument("new")
@click.pass_obj
@reports_errors
def rename(project: str, old: str, new: str) -> None:
    """Rename the label OLD to NEW in every span, relation rule and review decision; a copy
    of the project that still says OLD merges as NEW."""
    from annotate.label_changes import rename_label

    with existing_project(project) as opened:
        renamed = rename_label(opened, old, new)
    follow = "follows" if renamed.decisions == 1 else "follow"
    decisions = f"; {_count(renamed.decisions, 'review decision')} {follow} it"
    decisions *= bool(renamed.decisions)
    click.echo(f"renamed {old} to {new}: {_count(renamed.spans, 'span')}{decisions}")


@labels.command()
@click.argument("name")
@click.argument("colour", metavar="#RRGGBB")
@click.pass_obj
@reports_errors
def colour(project: str, name: str, colour: str) -> None:
    """Give the label NAME another colour."""
    from annotate.label_changes import recolour_label

    with existing_project(project) as opened:
        recolour_label(opened, name, colour)
    click.echo(f"{name} is now {colour.lower()}")


@labels.command()
@click.argument("name")
@click.option("--undo", is_flag=True, help="Offer the label again.")
@click.pass_obj
@reports_errors
def retire(project: str, name: str, undo: bool) -> None:
    """Retire the label NAME: its spans keep it and are exported; no new span takes it."""
    from annotate.label_changes import retire_label

    with existing_project(project) as opened:
        retire_label(opened, name, not undo)
    click.echo(f"{name} is offered again" if undo else f"retired {name}: its spans keep it")


@labels.command()
@click.argument("name")
@click.argument("attribute")
@click.argument("values", metavar="VALUE...", nargs=-1, required=True)
@click.pass_obj
@reports_errors
def attribute(project: str, name: str, attribute: str, values: tuple[str, ...]) -> None:
    """Let spans of the label NAME take the values VALUE of ATTRIBUTE (a new attribute when
    the label has none of that name)."""
    from annotate.label_changes import add_attribute_values

    with existing_project(project) as opened:
        add_attribute_values(opened, name, attribute, list(values))
        choices = opened.labels.span_label(name).attributes[attribute]  # type: ignore[union-attr]
    click.echo(f"{name} {attribute}: {', '.join(choices)}")


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'s' if number != 1 else ''}"


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@visual_option
@reports_errors
def progress(project: str, as_json: bool, visual: str) -> None:
    """Where the work stands, per analyst and per document: assigned, not started, in
    progress, done, reviewed (a reviewer decided every item), spans, and time spent (the
    time between an analyst's recorded edits of a document, pauses over 5 minutes left
    out)."""
    from annotate.progress import progress_report  # loaded by this command only
    from annotate.progress_text import progress_lines

    with existing_project(project) as opened:
        report = progress_report(opened)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        return
    visual_order = wants_visual(visual, sys.stdout)
    for line in progress_lines(report, lambda text: for_terminal(text, visual_order)):
        click.echo(line)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option("--doc", help="Search this document only (number, uid or uid prefix).")
@click.option("--prefix", is_flag=True, help="Also match longer words that begin so.")
@click.option(
    "--family",
    is_flag=True,
    help="Also match the word family: with or without the article, with the suffixes "
    "ة ات ون ين ي ه ها هم هما كم نا (كتاب finds كتابهم, أوكراني finds الأوكرانية).",
)
@click.option("--json", "as_json", is_flag=True, help="Print every hit as JSON.")
@click.option("--visual", type=click.Choice(VISUAL_MODES), default="auto", show_default=True)
@reports_errors
def search(
    project: str,
    query: str,
    doc: str | None,
    prefix: bool,
    family: bool,
    as_json: bool,
    visual: str,
) -> None:
    """Find QUERY as an analyst reads it: harakat, tatweel and line breaks do not matter,
    attached proclitics are left out where they are proclitics (وبوتين, not كندا for ندا);
    hits spelled otherwise (another hamza seat, ى for ي, ة for ه) are marked "~".
    Offsets are into the stored text."""
    with existing_project(project) as opened:
        hits = search_documents(opened, query, doc, prefix, family)
    if as_json:
        click.echo(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=1))
        return
    visual_order = wants_visual(visual, sys.stdout)
    for hit in hits:
        mark = "~" if hit.variant else " "
        context = for_terminal(hit.context, visual_order)
        click.echo(f"{hit.number:>5} {mark} {hit.start}-{hit.end}  {context}")
    variants = sum(hit.variant for hit in hits)
    spelled = f", {variants} spelled otherwise (~)" if variants else ""
    click.echo(f"{len(hits)} mention{'s' if len(hits) != 1 else ''}{spelled}", err=True)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("model_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--docs",
    multiple=True,
    metavar="DOC",
    help="Only this document (number, title, uid or uid prefix); repeat for several.",
)
@click.option(
    "--gazetteer",
    is_flag=True,
    help="Suggest the project's known mentions: the texts of a layer's spans, per label, "
    "wherever else they are written.",
)
@click.option(
    "--from",
    "layer",
    help="With --gazetteer: the layer whose spans are known: gold (default), an annotator's "
    "name, or all.",
)
@click.option(
    "--progress-lines",
    is_flag=True,
    help='Print progress as JSON lines ({"done": i, "total": n}), then the report as one.',
)
@reports_errors
def suggest(
    project: str,
    model_dir: str | None,
    docs: tuple[str, ...],
    gazetteer: bool,
    layer: str | None,
    progress_lines: bool,
) -> None:
    """Write suggestions for PROJECT's documents (all, or --docs) from the model trained
    into MODEL_DIR, from the project's known mentions (--gazetteer), or both. Each source's
    open suggestions in those documents are replaced; decided ones stay."""
    from annotate.gazetteer import known_layer
    from annotate.suggesting import every_document
    from annotate.suggesting import suggest as write_suggestions

    if layer is not None and not gazetteer:
        raise InputError("--from goes with --gazetteer", field="from")
    model = Path(model_dir) if model_dir is not None else None
    known = (layer or "gold") if gazetteer else None
    with existing_project(project) as opened:
        uids = [opened.documents.find(doc) for doc in docs] or every_document(opened)
        if known is not None:
            known_layer(opened, known, "from")  # named as the option, before any model runs
        with TerminalProgress("searching known mentions") as progress:
            shown = _progress_line if progress_lines else progress.show
            reports = write_suggestions(opened, uids, model, known, shown)
        still_open = opened.suggestions.count_open()
    if progress_lines:
        told = [asdict(report) for report in reports]
        click.echo(json.dumps({"suggested": told, "open": still_open}, ensure_ascii=False))
        return
    for report in reports:
        added, documents = _count(report.added, "suggestion"), _count(report.documents, "document")
        replaced = f", {report.replaced} open from before replaced" if report.replaced else ""
        click.echo(f"{report.source}: {added} added in {documents}{replaced}")
        for note in report.notes:
            click.echo(f"note: {note}")
    click.echo(f"open suggestions in the project: {still_open}")


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.option(
    "--annotator", help="Count only the decisions of this analyst (open: not decided by them)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@reports_errors
def suggestions(project: str, annotator: str | None, as_json: bool) -> None:
    """Per label, the suggestions still open (decided by no analyst), and every analyst's
    decisions: accepted as they were, corrected (accepted under another label, or their
    span relabelled, resized or deleted since) and rejected."""
    from annotate.suggesting import stats_lines

    with existing_project(project) as opened:
        if annotator is not None and annotator not in opened.annotators.names():
            raise InputError(f"no annotator {annotator!r} in the project", field="annotator")
        stats = opened.suggestions.stats(annotator)
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=1))
        return
    for line in stats_lines(stats):
        click.echo(line)


@main.command(name="second-look")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option(
    "--min-score",
    type=float,
    default=0.8,
    show_default=True,
    help="The least score of a suggestion that counts (one without a score always counts).",
)
@click.option("--doc", help="This document only (number, title, uid or uid prefix).")
@click.option("--json", "as_json", is_flag=True, help="Print every place as JSON.")
@visual_option
@reports_errors
def second_look_command(
    project: str, min_score: float, doc: str | None, as_json: bool, visual: str
) -> None:
    """Where a trained model confidently reads a document otherwise than its analysts:
    possible misses (a model's or imported prediction no analyst has a span of that label
    over) and possible errors (an analyst's span of another label there, or of the same
    label with other bounds), for a second look. Gold is left out; suggestions open,
    accepted or rejected count."""
    from annotate.review.second_look import check_min_score, second_look

    threshold = check_min_score(min_score)
    with existing_project(project) as opened:
        uid = opened.documents.find(doc) if doc is not None else None
        places = second_look(opened, uid, threshold)
    if as_json:
        click.echo(json.dumps([p.to_json() for p in places], ensure_ascii=False, indent=1))
        return
    visual_order = wants_visual(visual, sys.stdout)
    for place in places:
        text = for_terminal(" ".join(place.text.split()), visual_order)
        click.echo(f"{place.number:>5}  {place.start}-{place.end}  {place.described()}  {text}")
    misses = sum(place.kind == "miss" for place in places)
    documents = len({place.document for place in places})
    click.echo(
        f"{misses} possible miss{'es' * (misses != 1)},"
        f" {_count(len(places) - misses, 'possible error')}"
        f" in {_count(documents, 'document')} (suggestions of model: and import: sources"
        f" scored {threshold:g} or more, or unscored)",
        err=True,
    )


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@reports_errors
def check(project: str) -> None:
    """Check integrity, offsets, span texts and relations; exit code 1 on any problem.
    Read-only: what the next open would change is listed as "fix", not done."""
    with existing_project(project, read_only=True, outdated_ok=True) as opened:
        findings = check_project(opened)
        fixes = pending_fixes(opened)
    for finding in findings:
        click.echo(f"{'ok' if finding.ok else 'FAIL':>4}  {finding.check}")
        for problem in finding.problems:
            click.echo(f"      {visible_controls(problem)}")
    for fix in fixes:
        click.echo(f" fix  {fix}")
    if not all(finding.ok for finding in findings):
        sys.exit(1)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("out", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--keep",
    type=int,
    default=DEFAULT_KEEP,
    show_default=True,
    help="Rolling backups to keep (without OUT).",
)
@reports_errors
def backup(project: str, out: str | None, keep: int) -> None:
    """Copy the live PROJECT with SQLite's backup API (safe while it is open): to OUT, or
    into PROJECT.backups/, keeping the newest --keep copies."""
    if out is not None and keep != DEFAULT_KEEP:
        raise InputError("--keep is for rolling backups: leave OUT out", field="keep")
    with existing_project(project) as opened:
        if out is None:
            out = str(rolling_backup(opened, keep))
        else:
            opened.store.backup_to(Path(out))
    click.echo(f"backed up {project} to {out}")


@main.command(name="restore")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("backup", required=False, type=click.Path(dir_okay=False, exists=True))
@reports_errors
def restore_command(project: str, backup: str | None) -> None:
    """Put BACKUP (by default the newest whole backup in PROJECT.backups/) in PROJECT's
    place; the project as it was is kept beside it under a new name. Close every program
    that has PROJECT open first."""
    used, aside = restore(Path(project), Path(backup) if backup else None)
    click.echo(f"restored {project} from {used}; the project as it was is now {aside}")


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--annotators", help="Compare these, e.g. ali,sara (default: all but gold).")
@click.option("--labels", help="Only these labels, e.g. PERSON,QUOTE (default: all).")
@click.option("--status", type=click.Choice(STATUS_FILTERS), default="done", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@visual_option
@reports_errors
def agreement(
    project: str,
    annotators: str | None,
    labels: str | None,
    status: str,
    as_json: bool,
    visual: str,
) -> None:
    """Inter-annotator agreement: span F1 (exact, overlap), token kappa and alpha-U per
    label, pair and group, relations, and documents worst first."""
    from annotate.agreement.report import agreement_report  # loaded by this command only
    from annotate.agreement.text import format_report

    gc.freeze()  # what is loaded now lives to the end: no collection need walk it again
    with existing_project(project) as opened:
        report = agreement_report(opened, _names(annotators), _names(labels), status)
        schema = opened.labels.schema()
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        return
    click.echo(format_report(report, schema, wants_visual(visual, sys.stdout)))


def _names(value: str | None, field: str = "annotators") -> list[str] | None:
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise InputError("give at least one name", field=field)
    return names


def training_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options of the commands that train: the layer, labels, held-out part, seed and
    epochs. The command takes them as ``**chosen``, for ``chosen_training_options``."""
    options = [
        click.option(
            "--source", default="all", show_default=True, help="gold, all, or an annotator's name."
        ),
        click.option("--labels", help="Learn only these labels, e.g. PERSON,ORG (default: all)."),
        click.option(
            "--eval-split",
            type=float,
            default=EVAL_SPLIT,
            show_default=True,
            help="The share of the documents held out and scored, drawn with --seed (0: none).",
        ),
        click.option(
            "--split",
            metavar="NAME",
            help="Hold out the documents of this split (annotate import --split), not a share.",
        ),
        click.option(
            "--seed", type=int, default=0, show_default=True, help="Seed of every random draw."
        ),
        click.option(
            "--epochs",
            type=click.IntRange(min=1),
            default=EPOCHS,
            show_default=True,
            help="Passes over the training sentences.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def chosen_training_options(
    source: str,
    labels: str | None,
    eval_split: float,
    split: str | None,
    seed: int,
    epochs: int,
) -> TrainingOptions:
    given = click.get_current_context().get_parameter_source("eval_split")
    if split is not None and given is not click.core.ParameterSource.DEFAULT:
        raise InputError(
            "--split and --eval-split both choose the held-out part: give one", field="split"
        )
    names = _names(labels, "labels")
    return TrainingOptions(source, tuple(names) if names else None, eval_split, split, seed, epochs)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("model_dir", type=click.Path(file_okay=False))
@training_options
@click.option(
    "--nested",
    is_flag=True,
    help="Also train a span categoriser for the spans inside others (two to three times as long).",
)
@click.option(
    "--progress-lines",
    is_flag=True,
    help='Print progress as JSON lines ({"done": i, "total": n}), then the report as one.',
)
@reports_errors
def train(project: str, model_dir: str, nested: bool, progress_lines: bool, **chosen: Any) -> None:
    """Train a suggestion model (spaCy, on the project's own tokens) on PROJECT's spans,
    print precision, recall and F1 per label on the held-out part, and write MODEL_DIR."""
    from annotate.training.trainer import train as train_model  # loaded by this command only

    options = replace(chosen_training_options(**chosen), nested=nested)
    with existing_project(project) as opened:
        if progress_lines:
            report = train_model(opened, Path(model_dir), options, _progress_line)
            click.echo(json.dumps({**report.to_json(), "model": model_dir}, ensure_ascii=False))
            return
        with TerminalProgress("training") as progress:
            report = train_model(opened, Path(model_dir), options, progress.show)
    for line in report.lines():
        click.echo(line)
    for note in report.notes:
        click.echo(f"note: {visible_controls(note)}")
    click.echo(f"wrote {model_dir}")


def _progress_line(done: int, total: int) -> None:
    click.echo(json.dumps({"done": done, "total": total}))
