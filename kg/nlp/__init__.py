"""spaCy side of kg: model loading and pipeline components."""
