#!/usr/bin/env python3
"""Check eventgraph lexicon files (the format of notes/lexicon-format.md).

    tools/check_lexicon.py                    # every data/lexicon/*.json
    tools/check_lexicon.py FILE...            # those files (user lexicons too)

Checks: valid JSON; only the known fields; required fields; ids unique within
a file (and across the files given, unless an entry merges); ids shaped as
their kind wants; every code an ISO 3166-1 alpha-3, an organisation code
defined by an organisation entry (id == code), or one of the CAMEO sector
codes NGO and IMG; agents with code ""; names non-empty, trimmed, not repeated
within an entry; role dates valid YYYY-MM-DD with start <= end; roles of one
person with the same title and code do not overlap. Prints each problem as
FILE: ENTRY-ID: message and exits 1 if there is any.
Python 3 standard library only.
"""

import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISO_3166_1 = Path("/usr/share/iso-codes/json/iso_3166-1.json")

TOP_FIELDS = {"lexicon", "description", "entries"}
ENTRY_FIELDS = {"id", "merge", "code", "kind", "name", "agent", "cameo", "names", "adjectives", "metonyms", "roles"}
ROLE_FIELDS = {"title", "code", "start", "end"}
KINDS = {"country", "person", "organisation", "group", "agent", "place"}
# CAMEO sector codes used as the top affiliation of actors that belong to no
# state and no organisation of their own: NGOs and international militarized groups.
SECTOR_CODES = {"NGO", "IMG"}
ID_SHAPES = {
    "country": re.compile(r"^[A-Z]{3}$"),
    "place": re.compile(r"^[A-Z]{3}\.[A-Z0-9_]+$"),
    "person": re.compile(r"^[A-Z]{3}\.[A-Z0-9_]+$"),
    "agent": re.compile(r"^AGENT\.[A-Z_]+$"),
    "organisation": re.compile(r"^[A-Z0-9_]+(\.[A-Z0-9_]+)?$"),
    "group": re.compile(r"^[A-Z0-9_]+(\.[A-Z0-9_]+)?$"),
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Checker:
    def __init__(self):
        self.problems = []
        self.iso = {c["alpha_3"] for c in json.loads(ISO_3166_1.read_text(encoding="utf-8"))["3166-1"]}

    def problem(self, file, entry_id, message):
        self.problems.append(f"{file}: {entry_id}: {message}")

    def load(self, path):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            self.problem(path, "-", f"not readable JSON: {e}")
            return None
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            self.problem(path, "-", "expected an object with an 'entries' array")
            return None
        for k in set(data) - TOP_FIELDS:
            self.problem(path, "-", f"unknown top-level field '{k}'")
        return data

    def date(self, file, eid, value, what):
        if not isinstance(value, str) or not DATE.match(value):
            self.problem(file, eid, f"{what} '{value}' is not YYYY-MM-DD")
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.problem(file, eid, f"{what} '{value}' is not a calendar date")
            return None

    def check(self, paths):
        loaded = [(p, self.load(p)) for p in paths]
        loaded = [(p, d) for p, d in loaded if d is not None]
        org_codes = set()
        for _, data in loaded:
            for e in data["entries"]:
                if e.get("kind") in ("organisation", "group") and e.get("id") == e.get("code"):
                    org_codes.add(e["id"])
        codes = self.iso | org_codes | SECTOR_CODES
        seen_any = {}
        for path, data in loaded:
            seen = set()
            for i, e in enumerate(data["entries"]):
                eid = e.get("id", f"#{i}") if isinstance(e, dict) else f"#{i}"
                if not isinstance(e, dict):
                    self.problem(path, eid, "entry is not an object")
                    continue
                for k in set(e) - ENTRY_FIELDS:
                    self.problem(path, eid, f"unknown field '{k}'")
                if not isinstance(e.get("id"), str) or not e["id"]:
                    self.problem(path, eid, "missing id")
                    continue
                if eid in seen:
                    self.problem(path, eid, "id repeated in this file")
                seen.add(eid)
                if not e.get("merge"):
                    if eid in seen_any and seen_any[eid] != path:
                        self.problem(path, eid, f"id also defined in {seen_any[eid]}")
                    seen_any.setdefault(eid, path)
                self.entry(path, eid, e, codes)
        return not self.problems

    def entry(self, path, eid, e, codes):
        merge = e.get("merge", False)
        if "merge" in e and e["merge"] is not True:
            self.problem(path, eid, "merge must be true when present")
        if not merge:
            for k in ("code", "kind", "name"):
                if k not in e:
                    self.problem(path, eid, f"missing '{k}'")
        kind = e.get("kind")
        if kind is not None and kind not in KINDS:
            self.problem(path, eid, f"unknown kind '{kind}'")
        if kind in ID_SHAPES and not ID_SHAPES[kind].match(eid):
            self.problem(path, eid, f"id is not shaped as a {kind} id")
        code = e.get("code")
        if kind == "agent":
            if code != "":
                self.problem(path, eid, "an agent's code must be \"\"")
            if not e.get("agent"):
                self.problem(path, eid, "an agent needs 'agent'")
        elif code is not None and code not in codes:
            self.problem(path, eid, f"code '{code}' is neither ISO alpha-3 nor a defined organisation code")
        if kind == "country" and code != eid:
            self.problem(path, eid, "a country's code must be its id")
        if kind in ("place", "person") and code is not None and not eid.startswith(f"{code}.") and kind == "place":
            self.problem(path, eid, "a place's id must start with its code")
        for field in ("names", "adjectives", "metonyms"):
            values = e.get(field, [])
            if not isinstance(values, list):
                self.problem(path, eid, f"{field} must be an array")
                continue
            dup = set()
            for v in values:
                if not isinstance(v, str) or not v.strip():
                    self.problem(path, eid, f"{field}: empty or non-string value {v!r}")
                elif v != v.strip() or "  " in v:
                    self.problem(path, eid, f"{field}: stray whitespace in {v!r}")
                elif v in dup:
                    self.problem(path, eid, f"{field}: '{v}' repeated")
                dup.add(v)
        if not isinstance(e.get("name", ""), str):
            self.problem(path, eid, "name must be a string")
        roles = e.get("roles", [])
        if roles and kind not in (None, "person"):
            self.problem(path, eid, "only people have roles")
        spans = {}
        for r in roles:
            for k in set(r) - ROLE_FIELDS:
                self.problem(path, eid, f"role: unknown field '{k}'")
            if not r.get("title"):
                self.problem(path, eid, "role without title")
            if r.get("code") not in codes:
                self.problem(path, eid, f"role '{r.get('title')}': code '{r.get('code')}' is not defined")
            start = self.date(path, eid, r["start"], "start") if "start" in r else datetime.date.min
            end = self.date(path, eid, r["end"], "end") if "end" in r else datetime.date.max
            if start is None or end is None:
                continue
            if start > end:
                self.problem(path, eid, f"role '{r.get('title')}': start {start} after end {end}")
            spans.setdefault((r.get("title"), r.get("code")), []).append((start, end))
        for (title, code), ranges in spans.items():
            ranges.sort()
            for (s1, e1), (s2, e2) in zip(ranges, ranges[1:]):
                # a role ending on the day the next one starts is a hand-over, not an overlap
                if s2 < e1:
                    self.problem(path, eid, f"roles '{title}' ({code}) overlap: {s1}..{e1} and {s2}..{e2}")


def main():
    paths = sys.argv[1:] or sorted(str(p) for p in (ROOT / "data" / "lexicon").glob("*.json"))
    checker = Checker()
    ok = checker.check(paths)
    for p in checker.problems:
        print(p)
    counts = []
    for p in paths:
        try:
            counts.append(f"{Path(p).name}: {len(json.loads(Path(p).read_text(encoding='utf-8'))['entries'])}")
        except (OSError, ValueError, KeyError, TypeError):
            pass
    print(("ok: " if ok else f"{len(checker.problems)} problem(s); ") + ", ".join(counts), file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
