"""The spaCy pipeline of a suggestion model: a blank Arabic pipeline (nothing downloaded)
with an entity recogniser for the outermost spans and, when asked, a span categoriser for
the spans inside them; fed Docs of the project's own tokens.

spaCy is imported by the functions that need it, so that ``import annotate`` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from annotate.training.examples import Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.vocab import Vocab

LANGUAGE = "ar"
ENTITIES = "ner"
NESTED = "spancat"  # the span categoriser's name in the pipeline
NESTED_KEY = "nested"  # the span group the span categoriser learns and fills
NESTED_THRESHOLD = 0.5  # the least score of a nested span found
# spaCy's CPU entity recogniser with wider token vectors (128, not 96). With the averaged
# weights of training (trainer.py) it took the Wojood sample's entity F1 from 0.70 (spaCy's
# defaults) to 0.73 on its test file; chosen among a few variants on its val file.
TOKEN_VECTORS = {
    "@architectures": "spacy.HashEmbedCNN.v2",
    "pretrained_vectors": None,
    "width": 128,
    "depth": 4,
    "embed_size": 2000,
    "window_size": 1,
    "maxout_pieces": 3,
    "subword_features": True,
}
ENTITY_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": TOKEN_VECTORS,
}


def nested_config(longest: int) -> dict[str, Any]:
    """spaCy's span categoriser weighing every run of 1 to ``longest`` tokens."""
    return {
        "spans_key": NESTED_KEY,
        "threshold": NESTED_THRESHOLD,
        "max_positive": None,
        "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": list(range(1, longest + 1))},
        "model": {
            "@architectures": "spacy.SpanCategorizer.v1",
            "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 128},
            "scorer": {"@layers": "spacy.LinearLogistic.v1", "nO": None, "nI": None},
            "tok2vec": {**TOKEN_VECTORS, "width": 96},
        },
    }


def new_pipeline(labels: Iterable[str], nested: Iterable[str] = (), longest: int = 0) -> Language:
    """The pipeline for the entity ``labels``; with a span categoriser for the ``nested``
    labels, when there are any, on spans of at most ``longest`` tokens."""
    import spacy

    nlp = spacy.blank(LANGUAGE)
    recogniser = nlp.add_pipe(ENTITIES, config={"model": ENTITY_MODEL})
    for label in sorted(set(labels)):
        recogniser.add_label(label)  # type: ignore[attr-defined]
    nested_labels = sorted(set(nested))
    if nested_labels:
        categoriser = nlp.add_pipe(NESTED, config=nested_config(longest))
        for label in nested_labels:
            categoriser.add_label(label)  # type: ignore[attr-defined]
    return nlp


def sentence_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    from spacy.tokens import Doc

    return Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces))


def training_example(vocab: Vocab, sentence: Sentence, nested: bool = False) -> Example:
    from spacy.tokens import Span
    from spacy.training import Example

    reference = sentence_doc(vocab, sentence)
    entities = [Span(reference, m.first, m.end, label=m.label) for m in sentence.entities]
    named = {token for m in sentence.entities for token in range(m.first, m.end)}
    unknown = {token for m in sentence.unknown for token in range(m.first, m.end)} - named
    missing = [Span(reference, first, end) for first, end in _runs(sorted(unknown))]
    reference.set_ents(entities, missing=missing)  # the rest of the tokens: no entity
    if nested:
        reference.spans[NESTED_KEY] = [
            Span(reference, m.first, m.end, label=m.label) for m in sentence.nested
        ]
    return Example(sentence_doc(vocab, sentence), reference)


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Sorted token indexes as (first, end) runs of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def found_mentions(doc: Doc) -> list[Mention]:
    return [Mention(span.start, span.end, span.label_) for span in doc.ents]


def found_nested(doc: Doc) -> list[tuple[Mention, float]]:
    """The spans the span categoriser found, with their scores (none without one)."""
    if NESTED_KEY not in doc.spans:
        return []
    group = doc.spans[NESTED_KEY]
    scores = group.attrs.get("scores", [None] * len(group))
    return [
        (Mention(span.start, span.end, span.label_), float(score))
        for span, score in zip(group, scores, strict=True)
    ]


def predicted(nlp: Language, sentences: Sequence[Sentence], batch_size: int = 64) -> list[Doc]:
    """Each sentence's Doc, tagged by the pipeline."""
    docs = (sentence_doc(nlp.vocab, sentence) for sentence in sentences)
    return list(nlp.pipe(docs, batch_size=batch_size))


def model_meta(nlp: Language, annotate_meta: dict[str, Any]) -> None:
    """What the project says about the model, kept in its meta.json beside spaCy's."""
    nlp.meta["name"] = "annotate_suggestions"
    nlp.meta["annotate"] = annotate_meta
