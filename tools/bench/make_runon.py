#!/usr/bin/env python3
"""Writes one article whose middle paragraph has no sentence punctuation.

usage: tools/bench/make_runon.py --bytes N --shape table|names|transcript -o FILE.jsonl [--text FILE.txt]

The shapes are what scrapers hand over: a table's cells run together (an
incident table: day, place, actor, incident, count, reporter), a list of
names, a transcript with no full stops. Every few hundred words an event
sentence without its final period is set in the run ("Russia struck Kharkiv
on March 3"), so the events are there to be found. The output is deterministic (a fixed seed per shape): the same
arguments give the same bytes. --text also writes the article as a page
saved as text.
"""
import argparse, json, random

FIRST = ["Anna", "Oleg", "Mei", "Tomas", "Elsa", "Ivan", "Amina", "Jorge", "Sara", "Kenji",
         "Olena", "Pavel", "Lucia", "Dmitro", "Hana", "Rafael"]
LAST = ["Kowalski", "Lindqvist", "Petrov", "Court", "Marchenko", "Tanaka", "Silva", "Haddad",
        "Novak", "Bekova", "Ortega", "Fischer", "Moreau", "Hrytsak", "Sato", "Rossi"]
PLACES = ["Kharkiv", "Sumy", "Odesa", "Lviv", "Dnipro", "Kherson", "Poltava"]
ACTORS = ["Russia", "Ukraine", "China", "Poland", "Iran", "NATO", "Turkey", "France"]
INCIDENTS = ["strike", "shelling", "talks", "aid", "sanctions", "protest", "drone attack", "visit"]
WORDS = ["the", "um", "we", "were", "there", "and", "then", "people", "came", "out", "of",
         "houses", "you", "know", "it", "was", "very", "loud", "night", "so", "many", "cars",
         "on", "road", "nobody", "expected", "that", "again", "after", "morning", "said",
         "attacked", "met", "Russia", "Ukraine"]
EVENTS = ["Russia struck Kharkiv on March 3",
          "China supplied Russia with drones in July",
          "Ukraine accused Russia of shelling Sumy",
          "NATO condemned the attack on Odesa",
          "the United States imposed sanctions on Iran in June",
          "Turkey hosted talks between Russia and Ukraine"]


def cell(rng, shape):
    if shape == "names":
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if shape == "table":  # a row of an incident table: day, place, who, what, how many, source
        return " ".join([f"{rng.randrange(1, 29)} {rng.choice(['March', 'July', 'June'])} 2024",
                         rng.choice(PLACES), rng.choice(ACTORS), rng.choice(INCIDENTS),
                         str(rng.randrange(1, 1000)), f"{rng.choice(FIRST)} {rng.choice(LAST)}"])
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 9)))


def runon(size, shape):
    rng = random.Random(f"runon-{shape}")
    parts, n, since_event, e = [], 0, 0, 0
    while n < size:
        if since_event >= 300:
            part, since_event = EVENTS[e % len(EVENTS)], 0
            e += 1
        else:
            part = cell(rng, shape)
            since_event += len(part.split())
        parts.append(part)
        n += len(part) + 1
    sep = {"names": ", ", "table": " ", "transcript": " "}[shape]
    return sep.join(parts)[:size].rsplit(" ", 1)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("--shape", choices=["table", "names", "transcript"], default="table")
    ap.add_argument("-o", required=True)
    ap.add_argument("--text")
    args = ap.parse_args()
    title = f"A run-on {args.shape} of {args.bytes} bytes"
    paragraphs = ["Russia struck Kharkiv on Tuesday, officials said.",
                  runon(args.bytes, args.shape),
                  "China supplied Russia with drones, Ukraine said."]
    article = {"id": f"runon-{args.shape}-{args.bytes}", "title": title,
               "published": "2024-09-10", "body": "\n\n".join(paragraphs)}
    with open(args.o, "w", encoding="utf-8") as f:
        f.write(json.dumps(article) + "\n")
    if args.text:
        with open(args.text, "w", encoding="utf-8") as f:
            f.write(title + "\n\nBy Elsa Court\nSeptember 10, 2024\n\n" + "\n\n".join(paragraphs) + "\n")


if __name__ == "__main__":
    main()
