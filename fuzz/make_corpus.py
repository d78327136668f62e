#!/usr/bin/env python3
"""Builds fuzz/corpus/<target>/ from the project's samples and test fixtures.

Run from anywhere: python3 fuzz/make_corpus.py. The corpus is committed; run
this again only to refresh it deliberately (libFuzzer adds its own finds to
build/fuzz/corpus/, never to the committed one).
"""
import json
import pathlib
import shutil

top = pathlib.Path(__file__).resolve().parent.parent
data = top / "tests" / "data"
out = top / "fuzz" / "corpus"


def target(name):
    d = out / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


def put(d, name, content):
    (d / name).write_bytes(content if isinstance(content, bytes) else content.encode())


def copy(d, *paths):
    for p in paths:
        put(d, p.name, p.read_bytes())


def lines(p):
    return [l for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


# Article JSON: the fixtures whole, each line alone, an array and an object spread over lines.
d = target("fuzz_article_json")
copy(d, *sorted((data / "articles").glob("*.jsonl")))
for i, l in enumerate(lines(data / "articles" / "two.jsonl")):
    put(d, f"two-line-{i + 1}.json", l)
    put(d, f"two-line-{i + 1}-pretty.json", json.dumps(json.loads(l), indent=2, ensure_ascii=False))
put(d, "two-array.json", "[" + ",\n".join(lines(data / "articles" / "two.jsonl")) + "]\n")
put(d, "fields.json", '{"id":"a1","url":"https://example.org/a1","source":"Example","title":"  Talks  resume ",'
    '"authors":["Ann Lee"],"published":"2024-09-10T19:59:00+03:00","language":"en","body":["First.","Second."]}\n')
put(d, "paragraphs.json", '{"id":"r","paragraphs":[{"text":"Body.","role":"body"},{"text":"A photo.","role":"caption"},'
    '"plain"],"topic":{"tags":["a","b"]},"rank":3}\n')
put(d, "feed-item.json", '{"id":"w","title":"T \\"quoted\\" \\\\ back","authors":["A","B"],"published":"2024-09-10",'
    '"parent":"page","feed_time":"02:27","paragraphs":[{"text":"Line\\u2028with separator","role":"feed"}]}\n')
put(d, "no-id.jsonl", '{"body":"One.\\n\\nTwo\\nlines."}\n{"text":"Three."}\n')

# Pages saved as text, and as HTML.
d = target("fuzz_text_page")
copy(d, *sorted((data / "pages").glob("*.txt")), data / "cli" / "plain.txt", *sorted((top / "samples").glob("*.txt")))
d = target("fuzz_html_page")
copy(d, *sorted((data / "pages").glob("*.html")))
for p in sorted((data / "pages" / "bylines").glob("*.html")):
    put(d, "bylines-" + p.name, p.read_bytes())

# Temporal expressions: "REFERENCE\nTEXT", one file per sentence of the dates fixture.
d = target("fuzz_time_expressions")
for i, l in enumerate(lines(data / "dates" / "news-dates.jsonl")):
    r = json.loads(l)
    put(d, f"news-dates-{i + 1:02}.txt", r["ref"] + "\n" + r["text"])
for i, l in enumerate(lines(data / "cli" / "records.jsonl")):
    try:
        r = json.loads(l)
    except ValueError:
        continue  # the fixture's broken line on purpose
    if not isinstance(r.get("text"), str):
        continue
    put(d, f"records-{i + 1}.txt", (r["ref"] + "\n" if "ref" in r else "") + r["text"])

# Lexicons: the reader tests' fixtures (good and bad), and slices of the shipped lexicon.
d = target("fuzz_lexicon_json")
copy(d, *sorted((data / "lexicon").glob("*.json")), *sorted((data / "cli").glob("*.json")))
for name in ("countries", "organisations", "agents", "people"):
    doc = json.loads((top / "data" / "lexicon" / f"{name}.json").read_text(encoding="utf-8"))
    doc["entries"] = doc["entries"][:6]
    put(d, f"data-{name}-head.json", json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
d = target("fuzz_lexicon_tabari")
copy(d, *sorted((data / "lexicon").glob("*.txt")))

# Verb dictionaries: the reader tests' fixtures, and the shipped dictionary's
# synsets (its first 300 lines) with its first blocks (lines 709 to 1000).
d = target("fuzz_verb_dictionary")
copy(d, *sorted((data / "verbs").glob("*.txt")))
cameo = top / "data" / "petrarch" / "CAMEO.2.0.txt"
if cameo.exists():
    cameo_lines = cameo.read_text(encoding="utf-8").splitlines(keepends=True)
    put(d, "data-CAMEO.2.0-excerpt.txt", "".join(cameo_lines[:300] + cameo_lines[708:1000]))

# Events: the fixtures' lines alone and a few files whole.
d = target("fuzz_event_json")
copy(d, data / "events" / "seed-like.jsonl", data / "graph" / "names.jsonl")
for src in ("golden/seed.events.jsonl", "graph/reports.jsonl", "query/paths.jsonl"):
    for i, l in enumerate(lines(data / src)[:8]):
        put(d, f"{pathlib.Path(src).stem.replace('.', '-')}-{i + 1:02}.json", l + "\n")

for t in sorted(out.iterdir()):
    files = list(t.iterdir())
    print(f"{t.name}: {len(files)} files, {sum(f.stat().st_size for f in files)} bytes")
