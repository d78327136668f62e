#!/usr/bin/env python3
"""Generate eventgraph's country and subdivision lexicons from ISO 3166.

Reads Debian's iso-codes JSON (ISO 3166-1 and 3166-2) and the hand-curated
supplement data/lexicon-src/countries-extra.json, and writes
data/lexicon/countries.json and data/lexicon/subdivisions.json in the
lexicon format (one entry a line, sorted by id, so that diffs stay readable).

    tools/gen_lexicon.py                 # re-make both generated files
    tools/gen_lexicon.py --check         # exit 1 if they are not up to date
    tools/gen_lexicon.py --reformat F..  # rewrite hand-curated lexicon files
                                         # (organisations, people, agents) in
                                         # the canonical layout

Python 3 standard library only. The output depends only on the inputs: the
same iso-codes version and supplement give the same bytes.
"""

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISO_DIR = Path("/usr/share/iso-codes/json")
SUPPLEMENT = ROOT / "data" / "lexicon-src" / "countries-extra.json"
OUT_DIR = ROOT / "data" / "lexicon"

KEY_ORDER = ["id", "merge", "code", "kind", "name", "agent", "cameo", "names", "adjectives", "metonyms", "roles"]
ROLE_KEY_ORDER = ["title", "code", "start", "end"]

# Single-word subdivision names that are ordinary English words: as bare names
# they would match sentence-initial words and compass points, so they are only
# kept with their type ("Central Region", "Northern Province").
ENGLISH_WORDS = {
    "Bay", "Central", "Centre", "Centre-Nord", "Coast", "Delta", "East", "Eastern", "Est",
    "Lakes", "Littoral", "Male", "Nord", "North", "Northern", "Plateau", "South", "Southern",
    "Unity", "West", "Western", "Victoria", "Pest", "Vas", "Mie", "Saga", "Savanes", "Lagunes",
    "Capital", "Upper", "Lower", "Sud", "Ouest", "Oriental", "Occidental", "Maritime",
    "Island", "Islands", "Mountain", "Highlands", "Orange", "Union",
}

# Type words inside ISO 3166-2 names (romanised), with what news writes instead.
# (regex on the name, English type words to append to the stem, whether the
#  stem alone is a usable name when it is not an adjective form)
SLAVIC_ADJ = re.compile(r"(sk|ck|zk|ch)(a|aja|aya|ij|iy|yy|yj|a)$|(ska|cka|zka|ska)$", re.I)
TYPE_PATTERNS = [
    (re.compile(r"^(?P<stem>.+?) (oblast'?|voblasć|oblysy)$", re.I), ["Oblast", "oblast", "region", "Region"]),
    (re.compile(r"^(?P<stem>.+?) (kraj|kray)$", re.I), ["Krai", "krai", "region"]),
    (re.compile(r"^(?P<stem>.+?) (avtonomnyj|avtonomnyy) okrug$", re.I), ["Autonomous Okrug", "region"]),
    (re.compile(r"^(?P<stem>.+?) avtonomnaja oblast'$", re.I), ["Autonomous Oblast"]),
    (re.compile(r"^(?P<stem>.+?),? Respublika$", re.I), ["Republic"]),
    (re.compile(r"^(?P<stem>.+?) Sheng$"), ["Province", "province"]),
    (re.compile(r"^(?P<stem>.+?) Shi$"), []),
    (re.compile(r"^(?P<stem>.+?) Zizhiqu$"), ["Autonomous Region"]),
    (re.compile(r"^(?P<stem>.+?) SAR$"), []),
    (re.compile(r"^(?P<stem>[^ ]+?)-do$"), ["Province", "province"]),
    (re.compile(r"^(?P<stem>[^ ]+?)-(gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$"), []),
    (re.compile(r"^(?P<stem>.+?) (Province|Region|Governorate|District|Oblast|Prefecture|County|Department|State)$"),
     ["{type_lower}"]),
]

ARABIC_ARTICLE = re.compile(r"^(Al|Ash|As|Ar|An|Ad|At|Az|Ath|Adh|Aḑ|Aş|Aţ|Az̧) (?=\w)")


def fold(text):
    """ASCII-ish spelling: diacritics dropped, curly apostrophes and ayn made plain."""
    text = text.replace("‘", "'").replace("’", "'").replace("ʻ", "'").replace("ʼ", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ə", "e").replace("Ə", "E").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ß", "ss")
    text = text.replace("æ", "ae").replace("Æ", "AE").replace("þ", "th").replace("ð", "d")
    return text


def make_id(text):
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", ascii_text.upper()).strip("_")


def add(names, name):
    name = re.sub(r"\s+", " ", name).strip()
    # A single lower-case word ("city", "wallonne") is a common word, never a name.
    if not name or (" " not in name and name[:1].islower() and "-" not in name):
        return
    if name not in names:
        names.append(name)


def uninvert(name):
    """'Korea, Republic of' -> 'Republic of Korea'; None where the comma is not an inversion."""
    if name.count(",") != 1:
        return None
    head, tail = (p.strip() for p in name.split(","))
    if " and " in tail or " y " in tail or " and " in head:
        return None
    words = tail.split()
    if tail.endswith((" of", " of the", " de", " del", " de la", " di")) or len(words) == 1:
        result = f"{tail} {head}"
        if result.startswith("The "):
            result = "the " + result[4:]
        return result
    return None


def clean_iso_name(raw, add_head=False):
    """ISO name -> (display name, [names]): brackets and parentheses resolved, inversions undone."""
    names = []
    name = raw
    bracket = re.search(r"\s*\[(?P<alt>[^\]]*)\]", name)
    alternative = None
    if bracket:
        alternative = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", bracket.group("alt")).strip()
        name = (name[: bracket.start()] + name[bracket.end():]).strip()
    paren = re.search(r"\s*\((?P<inner>[^)]*)\)", name)
    inner = None
    if paren:
        inner = paren.group("inner").strip()
        name = re.sub(r"\s+", " ", name[: paren.start()] + " " + name[paren.end():]).strip()
        if raw.count("(") == 1 and not raw.rstrip().endswith(")"):
            add(names, raw)  # "Cocos (Keeling) Islands" is written that way too
    display = name
    if "," in name:
        inverted = uninvert(name)
        if inverted:
            display = inverted
            add(names, inverted)
        elif " and " in name or " y " in name or add_head:
            add(names, name)  # a list ("Bonaire, Sint Eustatius and Saba"), not an inversion
        if inverted and add_head:
            head = name.split(",")[0].strip()
            add(names, head)  # "Bristol, City of" is also "Bristol"
    else:
        add(names, name)
    if alternative:
        for alt in alternative.split(";"):
            if alt.strip()[:1].isupper():  # "[city]" is a note on the name, not a name
                add(names, alt)
    if inner and inner[:1].isupper() and not inner.endswith("part") and inner.lower() != inner:
        add(names, inner)
    return display, names


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def entry_line(entry):
    ordered = {k: entry[k] for k in KEY_ORDER if k in entry}
    unknown = set(entry) - set(KEY_ORDER)
    if unknown:
        raise SystemExit(f"entry {entry.get('id')}: unknown fields {sorted(unknown)}")
    if "roles" in ordered:
        ordered["roles"] = [{k: r[k] for k in ROLE_KEY_ORDER if k in r} for r in ordered["roles"]]
    return json.dumps(ordered, ensure_ascii=False, separators=(", ", ": "))


def render(lexicon, description, entries):
    entries = sorted(entries, key=lambda e: (e["id"], bool(e.get("merge"))))
    head = json.dumps({"lexicon": lexicon, "description": description}, ensure_ascii=False, indent=2)
    lines = [head[: head.rindex("}")].rstrip() + ',\n  "entries": [']
    lines.append(",\n".join("    " + entry_line(e) for e in entries))
    lines.append("  ]\n}\n")
    return "\n".join(lines)


def build_countries(iso1, supp):
    extra = supp["countries"]
    entries = []
    for c in iso1:
        a3 = c["alpha_3"]
        x = extra.get(a3, {})
        names = []
        display, iso_names = clean_iso_name(c["name"])
        for n in iso_names:
            add(names, n)
        for key in ("official_name", "common_name"):
            if key in c:
                if "," in c[key]:
                    inverted = uninvert(c[key])
                    if inverted:
                        add(names, inverted)
                else:
                    add(names, c[key])
        for n in x.get("names", []):
            add(names, n)
        for n in x.get("drop_names", []):
            if n in names:
                names.remove(n)
        name = x.get("name") or c.get("common_name") or display
        entry = {"id": a3, "code": a3, "kind": "country", "name": name, "names": names}
        if x.get("adjectives"):
            entry["adjectives"] = list(dict.fromkeys(x["adjectives"]))
        if x.get("metonyms"):
            entry["metonyms"] = list(dict.fromkeys(x["metonyms"]))
        entries.append(entry)
    unknown = set(extra) - {c["alpha_3"] for c in iso1}
    if unknown:
        raise SystemExit(f"{SUPPLEMENT}: countries not in ISO 3166-1: {sorted(unknown)}")
    return entries


def subdivision_names(sub, extra):
    """Display name and names of one ISO 3166-2 subdivision."""
    display, base_names = clean_iso_name(sub["name"], add_head=True)
    names = []
    for n in base_names:
        for variant in (n, fold(n)):
            add(names, variant)
            if variant.endswith("'") and not variant.endswith("''"):
                add(names, variant.rstrip("'"))
            stripped = ARABIC_ARTICLE.sub("", variant)
            if stripped != variant and stripped not in ENGLISH_WORDS:
                add(names, stripped)
    # type words: "Sumska oblast" -> "Sumska Oblast", "Anhui Sheng" -> "Anhui", "Anhui Province"
    for n in list(names):
        for pattern, english in TYPE_PATTERNS:
            m = pattern.match(n)
            if not m:
                continue
            stem = m.group("stem").rstrip(",")
            adjectival = bool(SLAVIC_ADJ.search(stem))
            if not adjectival and stem not in ENGLISH_WORDS:
                add(names, stem)
            if adjectival:
                english = english[:1]  # "Sumska Oblast"; the English "Sumy region" comes from the supplement
            for t in english:
                if t == "{type_lower}":
                    add(names, f"{stem} {n.rsplit(' ', 1)[1].lower()}")
                elif t == "Republic" and not adjectival:
                    add(names, f"Republic of {stem}")
                    add(names, f"{stem} Republic")
                elif t != "Republic":
                    add(names, f"{stem} {t}")
            break
    # bare English words only with their type: "Central" -> "Central Region"
    for n in list(names):
        if n in ENGLISH_WORDS:
            names.remove(n)
            add(names, f"{n} {sub['type']}")
    stems = extra.get("stem", [])
    kind_words = extra.get("types", ["Oblast", "oblast", "region", "Region"])
    for stem in stems:
        # The city a region is named after ("Kharkiv", "Sumy") stands for it: the
        # lexicon has no cities of its own, and the country is the same.
        if stem not in ENGLISH_WORDS:
            add(names, stem)
        for t in kind_words:
            add(names, f"{stem} {t}")
    for n in extra.get("names", []):
        add(names, n)
    name = extra.get("name") or (f"{stems[0]} {kind_words[0]}" if stems else display)
    if name in ENGLISH_WORDS:
        name = f"{name} {sub['type']}"
    return name, names


def build_subdivisions(iso1, iso2, supp, country_names, ids=None):
    """The subdivision entries; `ids`, if given, is filled with ISO 3166-2 code -> entry id."""
    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in iso1}
    extra = supp.get("subdivisions", {})
    unknown = set(extra) - {s["code"] for s in iso2}
    if unknown:
        raise SystemExit(f"{SUPPLEMENT}: subdivisions not in ISO 3166-2: {sorted(unknown)}")
    entries = []
    for sub in sorted(iso2, key=lambda s: s["code"]):
        a3 = a2_to_a3[sub["code"].split("-")[0]]
        x = extra.get(sub["code"], {})
        name, names = subdivision_names(sub, x)
        # A name that is a country's ("Georgia", "Luxembourg", "Guadeloupe") stays the
        # country's: the subdivision keeps only its qualified names.
        names = [n for n in names if n not in country_names or n in x.get("names", [])]
        for n in x.get("drop_names", []):
            if n in names:
                names.remove(n)
        entry = {"id": f"{a3}.{make_id(name)}", "code": a3, "kind": "place", "name": name, "_type": sub["type"],
                 "_iso": sub["code"]}
        if names:
            entry["names"] = names
        entries.append(entry)
    # Unique ids: duplicates within a country take their ISO type, then their ISO code.
    by_id = {}
    for e in entries:
        by_id.setdefault(e["id"], []).append(e)
    for same in by_id.values():
        if len(same) > 1:
            for e in same:
                e["id"] = f"{e['id']}_{make_id(e['_type'])}"
    by_id = {}
    for e in entries:
        by_id.setdefault(e["id"], []).append(e)
    for same in by_id.values():
        if len(same) > 1:
            for e in same:
                e["id"] = f"{e['id']}_{make_id(e['_iso'].split('-', 1)[1])}"
    for place in supp.get("places", []):
        entries.append(dict(place, kind="place"))
    for e in entries:
        e.pop("_type", None)
        iso = e.pop("_iso", None)
        if ids is not None and iso:
            ids[iso] = e["id"]
    return entries


COUNTRIES_DESCRIPTION = (
    "Every ISO 3166-1 country and territory (id and code: alpha-3). GENERATED by tools/gen_lexicon.py "
    "from Debian iso-codes {version} (iso_3166-1.json) and data/lexicon-src/countries-extra.json; "
    "do not edit by hand: edit the supplement and re-run the script. name: the supplement's display "
    "name where ISO's is inverted ('Korea, Republic of'), else ISO common_name, else ISO name. "
    "names: ISO name (inversions undone), official_name, common_name, and the supplement's common "
    "names; adjectives (adjectives and demonyms, plurals included) and metonyms (capitals, seats of "
    "government) come from the supplement."
)
SUBDIVISIONS_DESCRIPTION = (
    "Every ISO 3166-2 subdivision as a place (code: its country's alpha-3; id: CCC.NAME from its "
    "display name, duplicates within a country suffixed with their ISO type, then their ISO code), "
    "plus a few regions news names that ISO 3166-2 lacks (the supplement's 'places': Gaza Strip, "
    "West Bank, Donbas, ...). GENERATED by tools/gen_lexicon.py from Debian iso-codes {version} "
    "(iso_3166-2.json) and data/lexicon-src/countries-extra.json; do not edit by hand. names: the ISO "
    "name, its spelling without diacritics, without a leading Arabic article, with its type word in "
    "English ('Sumska oblast' -> 'Sumska Oblast', 'Anhui Sheng' -> 'Anhui', 'Anhui Province'), and "
    "the supplement's English names ('Sumy Oblast', 'Sumy region'). A subdivision name that is also a "
    "country's name ('Georgia', 'Luxembourg') is left to the country. Bare English words ('Central', "
    "'Northern') only appear with their type ('Central Region')."
)


def iso_version():
    try:
        for line in Path("/var/lib/dpkg/status").read_text(encoding="utf-8").split("\n\n"):
            if line.startswith("Package: iso-codes\n"):
                m = re.search(r"^Version: (.+)$", line, re.M)
                if m:
                    return m.group(1)
    except OSError:
        pass
    return "(version unknown)"


def generate(iso_dir, supplement, version):
    iso1 = load_json(iso_dir / "iso_3166-1.json")["3166-1"]
    iso2 = load_json(iso_dir / "iso_3166-2.json")["3166-2"]
    supp = load_json(supplement)
    countries = build_countries(iso1, supp)
    country_names = set()
    for c in countries:
        country_names.update(c["names"])
        country_names.add(c["name"])
    subdivisions = build_subdivisions(iso1, iso2, supp, country_names)
    return {
        "countries.json": render("countries", COUNTRIES_DESCRIPTION.format(version=version), countries),
        "subdivisions.json": render("subdivisions", SUBDIVISIONS_DESCRIPTION.format(version=version), subdivisions),
    }


def reformat(path):
    data = load_json(path)
    extra = set(data) - {"lexicon", "description", "entries"}
    if extra:
        raise SystemExit(f"{path}: unknown top-level fields {sorted(extra)}")
    text = render(data["lexicon"], data.get("description", ""), data["entries"])
    Path(path).write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--iso-dir", type=Path, default=ISO_DIR, help="directory of iso-codes JSON")
    ap.add_argument("--supplement", type=Path, default=SUPPLEMENT)
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument("--iso-version", default=None, help="iso-codes version for the description")
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    ap.add_argument("--reformat", nargs="+", metavar="FILE", help="rewrite hand-curated lexicon files")
    args = ap.parse_args()
    if args.reformat:
        for f in args.reformat:
            reformat(f)
        return 0
    outputs = generate(args.iso_dir, args.supplement, args.iso_version or iso_version())
    stale = []
    for name, text in outputs.items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run tools/gen_lexicon.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
