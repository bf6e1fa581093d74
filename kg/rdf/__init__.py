"""RDF side of kg: vocabulary terms, IRI minting, mapping records to quads."""
