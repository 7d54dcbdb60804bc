from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotate.project import Project

# A sentence we wrote: harakat, tatweel, lam-alef, ZWNJ, RLM/LRM, digits, Latin and emoji.
ARABIC_SENTENCE = (
    "قالَ الوزيـــر محمّد العلي لـ«وكالة الأنباء»\u200f: إنّ الاتفاق سيُوقّع في 2026 "
    "مع شركة ACME\u200e و\u200cالمنظمة 🌍 في القاهرة 😀 غدًا، ولا تراجع عنه."
)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "test.annotate"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """A fresh project on disk with the default schema, closed after the test."""
    with Project.create(project_path) as created:
        yield created
