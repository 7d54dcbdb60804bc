"""A trained model's spans in the project's documents, as candidates for suggestions.

The model reads Docs made of the project's own tokens, so every candidate starts and ends
exactly where a token of the stored text does, whatever spaCy's own tokeniser would do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotate.errors import InputError
from annotate.project import Project
from annotate.suggestions import Candidate
from annotate.token_bounds import fast_tokenise
from annotate.training.examples import Mention, Sentence, document_sentences
from annotate.training.pipeline import found_mentions, found_nested, predicted

if TYPE_CHECKING:
    from spacy.language import Language


def predict_candidates(
    model_dir: Path, project: Project, document_uids: list[str]
) -> dict[str, list[Candidate]]:
    """{document uid: the model's spans in it, by start and end}: the outermost (score
    None), and the nested with the span categoriser's score, when the model has one."""
    nlp = load_model(model_dir)
    return {uid: document_candidates(nlp, project, uid) for uid in document_uids}


def load_model(model_dir: Path) -> Language:
    import spacy

    if not model_dir.is_dir():
        raise InputError("no such model folder", file=str(model_dir))
    try:
        return spacy.load(model_dir)
    except (OSError, ValueError, KeyError) as error:
        raise InputError(
            f"cannot be loaded as a spaCy model: {error}", file=str(model_dir)
        ) from None


def document_candidates(nlp: Language, project: Project, uid: str) -> list[Candidate]:
    document = project.documents.get(uid)
    tokens = fast_tokenise(document.text, document.meta)
    sentences = list(document_sentences(document.text, tokens, document.meta))
    candidates: list[Candidate] = []
    for sentence, doc in zip(sentences, predicted(nlp, sentences), strict=True):
        candidates.extend(_candidate(sentence, mention) for mention in found_mentions(doc))
        candidates.extend(_candidate(sentence, *found) for found in found_nested(doc))
    return sorted(candidates, key=lambda c: (c.start, c.end, c.label))


def _candidate(sentence: Sentence, mention: Mention, score: float | None = None) -> Candidate:
    """The entity recogniser gives no score; the span categoriser gives its own."""
    start, end = sentence.tokens[mention.first].start, sentence.tokens[mention.end - 1].end
    return Candidate(mention.label, start, end, score)
