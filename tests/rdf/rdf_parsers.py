"""Run independent RDF parsers over a file: pyoxigraph, Apache Jena riot, Raptor rapper, rdflib.

Each check returns a :class:`ParseResult` with the number of triples/quads
read and every error or warning the parser printed; a file passes when the
parser exits cleanly, prints no diagnostics and reads the expected count.

Jena (Debian ``libapache-jena-java`` 4.5.0) ships jars only: the classpath is
assembled here from ``/usr/share/java`` (or ``$KG_JENA_JARS``). Its shaded
Xerces looks for message bundles under ``xerces/impl/msg`` while the jar has
them under ``org/apache/jena/ext/xerces/...``, so they are copied out once to
a cache directory put on the classpath; without them riot dies at start-up.
slf4j-simple (not -nop) is used so that riot's warnings reach stderr. riot's
default JSON-LD 1.1 reader needs a Jakarta JSON provider Debian does not
package, so JSON-LD is read with its JSON-LD 1.0 reader (jsonld-java).
Raptor 2 has no JSON-LD parser; rdflib is the third parser for JSON-LD. RDF/XML is
read by all four (Jena's ARP, Raptor's libxml2-based parser, rdflib's expat-based one).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

JAVA_DIR = Path(os.environ.get("KG_JENA_JARS", "/usr/share/java"))
# Jars riot needs at run time (Debian names, unversioned symlinks).
_JARS = [
    "jena-arq", "jena-base", "jena-core", "jena-iri", "jena-cmds", "jena-shacl", "jena-shex",
    "jena-rdfconnection", "jena-tdb", "jena-tdb2", "jena-dboe-base", "jena-dboe-index",
    "jena-dboe-storage", "jena-dboe-trans-data", "jena-dboe-transaction",
    "slf4j-api", "slf4j-simple", "commons-cli", "commons-codec", "commons-compress",
    "commons-io", "commons-lang3", "commons-csv", "commons-logging", "dexx.collection", "gson",
    "guava", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
    "httpclient", "httpclient-cache", "httpcore", "titanium-json-ld", "jakarta.json-api",
    "thrift", "protobuf",
]
_XERCES_PREFIX = "org/apache/jena/ext/xerces/"

# format key -> (rapper parser name, riot --syntax, rdflib format, pyoxigraph format)
FORMATS = {
    "ttl": ("turtle", "turtle", "turtle", pyoxigraph.RdfFormat.TURTLE),
    "nt": ("ntriples", "ntriples", "nt", pyoxigraph.RdfFormat.N_TRIPLES),
    "nq": ("nquads", "nquads", "nquads", pyoxigraph.RdfFormat.N_QUADS),
    "trig": ("trig", "trig", "trig", pyoxigraph.RdfFormat.TRIG),
    "jsonld": (None, "jsonld10", "json-ld", pyoxigraph.RdfFormat.JSON_LD),
    "xml": ("rdfxml", "rdfxml", "xml", pyoxigraph.RdfFormat.RDF_XML),
}


@dataclass(frozen=True)
class ParseResult:
    parser: str
    count: int | None  # statements read; None when the parser could not say
    problems: list[str]  # errors and warnings, verbatim

    @property
    def ok(self) -> bool:
        return not self.problems and self.count is not None


def oxigraph(path: Path, fmt: str) -> ParseResult:
    try:
        with path.open("rb") as fh:
            n = sum(1 for _ in pyoxigraph.parse(fh, FORMATS[fmt][3]))
    except SyntaxError as exc:
        return ParseResult("pyoxigraph", None, [str(exc)])
    return ParseResult("pyoxigraph", n, [])


def rdflib_parse(path: Path, fmt: str) -> ParseResult:
    """rdflib reports bad literals through logging warnings: they count as problems."""
    import rdflib

    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("rdflib")
    logger.addHandler(handler)
    try:
        ds = rdflib.Dataset()
        ds.parse(path, format=FORMATS[fmt][2])
        n = sum(1 for _ in ds.quads((None, None, None, None)))
    except Exception as exc:  # rdflib raises many unrelated exception types
        return ParseResult("rdflib", None, [f"{type(exc).__name__}: {exc}"])
    finally:
        logger.removeHandler(handler)
    return ParseResult("rdflib", n, problems)


def rapper_available() -> bool:
    return shutil.which("rapper") is not None


def rapper(path: Path, fmt: str) -> ParseResult:
    name = FORMATS[fmt][0]
    if name is None:
        raise ValueError(f"Raptor has no {fmt} parser")
    proc = subprocess.run(["rapper", "-i", name, "-c", str(path)], capture_output=True,
                          text=True, timeout=120, check=False)
    count = None
    problems = []
    for line in proc.stderr.splitlines():
        m = re.match(r"rapper: Parsing returned (\d+) (triples?|statements?)", line)
        if m:
            count = int(m.group(1))
        elif not line.startswith("rapper: Parsing URI"):
            problems.append(line)
    if proc.returncode != 0:
        problems.append(f"rapper exited with status {proc.returncode}")
    return ParseResult("rapper", count, problems)


def _xerces_messages(core_jar: Path) -> Path:
    """A directory with jena-core's Xerces message bundles where its shaded Xerces looks."""
    cache = Path(tempfile.gettempdir()) / f"kg-jena-xerces-{os.getuid()}"
    marker = cache / "xerces" / "impl" / "msg" / "XMLSchemaMessages.properties"
    if not marker.is_file():
        tmp = Path(tempfile.mkdtemp(prefix="kg-jena-xerces-", dir=cache.parent))
        with zipfile.ZipFile(core_jar) as jar:
            for name in jar.namelist():
                if name.startswith(_XERCES_PREFIX) and name.endswith(".properties"):
                    target = tmp / "xerces" / name[len(_XERCES_PREFIX):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(jar.read(name))
        try:
            tmp.rename(cache)
        except OSError:  # another process made it first
            shutil.rmtree(tmp, ignore_errors=True)
    return cache


def riot_classpath() -> str | None:
    """The classpath for ``riotcmd.riot``, or None if Java or Jena is missing."""
    if shutil.which("java") is None:
        return None
    jars = [JAVA_DIR / f"{name}.jar" for name in _JARS]
    if not all(j.is_file() for j in jars[:3]):
        return None
    parts = [str(j) for j in jars if j.is_file()]
    parts.append(str(_xerces_messages(JAVA_DIR / "jena-core.jar")))
    return os.pathsep.join(parts)


def riot(paths: list[Path], fmt: str | None = None) -> dict[Path, ParseResult]:
    """Validate files with ``riot --validate --count`` in one JVM; ``fmt`` forces the syntax."""
    cp = riot_classpath()
    if cp is None:
        raise FileNotFoundError("java or the Jena jars are missing")
    cmd = ["java", "-cp", cp, "riotcmd.riot", "--validate", "--count"]
    if fmt is not None:
        cmd.append(f"--syntax={FORMATS[fmt][1]}")
    proc = subprocess.run(cmd + [str(p) for p in paths], capture_output=True, text=True,
                          timeout=300, check=False)
    counts: dict[str, int] = {}
    for line in proc.stdout.splitlines() + proc.stderr.splitlines():
        m = re.match(r"(\S+) : (?:Triples|Quads) = ([\d,]+)", line)
        if m:
            counts[m.group(1)] = int(m.group(2).replace(",", ""))
    # With several files riot logs "File: X" before each; later lines belong to X.
    by_file: dict[str, list[str]] = {str(p): [] for p in paths}
    current = str(paths[0])
    for line in proc.stderr.splitlines():
        m = re.match(r"\[main\] INFO org\.apache\.jena\.riot - File: (.*)$", line)
        if m:
            current = m.group(1)
        elif not re.match(r"(\S+ : (?:Triples|Quads) = |Total +: )", line):
            by_file.setdefault(current, []).append(line)
    if proc.returncode != 0 and not any(by_file.values()):
        for lines in by_file.values():
            lines.append(f"riot exited with status {proc.returncode}")
    return {p: ParseResult("riot", counts.get(p.resolve().as_uri()), by_file[str(p)])
            for p in paths}
