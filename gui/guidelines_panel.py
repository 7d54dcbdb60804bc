"""The annotation guidelines: a label's definition and examples, in English or Arabic, the
Arabic examples right to left with the labelled words marked in the label's colour."""

from __future__ import annotations

import html
import re

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from annotate.schema import DEFAULT_COLOUR, Guide, RelationLabel, Schema, SpanLabel
from gui.i18n import is_arabic, translate

MARKED = re.compile(r"\[([^\[\]]+)\]")
NO_GUIDE = {
    "english": "This label has no guideline yet.",
    "arabic": "لا توجد إرشادات لهذا الوسم بعد.",
}
HINT_LENGTH = 80  # characters of a definition in a one-line hint
EXAMPLES = {"english": "Examples", "arabic": "أمثلة"}

Label = SpanLabel | RelationLabel


def interface_language() -> str:
    """The guidelines' language that is the interface's: Arabic in Arabic, else English."""
    return "arabic" if is_arabic() else "english"


def guide_languages() -> list[tuple[str, str]]:
    """(code, name) of the guidelines' languages, the interface's first; Arabic is named
    in Arabic in both, as language choosers do."""
    both = [("english", translate("GuidelinesPanel", "English")), ("arabic", "العربية")]
    return both[::-1] if is_arabic() else both


def both_names(label: Label) -> str:
    """A label's English and Arabic names, the interface language's first."""
    first, second = (label.arabic, label.english) if is_arabic() else (label.english, label.arabic)
    return f"{first} · {second}"


class GuidelinesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(translate("GuidelinesPanel", "Label"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(translate("GuidelinesPanel", "Language"))
        for code, shown in guide_languages():
            self.language.addItem(shown, code)
        self.language.setCurrentIndex(self.language.findData(interface_language()))
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        row = QHBoxLayout()
        row.addWidget(self.chooser, 1)
        row.addWidget(self.language)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.text)
        self._labels: list[Label] = []
        self.chooser.currentIndexChanged.connect(self._show_current)
        self.language.currentIndexChanged.connect(self._show_current)
        self.setFocusProxy(self.chooser)

    def show_schema(self, schema: Schema) -> None:
        shown = self.current_name()
        self._labels = [*schema.labels, *schema.relations]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for label in schema.labels:
            self.chooser.addItem(both_names(label), label.name)
        relation_item = translate("GuidelinesPanel", "{names} (relation)")
        for relation in schema.relations:
            self.chooser.addItem(relation_item.format(names=both_names(relation)))
        names = [label.name for label in self._labels]
        self.chooser.setCurrentIndex(names.index(shown) if shown in names else 0)
        self.chooser.blockSignals(False)
        self._show_current()  # once: the label shown before, or the first when it is gone

    def show_label(self, name: str) -> None:
        """The span label of that name (a relation only when no span label has it)."""
        index = next((i for i, label in enumerate(self._labels) if label.name == name), -1)
        if index >= 0:
            self.chooser.setCurrentIndex(index)
            self._show_current()

    def current_name(self) -> str:
        index = self.chooser.currentIndex()
        return self._labels[index].name if 0 <= index < len(self._labels) else ""

    def shown_language(self) -> str:
        return str(self.language.currentData())

    def _show_current(self) -> None:
        index = self.chooser.currentIndex()
        if 0 <= index < len(self._labels):
            self.text.setHtml(guide_html(self._labels[index], self.shown_language()))

    def showEvent(self, event: object) -> None:
        self._show_current()
        super().showEvent(event)  # type: ignore[arg-type]


def guide_html(label: Label, language: str) -> str:
    guide = label.guide
    direction = "rtl" if language == "arabic" else "ltr"
    title = label.arabic if language == "arabic" else label.english
    colour = label.colour if isinstance(label, SpanLabel) else DEFAULT_COLOUR
    parts = [
        f'<h3 dir="{direction}">{html.escape(title)} <small>({html.escape(label.name)})</small>'
        "</h3>",
        paragraph(guide.definition(language) or NO_GUIDE[language], language),
    ]
    if guide.examples:
        parts.append(f'<h4 dir="{direction}">{EXAMPLES[language]}</h4>')
    for example in guide.examples:
        parts.append(
            '<p dir="rtl" align="right" style="font-size: large">'
            f"{marked(example.text, colour)}</p>"
        )
        note = example.arabic if language == "arabic" else example.english
        if note:
            parts.append(paragraph(note, language, indent=True))
    return "\n".join(parts)


def paragraph(text: str, language: str, indent: bool = False) -> str:
    attributes = 'dir="rtl" align="right"' if language == "arabic" else 'dir="ltr" align="left"'
    style = ' style="margin-left: 16px; margin-right: 16px; color: #555555"' if indent else ""
    return f"<p {attributes}{style}>{html.escape(text)}</p>"


def marked(example: str, colour: str) -> str:
    """The example with each [bracketed] stretch shown on the label's colour, brackets kept
    so that a boundary shows where a proclitic was left out."""
    pieces = []
    last = 0
    for found in MARKED.finditer(example):
        pieces.append(html.escape(example[last : found.start()]))
        words = html.escape(found.group(1))
        pieces.append(f'<span style="background-color: {colour}">[{words}]</span>')
        last = found.end()
    pieces.append(html.escape(example[last:]))
    return "".join(pieces)


def first_line(guide: Guide, language: str | None = None) -> str:
    """The definition's first sentence (by default in the interface language), for a
    one-line hint."""
    definition = guide.definition(language or interface_language())
    sentence = re.split(r"(?<=[.؛])\s", definition, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= HINT_LENGTH:
        return sentence
    return sentence[:HINT_LENGTH].rsplit(" ", 1)[0] + "…"


def tooltip_html(label: Label) -> str:
    """A label's definition in both languages, each in its own direction, the interface
    language's first."""
    guide = label.guide
    parts = [f"<b>{html.escape(both_names(label))}</b> ({html.escape(label.name)})"]
    for language in ("arabic", "english") if is_arabic() else ("english", "arabic"):
        definition = guide.arabic if language == "arabic" else guide.english
        if definition:
            parts.append(paragraph(definition, language))
    return "".join(parts)
