"""Inter-annotator agreement: the measures, the data they compare, and the report."""
