"""One error hierarchy for kg.

Every error says what went wrong and what to do about it. The CLI turns a
:class:`KgError` into a one-line message and an exit status; anything else is
a bug and is shown with its traceback.
"""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of every error kg raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None, path: Path | str | None = None):
        self.message = message
        self.hint = hint
        self.path = str(path) if path is not None else None
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class ModelNotFoundError(KgError):
    """The spaCy model could not be loaded."""


class InputError(KgError):
    """A source document cannot be read or is not usable news text."""


class RuleError(KgError):
    """A rule, lexicon or knowledge-base file is malformed."""


class GraphLoadError(KgError):
    """A graph file or store cannot be opened or parsed."""


class QueryError(KgError):
    """A query cannot be found, parsed, bound or run."""


class OutputError(KgError):
    """An output file cannot be written."""


class GoldError(KgError):
    """A gold annotation file is malformed."""


class ValidationError(KgError):
    """SHACL validation could not run (not: the graph does not conform)."""


class LoadError(KgError):
    """Loading into an external triple store failed."""


class Interrupted(KgError):
    """A signal (Ctrl-C, SIGTERM) stopped a command before it finished."""

    exit_code = 130

    def __init__(self, message: str, *, signum: int = 2, **kw):
        super().__init__(message, **kw)
        self.exit_code = 128 + signum


class ServeError(KgError):
    """``kg serve`` cannot start or go on serving."""


class QueryLimitError(QueryError):
    """A query was refused or stopped by a limit of ``kg serve`` (time, memory, size, policy).

    ``status`` is the HTTP status the server answers with.
    """

    def __init__(self, message: str, *, status: int = 503, **kw):
        super().__init__(message, **kw)
        self.status = status
