from __future__ import annotations

from pathlib import Path

import pytest

from annotate.sample import SAMPLE_FOLDER, default_project_path, open_default_project


def test_default_project_is_created_once_and_seeded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    path = default_project_path()
    assert path.parent.parent == tmp_path
    with open_default_project() as project:
        summaries = project.documents.summaries()
        assert len(summaries) == len(list(SAMPLE_FOLDER.glob("*.txt")))
        project.annotators.ensure("ali")
        project.documents.set_status(summaries[0].uid, "ali", "done")
    with open_default_project() as project:
        assert project.documents.summaries()[0].statuses == {"ali": "done"}
    assert not path.with_name(path.name + ".creating").exists()


def test_sample_article_has_quotes_people_and_places() -> None:
    article = next(p for p in SAMPLE_FOLDER.glob("*.txt") if "المياه" in p.name)
    text = article.read_text(encoding="utf-8")
    assert text.count("“") + text.count("«") >= 2
    for name in ("ليلى الخطيب", "سامي بن عاشور", "عمّان", "المنظمة العربية للموارد المائية"):
        assert name in text
