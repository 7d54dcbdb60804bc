"""Kill annotation work with SIGKILL at random moments and check that nothing returned is lost.

    python -m tests.crash [--kills 100] [--seed 1]        (make crash)

Each round copies a fresh project, starts one child (core API, the GUI driven by keys, an
import, or a merge of another project file) and waits until it works. Then it kills the
child after a random delay or, for about a third of the imports and merges, lets it run
to its end. It checks: the project opens, `PRAGMA integrity_check` is ok, every check of
`annotate check` passes, every action the child's journal says returned is in the
project, and an import or a merge is all or nothing. Nothing: a killed one left the
project as it was. All: one that finished (or was killed after its commit) brought every
document, span and relation of its source exactly once, as the source has them, left what
the project held as it was, and its journal counts what it added (tests/crash/contents.py).
A run fails unless some imports and some merges finished and some were killed before
their commit: else one half went untested.
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
from annotate.project import Project
from tests.crash.children import ANNOTATOR, BEGIN, IMPORT_FILE, MERGE_FILE, READY
from tests.crash.contents import (
    Before,
    Content,
    added_counts,
    all_there,
    import_content,
    project_content,
)
from tests.crash.sources import write_base, write_import_file, write_merge_file
from tests.helpers import table_checksums

ROOT = Path(__file__).resolve().parents[2]
MODES = ("core", "gui", "import", "merge")
ALL_OR_NOTHING = {"import": "imported", "merge": "merged"}  # mode: its journal's last op
SOURCES = {"import": IMPORT_FILE, "merge": MERGE_FILE}  # beside the project
# Seconds after ready: for an import or a merge, a little beyond its own run time here, so
# that some kills land on its commit or after its end.
MAX_DELAY = {"core": 1.0, "gui": 1.5, "import": 2.5, "merge": 1.2}
FINISHING_SHARE = 0.3  # of the imports and merges, let run to their end
READY_TIMEOUT = 60.0
FINISH_TIMEOUT = 300.0  # seconds for a child let run to its end
IDLE_DELAY = 0.5  # seconds in which a working child has surely finished an action
SHOWN_PROBLEMS = 10  # of what one import or merge lost; the rest are counted


@dataclass
class Round:
    number: int
    mode: str
    delay: float | None  # None: let run to its end
    actions: int = 0  # journaled actions that had returned before the kill
    finished: bool = False  # an import or merge that ran to its end
    committed: bool = False  # an import or merge whose work is in the project
    problems: list[str] = field(default_factory=list)

    def how(self) -> str:
        return "let run to its end" if self.delay is None else f"killed after {self.delay:.2f} s"


@dataclass(frozen=True)
class Setup:
    """What every round starts from, and what an import or a merge brings."""

    folder: Path
    base: Path
    checksums: dict[str, str]
    before: Before
    sources: dict[str, Content]  # by mode


def run(kills: int, seed: int, folder: Path) -> list[Round]:
    rng = random.Random(seed)
    setup = _setup(folder)
    rounds = []
    for number in range(kills):
        mode = MODES[number % len(MODES)]
        rounds.append(_one_round(number, mode, _delay(rng, mode), setup))
    return rounds


def _delay(rng: random.Random, mode: str) -> float | None:
    """How long the child works before it is killed; None: till it ends by itself."""
    if mode in ALL_OR_NOTHING and rng.random() < FINISHING_SHARE:
        return None
    return rng.uniform(0.0, MAX_DELAY[mode])


def _setup(folder: Path) -> Setup:
    base = folder / "base.annotate"
    write_base(base)
    write_import_file(folder / IMPORT_FILE)
    write_merge_file(folder / MERGE_FILE, base, folder / IMPORT_FILE)
    sources = {
        "import": import_content(folder / IMPORT_FILE),
        "merge": project_content(folder / MERGE_FILE),
    }
    return Setup(folder, base, table_checksums(base), Before.of(base), sources)


def _one_round(number: int, mode: str, delay: float | None, setup: Setup) -> Round:
    work = setup.folder / f"round-{number:03d}"
    work.mkdir()
    project = work / "project.annotate"
    shutil.copy(setup.base, project)
    if mode == "import":
        shutil.copy(setup.folder / IMPORT_FILE, work / IMPORT_FILE)
    elif mode == "merge":  # only read: one file for every round
        (work / MERGE_FILE).symlink_to(setup.folder / MERGE_FILE)
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
        errors = _let_work(child, journal, delay)
    except subprocess.TimeoutExpired:
        errors = b""
        result.problems.append(f"the child did not end within {FINISH_TIMEOUT:.0f} s")
    result.finished = mode in ALL_OR_NOTHING and child.returncode == 0
    if child.returncode != -signal.SIGKILL and not result.finished:
        result.problems.append(f"the child ended by itself ({child.returncode}): {errors[-500:]!r}")
    if b"Traceback" in errors:
        result.problems.append(f"the child failed while it worked: {errors[-500:]!r}")
    entries = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    result.actions = sum(entry["op"] not in (READY, BEGIN) for entry in entries)
    idle = mode not in ALL_OR_NOTHING and delay is not None and delay > IDLE_DELAY
    if idle and result.actions == 0:
        result.problems.append(f"no action returned in {delay:.2f} s: the child did nothing")
    verify(project, entries, result, setup)
    return result


def _let_work(child: subprocess.Popen[bytes], journal: Path, delay: float | None) -> bytes:
    """Kill the child after ``delay`` seconds of work, or let it end; its error output."""
    try:
        _wait_ready(child, journal)
        if delay is not None:
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)  # nothing, if it has already ended
        return child.communicate(timeout=FINISH_TIMEOUT)[1]
    finally:
        if child.returncode is None:  # it hangs, or the harness was interrupted
            child.send_signal(signal.SIGKILL)
            child.communicate()


def _wait_ready(child: subprocess.Popen[bytes], journal: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while READY not in journal.read_text(encoding="utf-8"):
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()  # then its error output can be read to the end
            _, errors = child.communicate()
            raise RuntimeError(f"the child never got to work: {errors[-2000:]!r}")
        time.sleep(0.01)


def verify(
    project_path: Path, entries: list[dict[str, object]], result: Round, setup: Setup
) -> None:
    """Add to the round's problems what is wrong with its project."""
    problems = result.problems
    try:
        project = Project.open(project_path)
    except Exception as error:  # anything at all is a failure to report, not to raise
        problems.append(f"the project does not open: {error}")
        return
    with project:
        integrity = project.store.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        problems += [f"check {f.check}: {f.problems}" for f in check_project(project) if not f.ok]
        problems += _missing_actions(project, entries)
    if result.mode in ALL_OR_NOTHING:
        result.committed, found = _all_or_nothing(project_path, entries, result, setup)
        problems += found


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
    project_path: Path, entries: list[dict[str, object]], result: Round, setup: Setup
) -> tuple[bool, list[str]]:
    """Whether the import (or merge) is in the project, and what is wrong: it must be all
    there once it finished, returned, or changed anything; else the project is as it was."""
    done = ALL_OR_NOTHING[result.mode]
    returned = [entry for entry in entries if entry["op"] == done]
    changed = table_checksums(project_path) != setup.checksums
    if result.finished and not returned:
        return True, [f"the child ended without journaling {done!r}"]
    if not (result.finished or returned or changed):
        return False, []  # nothing: the project is as it was
    source = setup.sources[result.mode]
    problems = _at_most(SHOWN_PROBLEMS, all_there(project_path, setup.before, source))
    expected = added_counts(setup.before.content, source)
    journaled = {what: returned[-1].get(what) for what in expected} if returned else expected
    if journaled != expected:
        problems.append(f"the journal says {done} {journaled}, the source brings {expected}")
    return True, problems


def _at_most(shown: int, problems: list[str]) -> list[str]:
    more = len(problems) - shown
    return problems[:shown] + ([f"... and {more} more like these"] if more > 0 else [])


def unexercised(rounds: list[Round]) -> list[str]:
    """The halves of all or nothing that no round of an import or merge tested."""
    missing = []
    for mode in ALL_OR_NOTHING:
        done = [r for r in rounds if r.mode == mode]
        if not any(r.finished for r in done):
            missing.append(f"{mode}: no run finished, so the 'all' half went untested")
        if not any(not r.finished and not r.committed for r in done):
            missing.append(
                f"{mode}: no run was killed before its commit, so the 'nothing' half went untested"
            )
    return missing


def summary(rounds: list[Round]) -> list[str]:
    lines = []
    for mode in MODES:
        done = [r for r in rounds if r.mode == mode]
        if mode not in ALL_OR_NOTHING:
            actions = sum(r.actions for r in done)
            lines.append(f"{mode:>6}: {len(done)} kills, {actions} returned actions checked")
            continue
        finished = sum(r.finished for r in done)
        killed = [r for r in done if not r.finished]
        late = sum(r.committed for r in killed)
        lines.append(
            f"{mode:>6}: {len(done)} runs, {finished} finished (all there), {len(killed)} "
            f"killed ({len(killed) - late} before their commit: nothing there; {late} after: "
            "all there)"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m tests.crash", description=__doc__)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crash-") as folder:
        rounds = run(args.kills, args.seed, Path(folder))
    for line in summary(rounds):
        print(line)
    failed = [r for r in rounds if r.problems]
    for result in failed:
        print(f"round {result.number} ({result.mode}, {result.how()}):")
        for problem in result.problems:
            print(f"  {problem}")
    untested = unexercised(rounds)
    for line in untested:
        print(f"FAILED: {line}")
    if failed:
        print(f"{len(failed)} rounds FAILED")
    elif not untested:
        print("ok: nothing that returned was lost; every import and merge was all or nothing")
    return 1 if failed or untested else 0
