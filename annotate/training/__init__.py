"""Suggestion models trained on the project's own annotations, offline: a blank spaCy
pipeline on the project's tokens (training), scored on a held-out part, its learning curve,
and its predictions as candidate spans (predict)."""
