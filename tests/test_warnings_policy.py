"""The suite runs with warnings as errors for kg's own code (issue 17, item 10)."""

from __future__ import annotations

import warnings

import pytest


@pytest.mark.parametrize("module", ["kg", "kg.build", "kg.rdf.mapping"])
def test_a_warning_from_kg_code_is_an_error(module):
    with pytest.raises(DeprecationWarning):
        warnings.warn_explicit("deprecated", DeprecationWarning, filename=f"{module}.py",
                               lineno=1, module=module)


def test_rdflib_own_deprecations_are_not_printed():
    with warnings.catch_warnings(record=True) as seen:  # keeps the suite's filters
        warnings.warn_explicit("ConjunctiveGraph is deprecated, use Dataset instead.",
                               DeprecationWarning, filename="rdflib/plugins/parsers/trig.py",
                               lineno=155, module="rdflib.plugins.parsers.trig")
    assert seen == []
