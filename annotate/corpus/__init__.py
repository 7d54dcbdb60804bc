"""Corpus files in and out: reading and writing the corpus formats, importing them into a
project and exporting a project to them."""
