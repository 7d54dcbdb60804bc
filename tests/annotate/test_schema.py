from __future__ import annotations

from pathlib import Path

import pytest

from annotate.errors import InputError
from annotate.project import Project
from annotate.schema import load_schema

LABEL = '[[labels]]\nname = "PERSON"\nenglish = "Person"\narabic = "شخص"\n'


def test_default_schema_has_the_arabic_news_labels() -> None:
    schema = load_schema()
    names = [label.name for label in schema.labels]
    assert names == [
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "EVENT",
        "NORP",
        "DATE",
        "TITLE",
        "QUOTE",
        "CUE",
    ]
    assert all(label.english and label.arabic and label.key for label in schema.labels)
    assert len({label.key for label in schema.labels}) == len(schema.labels)
    quote = next(label for label in schema.labels if label.name == "QUOTE")
    assert quote.attributes == {"kind": ["direct", "indirect"]}
    speaker, cue = schema.relations
    assert (speaker.name, speaker.heads, speaker.tails) == (
        "SPEAKER",
        ("QUOTE",),
        ("PERSON", "ORG", "GPE", "NORP"),
    )
    assert (cue.name, cue.heads, cue.tails) == ("CUE", ("QUOTE",), ("CUE",))


@pytest.mark.parametrize(
    ("toml", "field", "words"),
    [
        ("", "labels", "array of tables"),
        ('[[labels]]\nname = "PERSON"\narabic = "شخص"\n', "labels[0].english", "non-empty"),
        (LABEL.replace('"PERSON"', '"1st"'), "labels[0].name", "starting with a letter"),
        (LABEL + 'colour = "red"\n', "labels[0].colour", "#1f77b4"),
        (LABEL + 'key = "pp"\n', "labels[0].key", "single character"),
        (LABEL + 'shape = "round"\n', "labels[0].shape", "unknown field"),
        (LABEL + LABEL, "labels[1].name", "duplicate name"),
        (LABEL + "attributes = { kind = [] }\n", "labels[0].attributes.kind", "non-empty list"),
        (
            LABEL + '[[relations]]\nname = "SPEAKER"\nenglish = "Speaker"\narabic = "متحدث"\n'
            'head = ["QUOTE"]\n',
            "relations[0].head",
            "unknown label 'QUOTE'",
        ),
    ],
)
def test_invalid_schema_names_the_field(tmp_path: Path, toml: str, field: str, words: str) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_schema(path)
    assert raised.value.field == field
    assert raised.value.file == str(path)
    assert words in raised.value.message


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(LABEL + "colour = \n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_schema(path)
    assert raised.value.line == 5


def test_custom_schema_is_stored_in_the_project(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(LABEL + 'colour = "#AA0000"\nkey = "k"\n', encoding="utf-8")
    with Project.create(tmp_path / "p.annotate", load_schema(path)) as project:
        (label,) = project.labels.schema().labels
        assert (label.name, label.colour, label.key) == ("PERSON", "#aa0000", "k")


def test_a_label_key_that_a_command_uses_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(LABEL + 'key = "X"\n', encoding="utf-8")
    with pytest.raises(InputError, match="key 'X' is the key to remove a proclitic"):
        load_schema(path)


@pytest.mark.parametrize(("key", "command"), [("y", "accept"), ("R", "reject")])
def test_the_keys_that_decide_suggestions_are_no_label_keys(
    tmp_path: Path, key: str, command: str
) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(LABEL + f'key = "{key}"\n', encoding="utf-8")
    with pytest.raises(InputError, match=f"key '{key}' is the key to {command} a suggestion") as e:
        load_schema(path)
    assert e.value.field == "labels[0].key"
