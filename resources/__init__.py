"""The bundled resources: label schema, fonts with their licence, sample articles.

Installed as the package ``annotate_resources`` (pyproject.toml maps it to this folder), so
that the code finds them by the package's folder in a wheel and in a checkout alike.
"""
