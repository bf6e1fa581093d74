"""One fact per event inside an update, and what the update's facts tell each other.

A headline that repeats the body, or a quote that repeats the lead, merges into the
first body fact (roles pooled); an event without a place happened where the
update's previous event by the same source did; "her successor" takes the office of
the dismissal beside it; a theme that names another event of the update ("the
summit") takes that event's description. kg/extract/merge.py merges across updates
once entities are resolved.
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.triggers import Engine
from kg.records import Fact, Mention, Quantity, TimeExpr
from kg.rules.loader import event_rules

_SUCCESSOR = re.compile(r"^(?:(?:his|her|their|its)\s+)?(?:successor|replacement)$", re.I)


def successor_offices(events: list[Fact]) -> None:
    """"dismissed Finance Minister X and appointed Y as her successor": Y's office is the
    one the dismissal of the same sentence names."""
    for f in events:
        if f.kind != "Appointment" or not any(
                isinstance(r, str) and _SUCCESSOR.match(r) for r in f.roles.get("role", [])):
            continue
        office = next((r for g in events if g.kind == "Dismissal" and g.sentence == f.sentence
                       for r in g.roles.get("role", []) if isinstance(r, str)), None)
        if office is not None:
            f.roles["role"] = [office]



# --- merging inside an update -----------------------------------------------------------
_LOCATED = {"Deployment", "Withdrawal", "Detention", "Arrest", "Neutralisation", "Seizure",
            "Attack", "Arson", "Protest", "Riot", "StateOfEmergency",
            "CounterTerrorismOperation", "Participation", "Protection", "Casualties", "Damage",
            "Injury"}
# counts of the dead and hurt told after a riot, a clash or a protest are counted at its
# scene ("a riot at X prison ... 18 inmates were killed"), also when that scene is a
# situation that gives no place to other events
_SCENE_COUNTS = {"Casualties", "Injury"}


def _key_values(values: list) -> set:
    out = set()
    for v in values:
        if isinstance(v, Mention):
            out.add(v.text.lower().removeprefix("the "))
        elif isinstance(v, (Quantity, TimeExpr)):
            out.add(v.value)
        else:
            out.add(str(v).lower())
    return out


def head_words(values: list) -> set[tuple[str, frozenset[str]]]:
    """(head word, words) of each value ("the provincial council building": building),
    plural folded: see :func:`same_filler`."""
    out = set()
    for v in values:
        text = v.text if isinstance(v, Mention) else v
        if isinstance(text, str) and text.split():
            words = [_fold(w) for w in text.lower().split() if w not in ("the", "a", "an")]
            if words:
                out.add((words[-1], frozenset(words)))
    return out


def _fold(word: str) -> str:
    w = word.strip(".,;:'\"")
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def same_filler(va: list, vb: list) -> bool:
    """Two wordings of one filler: the same head word, one's words within the other's
    ("police" / "Ugandan police", "the building" / "the provincial council building"; not
    "Foreign Ministry" / "Interior Ministry")."""
    for ha, wa in head_words(va):
        for hb, wb in head_words(vb):
            if ha == hb and (wa <= wb or wb <= wa):
                return True
    # one is the other with a place phrase after it ("schools" / "schools in X",
    # "sailings" / "sailings to X": closure.yaml's placed_theme)
    for a in _word_lists(va):
        for b in _word_lists(vb):
            short, long = sorted((a, b), key=len)
            if short and len(long) > len(short) and long[:len(short)] == short and \
                    long[len(short)] in _PLACE_PREPS:
                return True
    return False


_PLACE_PREPS = frozenset({"in", "at", "to", "on", "across", "throughout", "near"})


def _word_lists(values: list) -> list[list[str]]:
    out = []
    for v in values:
        text = v.text if isinstance(v, Mention) else v
        if isinstance(text, str):
            out.append([_fold(w) for w in text.lower().split() if w not in ("the", "a", "an")])
    return out


def compatible(a: Fact, b: Fact, roles: tuple[str, ...]) -> bool:
    """Two facts of one kind that may be one event: no role they both fill disagrees.

    When both give a quantity, the quantity decides and the wording of the
    theme ("7,939 people" / "persons") does not.
    """
    if a.kind != b.kind or a.factuality != b.factuality:
        return False
    ya, yb = _years(a.roles.get("date")), _years(b.roles.get("date"))
    if ya and yb and not ya & yb:
        return False  # "a 2021 referendum ... won the presidency in 2024": two events
    counted = bool(a.roles.get("quantity") and b.roles.get("quantity"))
    for r in roles:
        if r == "theme" and counted:
            continue
        va, vb = a.roles.get(r), b.roles.get(r)
        if va and vb and not (_key_values(va) & _key_values(vb)) and \
                not same_filler(va, vb):
            return False
    return True


def relate_same_acts(events: list[Fact], pairs: list[list[str]]) -> None:
    """"stormed and set fire to the building": an Attack and an Arson of one act stay two
    facts (two kinds of event) and point to each other (kg:sameAct) when they share the
    sentence, the agent (or one has none) and the target."""
    for first, second in pairs:
        for a in (f for f in events if f.kind == first):
            for b in (f for f in events if f.kind == second):
                if a.sentence != b.sentence or a.factuality != b.factuality:
                    continue
                ta, tb = a.roles.get("theme", []), b.roles.get("theme", [])
                if not (ta and tb and (_key_values(ta) & _key_values(tb)
                                       or same_filler(ta, tb))):
                    continue
                if compatible_roles(a, b, ("agent",)):
                    a.links.setdefault("sameAct", []).append(b)
                    b.links.setdefault("sameAct", []).append(a)


def _years(values: list | None) -> set[str]:
    """The years a date role gives ("2024-05-01" -> 2024)."""
    return {str(v.value)[:4] for v in values or [] if isinstance(v, TimeExpr) and v.value}


def compatible_roles(a: Fact, b: Fact, roles: tuple[str, ...]) -> bool:
    """No role of ``roles`` both fill disagrees (the kinds may differ)."""
    for r in roles:
        va, vb = a.roles.get(r), b.roles.get(r)
        if va and vb and not (_key_values(va) & _key_values(vb)) and \
                not same_filler(va, vb):
            return False
    return True


def absorb(into: Fact, other: Fact) -> None:
    """Union of roles (first value of single-valued dates kept)."""
    for role, values in other.roles.items():
        bucket = into.roles.setdefault(role, [])
        if role in ("date", "dateEnd") and bucket:
            continue
        have = _key_values(bucket)
        for v in values:
            k = _key_values([v])
            if not (k & have):
                bucket.append(v)
                have |= k
    into.confidence = max(into.confidence, other.confidence)
    for prop, facts in other.links.items():
        into.links.setdefault(prop, []).extend(f for f in facts if f not in into.links[prop])


def _year(f: Fact) -> str | None:
    """The year a telling dates its event to (None when it gives no date: "the
    protests" may point back to any of them)."""
    for d in f.roles.get("date", []):
        if isinstance(d, TimeExpr) and d.value:
            return d.value[:4]
    return None


def same_year(a: Fact, b: Fact) -> bool:
    """"Protests in 2021 over a rise in fuel prices" told as background are not the
    protests of the day: two tellings in different years are two events."""
    ya, yb = _year(a), _year(b)
    return ya is None or yb is None or ya == yb


def merge_in_unit(events: list[Fact], ctx: Context) -> list[Fact]:
    """One fact per event of an update: a headline repeats the body, and so do quotes.

    Facts of one kind whose shared roles agree (theme, quantity, agent, location)
    are merged into the first body fact; a headline fact whose event the body
    also reports is dropped into it.
    """
    def in_head(f: Fact) -> bool:
        h = ctx.headline
        return h is not None and f.trigger is not None and \
            h[0] <= f.trigger.start - ctx.unit.start < h[1]

    ordered = sorted(events, key=lambda f: (in_head(f), f.trigger.start if f.trigger else 0))
    out: list[Fact] = []
    for f in ordered:
        if f.kind == "Participation":
            out.append(f)
            continue
        keys = ("quantity", "theme", "agent", "location", "participant") if f.kind not in (
            "Meeting",) else ("date",)
        target = next((g for g in out if compatible(g, f, keys) and same_year(g, f) and (
            f.roles.get("quantity") or f.roles.get("theme") or f.kind in (
                "Meeting", "Protest", "Riot", "StateOfEmergency",
                "CounterTerrorismOperation", "Casualties", "Damage")
            or in_head(f) or g.sentence == f.sentence)), None)  # "signed a treaty"
        if target is not None and f.kind == "Meeting" and _other_parties(target, f):
            target = None
        if target is not None:
            absorb(target, f)
        else:
            out.append(f)
    return sorted(out, key=lambda f: f.trigger.start if f.trigger else 0)


def _other_parties(a: Fact, b: Fact) -> bool:
    """Two meetings of one update that share no party: each has a host and a party
    besides it (or one is a call and the other is not), the hosts differ and neither
    names a party of the other ("the prime
    minister convened the security council on Sunday ... X spoke by telephone with Y on
    Sunday": two sittings)."""
    def told(values: list) -> list:  # a pronoun stands for its antecedent
        return [v.antecedent if isinstance(v, Mention) and v.antecedent is not None else v
                for v in values or []]

    ha, hb = told(a.roles.get("agent")), told(b.roles.get("agent"))
    if not (ha and hb) or _key_values(ha) & _key_values(hb) or same_filler(ha, hb):
        return False
    others_a = [v for v in told(a.roles.get("participant"))
                if not _key_values([v]) & _key_values(ha)]
    others_b = [v for v in told(b.roles.get("participant"))
                if not _key_values([v]) & _key_values(hb)]
    called = bool(a.roles.get("medium")) != bool(b.roles.get("medium"))  # a call, a sitting
    if not (others_a and others_b) and not called:
        return False  # "X, who chaired the final session": a sitting of the talks told
    pa, pb = others_a + ha, others_b + hb
    return not (_key_values(pa) & _key_values(pb) or same_filler(pa, pb))


def carry_locations(events: list[Fact]) -> None:
    """An event without a place happened where the update's previous event did.

    Only when both come from the same source (the same speaker, or both the
    reporter's own words): a minister's nationwide figure does not inherit the
    city of the police operation reported before it.
    """
    last: dict = {}
    by_kind = {f.kind: f.roles["location"] for f in events if f.roles.get("location")}
    for f in events:
        if f.kind == "Participation" and not f.roles.get("location"):
            kind = next((str(v) for v in f.roles.get("eventType", [])), "")
            if kind in by_kind:
                f.roles["location"] = list(by_kind[kind])
    scene: dict = {}
    for f in sorted(events, key=lambda f: f.trigger.start if f.trigger else 0):
        if f.kind not in _LOCATED:
            continue
        source = f.attributed_to.text.lower() if f.attributed_to is not None else None
        if f.roles.get("location"):
            if f.kind not in event_rules().situations:  # of a list, the first place told
                last[source] = f.roles["location"][:1]
            elif len(f.roles["location"]) == 1:  # a riot at one place: the scene
                scene[source] = f.roles["location"][:1]
        elif last.get(source) or (f.kind in _SCENE_COUNTS and scene.get(source)):
            f.roles["location"] = list(last.get(source) or scene[source])
            f.confidence = round(f.confidence * 0.9, 3)


# material damage is the outcome of an act; force used on a crowd is used at its protest;
# the dead and hurt counted with no day of their own are the toll of the violence told
# before them ("Gunmen attacked the post on Sunday. Six guards were killed.")
_VIOLENCE = ("Attack", "Clash", "Riot")
_CAUSES = {"Damage": ("Attack", "Arson"), "Attack": ("Protest",),
           "Casualties": _VIOLENCE, "Injury": _VIOLENCE}


def carry_cause_dates(events: list[Fact], ctx: Context | None = None) -> None:
    """Damage told without a day ("The strike destroyed four houses") is the outcome of
    the attack told before it in the update, and takes its date (and place, if none);
    force used without a day ("police fired tear gas to disperse them") was used at the
    protest told before it; the dead and hurt told without a day are the toll of the
    violence told before them, unless counted since a time ("have been killed since
    January": a running toll, not one event's)."""
    ordered = sorted(events, key=lambda f: f.trigger.start if f.trigger else 0)
    for n, f in enumerate(ordered):
        causes = _CAUSES.get(f.kind)
        if not causes or f.roles.get("date") or f.factuality is not None or (
                f.kind in ("Casualties", "Injury") and _counted_since(f, ctx)):
            continue
        cause = next((g for g in reversed(ordered[:n]) if g.kind in causes
                      and g.roles.get("date") and g.factuality is None), None)
        if cause is not None:
            f.roles["date"] = list(cause.roles["date"])
            if not f.roles.get("location") and cause.roles.get("location"):
                f.roles["location"] = list(cause.roles["location"][:1])


def _counted_since(f: Fact, ctx: Context | None) -> bool:
    """Whether the verb of ``f``'s trigger counts since a time ("since January")."""
    span = ctx.char_span(f.trigger.start, f.trigger.end) if ctx and f.trigger else None
    return span is not None and any(
        c.lower_ == "since" for c in [*span.root.children, *span.root.head.children])


_ASKING = ("Request", "Order")  # kinds whose noun names an appeal by what it asks


def name_event_themes(events: list[Fact], engine: Engine, ctx: Context) -> None:
    """A theme that is an event of the update named by its bare noun ("proposed the
    summit") takes that event's description ("the bloc leaders' online summit")."""
    nouns = {w: k for k, t in engine.rules.types.items() for w in [*t.nouns, *t.phrases]}
    for f in events:
        themes = f.roles.get("theme", [])
        for n, v in enumerate(themes):
            if not isinstance(v, str) or len(v.split()) != 1:
                continue
            kind = nouns.get(v.split()[-1].lower())
            if kind == f.kind:  # "a treaty between A and B": the fact's own noun
                continue
            target = next((g for g in events if g.kind == kind and g is not f), None)
            if target is None:
                continue
            asked = next((x for x in target.roles.get("theme", []) if isinstance(x, str)),
                         None)
            if kind in _ASKING and asked:
                # "X has rejected the call", "ignored the order": the appeal by what it
                # asks ("call to resign"), not by the verb that made it
                themes[n] = f"{v} to {asked}"
                continue
            who = next((x.text for x in target.roles.get("agent", []) if isinstance(x, Mention)),
                       "")
            what = next((str(x) for x in target.roles.get("medium", [])), None) or \
                (target.trigger.text if target.trigger else v)
            themes[n] = f"{who} {what}".strip()


def agreeing_parties(events: list[Fact], both_sides: set[str]) -> None:
    """"X met Y ... Both sides agreed to set up a committee", "A held talks with B, and the
    two agreed that ...": an Agreement whose parties the text names only as the two sides
    (lexicon ``both_sides``) is between the parties of the meeting told before it in the
    update (its agent and participants), and was reached at it (its date, when the
    Agreement's own clause gives none)."""
    last: Fact | None = None
    for f in sorted(events, key=lambda f: f.trigger.start if f.trigger else 0):
        if f.kind == "Meeting" and f.factuality is None:
            last = f
            continue
        parties = f.roles.get("participant", [])
        if f.kind != "Agreement" or last is None or any(
                not isinstance(p, str) for p in parties) or not all(
                    p.split() and p.split()[-1].lower() in both_sides for p in parties):
            continue
        met = list(dict.fromkeys(v for r in ("agent", "participant")
                                 for v in last.roles.get(r, [])
                                 if isinstance(v, (Mention, str))))
        if len(met) >= 2 and any(isinstance(v, Mention) for v in met):
            f.roles["participant"] = met
            if not f.roles.get("date") and last.roles.get("date"):
                f.roles["date"] = list(last.roles["date"])  # agreed at that sitting
