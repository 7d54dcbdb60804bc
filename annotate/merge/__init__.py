"""Merging other project files into a project: the sources, the merge and its report."""
