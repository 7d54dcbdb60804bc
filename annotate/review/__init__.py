"""Reviewing disagreements: the items annotators disagree on, the decisions written into
the gold layer, and what is left to review."""
