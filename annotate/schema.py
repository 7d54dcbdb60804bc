"""Label schema: span labels and relation labels, read from TOML and validated."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotate.bundled import RESOURCES
from annotate.errors import InputError
from annotate.input_files import read_bounded
from annotate.names import checked_name

DEFAULT_SCHEMA_PATH = RESOURCES / "schema.toml"
DEFAULT_COLOUR = "#b0b0b0"
LABEL_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_SCHEMA_BYTES = 2**20
TOML_POSITION = re.compile(r" \(at line (\d+), column \d+\)")
GUIDE = ("definition", "examples")
LANGUAGES = ("english", "arabic")
MARKED_WORDS = re.compile(r"\[[^\[\]]+\]")
TABLE_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z_]")
FIELD_PATH = re.compile(r"^(\w+)\[(\d+)\]\.?([\w.]*)")
COMMAND_KEYS = {
    "a": "attributes",
    "m": "annotate every mention",
    "r": "reject a suggestion",
    "u": "unlink",
    "x": "remove a proclitic",
    "y": "accept a suggestion",
}


@dataclass(frozen=True)
class Example:
    """An Arabic example with the labelled words in [square brackets], and what it shows."""

    text: str
    english: str = ""
    arabic: str = ""


@dataclass(frozen=True)
class Guide:
    """A label's annotation guideline: its definition in both languages, and examples."""

    english: str = ""
    arabic: str = ""
    examples: tuple[Example, ...] = ()

    def definition(self, language: str) -> str:
        """The definition in ``language`` ("english" or "arabic"), else in the other one."""
        if language == "arabic":
            return self.arabic or self.english
        return self.english or self.arabic

    def as_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False) if self != Guide() else "{}"

    @classmethod
    def from_json(cls, stored: str) -> Guide:
        data = json.loads(stored)
        examples = tuple(Example(**example) for example in data.pop("examples", []))
        return cls(**data, examples=examples)


@dataclass(frozen=True)
class SpanLabel:
    name: str
    english: str
    arabic: str
    colour: str = DEFAULT_COLOUR
    key: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)
    guide: Guide = Guide()
    retired: bool = False  # kept for the spans that have it, offered for no new span


@dataclass(frozen=True)
class RelationLabel:
    name: str
    english: str
    arabic: str
    heads: tuple[str, ...] = ()  # empty: any span label
    tails: tuple[str, ...] = ()
    guide: Guide = Guide()

    def allows(self, head_label: str, tail_label: str) -> bool:
        return (not self.heads or head_label in self.heads) and (
            not self.tails or tail_label in self.tails
        )


@dataclass(frozen=True)
class Schema:
    labels: tuple[SpanLabel, ...]
    relations: tuple[RelationLabel, ...]


SPEAKER_RELATION = "SPEAKER"
CUE_RELATION = "CUE"


def passage_labels(schema: Schema) -> frozenset[str]:
    """Labels of passages (quotes): the heads the SPEAKER relation allows."""
    return frozenset(
        head for r in schema.relations if r.name == SPEAKER_RELATION for head in r.heads
    )


def added_span_label(name: str) -> SpanLabel:
    """A label added on import with --add-labels: default colour, no key."""
    return SpanLabel(name=name, english=name, arabic=name)


def added_relation_label(name: str) -> RelationLabel:
    return RelationLabel(name=name, english=name, arabic=name)


def load_schema(path: Path = DEFAULT_SCHEMA_PATH) -> Schema:
    try:
        raw = read_bounded(path, MAX_SCHEMA_BYTES, "a label schema").decode("utf-8")
    except OSError as error:
        raise InputError(f"cannot read schema: {error.strerror}", file=str(path)) from error
    except UnicodeDecodeError as error:
        raise InputError("schema is not valid UTF-8", file=str(path)) from error
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        where = TOML_POSITION.search(str(error))
        message = TOML_POSITION.sub("", str(error))
        line = int(where.group(1)) if where else None
        raise InputError(f"invalid TOML: {message}", file=str(path), line=line) from error
    try:
        return parse_schema(data)
    except InputError as error:
        raise error.at(file=str(path), line=field_line(raw, error.field)) from None


def parse_schema(data: dict[str, Any]) -> Schema:
    labels = tuple(
        _span_label(item, f"labels[{i}]") for i, item in enumerate(_list(data, "labels"))
    )
    if not labels:
        raise InputError("a schema needs at least one label", field="labels")
    _check_unique([label.name for label in labels], "labels", "name")
    _check_unique([label.key for label in labels], "labels", "key")
    names = {label.name for label in labels}
    relations = tuple(
        _relation_label(item, f"relations[{i}]", names)
        for i, item in enumerate(_list(data, "relations", required=False))
    )
    _check_unique([r.name for r in relations], "relations", "name")
    return Schema(labels=labels, relations=relations)


def _list(data: dict[str, Any], key: str, required: bool = True) -> list[dict[str, Any]]:
    value = data.get(key, None if required else [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(f"expected an array of tables [[{key}]]", field=key)
    return value


def _span_label(item: dict[str, Any], where: str) -> SpanLabel:
    _check_keys(item, where, {"name", "english", "arabic", "colour", "key", "attributes", *GUIDE})
    name = _name(item, where)
    colour = _text(item, where, "colour", default=DEFAULT_COLOUR)
    if not COLOUR.match(colour):
        raise InputError(f"colour must look like #1f77b4, not {colour!r}", field=f"{where}.colour")
    key = _text(item, where, "key", default="")
    if len(key) > 1 or key.isspace():
        raise InputError("key must be a single character", field=f"{where}.key")
    if key.lower() in COMMAND_KEYS:
        command = COMMAND_KEYS[key.lower()]
        raise InputError(f"key {key!r} is the key to {command}", field=f"{where}.key")
    return SpanLabel(
        name=name,
        english=_shown_name(item, where, "english"),
        arabic=_shown_name(item, where, "arabic"),
        colour=colour.lower(),
        key=key,
        attributes=_attributes(item.get("attributes", {}), f"{where}.attributes"),
        guide=_guide(item, where),
    )


def _relation_label(item: dict[str, Any], where: str, span_names: set[str]) -> RelationLabel:
    _check_keys(item, where, {"name", "english", "arabic", "head", "tail", *GUIDE})
    heads = _label_list(item, where, "head", span_names)
    tails = _label_list(item, where, "tail", span_names)
    return RelationLabel(
        name=_name(item, where),
        english=_shown_name(item, where, "english"),
        arabic=_shown_name(item, where, "arabic"),
        heads=heads,
        tails=tails,
        guide=_guide(item, where),
    )


def _check_keys(item: dict[str, Any], where: str, allowed: set[str]) -> None:
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise InputError("unknown field", field=f"{where}.{unknown[0]}")


def _name(item: dict[str, Any], where: str) -> str:
    name = _text(item, where, "name")
    if not LABEL_NAME.match(name):
        raise InputError(
            f"name must be 1-40 letters, digits, _ or -, starting with a letter, not {name!r}",
            field=f"{where}.name",
        )
    return name


def _shown_name(item: dict[str, Any], where: str, key: str) -> str:
    return checked_name(_text(item, where, key), f"{where}.{key}")


def _text(item: dict[str, Any], where: str, key: str, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise InputError("expected a non-empty string", field=f"{where}.{key}")
    return value


def _attributes(value: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise InputError("expected a table of attribute name = [values]", field=where)
    for name, choices in value.items():
        if (
            not isinstance(choices, list)
            or not choices
            or not all(isinstance(c, str) and c for c in choices)
        ):
            raise InputError("expected a non-empty list of strings", field=f"{where}.{name}")
    return {name: list(choices) for name, choices in value.items()}


def _label_list(item: dict[str, Any], where: str, key: str, known: set[str]) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError("expected a list of label names", field=f"{where}.{key}")
    for name in value:
        if name not in known:
            raise InputError(f"unknown label {name!r}", field=f"{where}.{key}")
    return tuple(value)


def _check_unique(values: list[str], table: str, key: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value and value in seen:
            raise InputError(f"duplicate {key} {value!r}", field=f"{table}[{i}].{key}")
        seen.add(value)


def _guide(item: dict[str, Any], where: str) -> Guide:
    definition = item.get("definition", {})
    if not isinstance(definition, dict):
        raise InputError("expected a table with english and arabic", field=f"{where}.definition")
    _check_keys(definition, f"{where}.definition", set(LANGUAGES))
    texts = {
        language: _text(definition, f"{where}.definition", language, default="").strip()
        for language in LANGUAGES
    }
    examples = item.get("examples", [])
    if not isinstance(examples, list) or not all(isinstance(e, dict) for e in examples):
        raise InputError(
            "expected a list of tables { text = ..., english = ..., arabic = ... }",
            field=f"{where}.examples",
        )
    return Guide(
        **texts,
        examples=tuple(_example(e, f"{where}.examples[{i}]") for i, e in enumerate(examples)),
    )


def _example(item: dict[str, Any], where: str) -> Example:
    _check_keys(item, where, {"text", *LANGUAGES})
    text = _text(item, where, "text").strip()
    if not MARKED_WORDS.search(text) or text.count("[") != text.count("]"):
        raise InputError(
            "an example puts the labelled words in [square brackets]", field=f"{where}.text"
        )
    return Example(
        text=text,
        english=_text(item, where, "english", default="").strip(),
        arabic=_text(item, where, "arabic", default="").strip(),
    )


def field_line(raw: str, field_path: str) -> int | None:
    """The line of the TOML text where a field such as ``labels[2].definition.arabic`` is
    written: the line of its key within that table, else the table's header."""
    found = FIELD_PATH.match(field_path)
    if found is None:
        return None
    table, index, rest = found.group(1), int(found.group(2)), found.group(3)
    header = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]")
    lines = raw.splitlines()
    starts = [number for number, line in enumerate(lines) if header.match(line)]
    if index >= len(starts):
        return None
    start = starts[index]
    end = next(
        (n for n in range(start + 1, len(lines)) if TABLE_HEADER.match(lines[n])), len(lines)
    )
    keys = rest.split(".")
    for depth in range(len(keys), 0, -1):
        key = re.compile(rf"^\s*{re.escape('.'.join(keys[:depth]).split('[')[0])}\s*[=.]")
        for number in range(start + 1, end):
            if key.match(lines[number]):
                return number + 1
    return start + 1
