"""The review window on the reader's long article marked by three annotators (about 10,000
items, as ``reader_bench.setup_three_annotators`` stores them). The Qt side is in
``bench.review_qt``, imported only by these scenarios' workers."""

from __future__ import annotations

from pathlib import Path

from bench import reader_bench
from bench.scenario import Repeat

setup = reader_bench.setup_three_annotators


def open_window(data: Path, scratch: Path) -> Repeat:
    from bench import review_qt

    return review_qt.open_window(data / reader_bench.PROJECT_NAME, scratch)


def decisions(data: Path, scratch: Path) -> Repeat:
    from bench import review_qt

    return review_qt.decisions(data / reader_bench.PROJECT_NAME, scratch)
