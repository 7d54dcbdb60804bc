"""Kill annotation work with SIGKILL at random moments and check that nothing returned is lost.

    python -m tests.crash [--kills 100] [--seed 1]        (make crash)

Each round copies a fresh project, starts one child (core API, the GUI driven by keys, an
import, or a merge of another project file), waits until it works, kills it after a random
delay, and then checks: the project opens, `PRAGMA integrity_check` is ok, every check of
`annotate check` passes, every action the child's journal says returned is in the project,
and an import or a merge is all or nothing.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotate.checking import check_project
from annotate.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_FOLDER
from tests.crash.children import ANNOTATOR, BEGIN, READY
from tests.helpers import table_checksums

ROOT = Path(__file__).resolve().parents[2]
MODES = ("core", "gui", "import", "merge")
ALL_OR_NOTHING = {"import": "imported", "merge": "merged"}  # mode: its journal's last op
INPUT_FILES = {"import": "import.jsonl", "merge": "merge.annotate"}  # beside the project
MAX_DELAY = {"core": 1.0, "gui": 1.5, "import": 1.5, "merge": 2.0}  # seconds after ready
READY_TIMEOUT = 60.0
IDLE_DELAY = 0.5  # seconds in which a working child has surely finished an action
IMPORT_DOCUMENTS = 8000  # about a second and a half to import (or merge)


@dataclass
class Round:
    number: int
    mode: str
    delay: float
    actions: int = 0  # journaled actions that had returned before the kill
    problems: list[str] = field(default_factory=list)


def run(kills: int, seed: int, folder: Path) -> list[Round]:
    rng = random.Random(seed)
    base = _base_project(folder)
    rounds = []
    for number in range(kills):
        mode = MODES[number % len(MODES)]
        rounds.append(_one_round(number, mode, rng.uniform(0.0, MAX_DELAY[mode]), base, folder))
    return rounds


def _base_project(folder: Path) -> Path:
    path = folder / "base.annotate"
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER])
    _write_import_file(folder / INPUT_FILES["import"])
    _write_merge_file(folder / INPUT_FILES["merge"], path, folder / INPUT_FILES["import"])
    return path


def _write_import_file(path: Path) -> None:
    sentence = "قال المتحدث باسم الوزارة إن الاجتماع المقبل سيعقد في عمّان الأسبوع القادم. "
    with path.open("w", encoding="utf-8") as out:
        for number in range(IMPORT_DOCUMENTS):
            text = f"{sentence * 20}({number})"
            spans = [{"start": 0, "end": 3, "label": "EVENT"}]
            record = {"text": text, "annotator": "importer", "spans": spans}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_merge_file(path: Path, base: Path, source: Path) -> None:
    """The base project with the import file's documents and spans: what a merge brings is
    what the import brings."""
    with Project.open(base) as project:
        project.store.backup_to(path)
    with Project.open(path) as project:
        import_paths(project, [source])


def _one_round(number: int, mode: str, delay: float, base: Path, folder: Path) -> Round:
    work = folder / f"round-{number:03d}"
    work.mkdir()
    project = work / "project.annotate"
    shutil.copy(base, project)
    if mode == "import":
        shutil.copy(folder / INPUT_FILES[mode], work / INPUT_FILES[mode])
    elif mode == "merge":  # only read: one file for every round
        (work / INPUT_FILES[mode]).symlink_to(folder / INPUT_FILES[mode])
    before = table_checksums(project)
    journal = work / "journal.jsonl"
    journal.touch()
    result = Round(number, mode, delay)
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.crash.children",
            mode,
            str(project),
            str(journal),
            str(number),
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(work)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_ready(child, journal)
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        _, errors = child.communicate()
    finished = mode in ALL_OR_NOTHING and child.returncode == 0  # it won the race: all there
    if child.returncode != -signal.SIGKILL and not finished:
        result.problems.append(f"the child ended by itself ({child.returncode}): {errors[-500:]!r}")
    if b"Traceback" in errors:
        result.problems.append(f"the child failed while it worked: {errors[-500:]!r}")
    entries = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    result.actions = sum(entry["op"] not in (READY, BEGIN) for entry in entries)
    if mode not in ALL_OR_NOTHING and delay > IDLE_DELAY and result.actions == 0:
        result.problems.append(f"no action returned in {delay:.2f} s: the child did nothing")
    result.problems += verify(project, entries, before, mode)
    return result


def _wait_ready(child: subprocess.Popen[bytes], journal: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while READY not in journal.read_text(encoding="utf-8"):
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()  # then its error output can be read to the end
            _, errors = child.communicate()
            raise RuntimeError(f"the child never got to work: {errors[-2000:]!r}")
        time.sleep(0.01)


def verify(
    project_path: Path, entries: list[dict[str, object]], before: dict[str, str], mode: str
) -> list[str]:
    problems: list[str] = []
    try:
        project = Project.open(project_path)
    except Exception as error:  # anything at all is a failure to report, not to raise
        return [f"the project does not open: {error}"]
    with project:
        integrity = project.store.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        problems += [f"check {f.check}: {f.problems}" for f in check_project(project) if not f.ok]
        problems += _missing_actions(project, entries)
    if mode in ALL_OR_NOTHING:
        problems += _all_or_nothing(project_path, entries, before, ALL_OR_NOTHING[mode])
    return problems


def _missing_actions(project: Project, entries: list[dict[str, object]]) -> list[str]:
    """Every returned action is in the project; only the span of an action the kill caught
    after its commit but before its journal line may differ."""
    expected: dict[str, tuple[object, object, object]] = {}
    removed: set[str] = set()
    caught = _in_flight(entries)
    for entry in entries:
        uid = str(entry.get("uid", ""))
        if entry["op"] == "add":
            expected[uid] = (entry["label"], entry["start"], entry["end"])
            removed.discard(uid)
        elif entry["op"] == "remove":
            expected.pop(uid, None)
            removed.add(uid)
        elif entry["op"] == "relabel":
            label, start, end = expected[uid]
            expected[uid] = (entry["label"], start, end)
    problems = []
    for uid, (label, start, end) in expected.items():
        if uid == caught:
            continue
        if not project.spans.exists(uid):
            problems.append(f"span {uid} ({label} {start}-{end}) was added and is gone")
            continue
        span = project.spans.get(uid)
        if (span.label, span.start, span.end) != (label, start, end) or span.annotator != ANNOTATOR:
            problems.append(f"span {uid} is {span}, not {label} {start}-{end}")
    problems += [
        f"span {uid} was removed and is back" for uid in removed if project.spans.exists(uid)
    ]
    return problems


def _in_flight(entries: list[dict[str, object]]) -> str | None:
    """The span of the last action begun and not journaled as done, if any."""
    last = entries[-1] if entries else None
    return str(last["uid"]) if last and last["op"] == BEGIN and last["uid"] else None


def _all_or_nothing(
    project_path: Path, entries: list[dict[str, object]], before: dict[str, str], done: str
) -> list[str]:
    """The import (or merge) is all there, or the project is as it was."""
    after = table_checksums(project_path)
    if after == before:
        returned = any(e["op"] == done for e in entries)
        return [f"the work returned ({done}) but is gone"] if returned else []
    with Project.open(project_path) as project:
        added = project.documents.count() - len(list(SAMPLE_FOLDER.glob("*.txt")))
        spans = project.store.conn.execute(
            "SELECT count(*) FROM spans WHERE annotator = 'importer'"
        ).fetchone()[0]
    if (added, spans) != (IMPORT_DOCUMENTS, IMPORT_DOCUMENTS):
        return [f"partly {done}: {added} documents and {spans} of their spans"]
    return []


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m tests.crash", description=__doc__)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crash-") as folder:
        rounds = run(args.kills, args.seed, Path(folder))
    for mode in MODES:
        done = [r for r in rounds if r.mode == mode]
        print(
            f"{mode:>6}: {len(done)} kills, {sum(r.actions for r in done)} returned actions checked"
        )
    failed = [r for r in rounds if r.problems]
    for result in failed:
        print(f"round {result.number} ({result.mode}, killed after {result.delay:.2f} s):")
        for problem in result.problems:
            print(f"  {problem}")
    print("ok: nothing that returned was lost" if not failed else f"{len(failed)} rounds FAILED")
    return 1 if failed else 0
