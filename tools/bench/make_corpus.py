#!/usr/bin/env python3
"""Generates a large, realistic news corpus for the extraction benchmark.

Articles (JSON Lines, the article format of DESIGN.md) of 8-25 sentences
written from templates: reported speech ("X said", "according to X", quotes),
active and passive voice, possessives and nominalisations ("Russia's strike on
Kharkiv Oblast"), "X asks to join Y", "X receives Y from Z", coordinated
actors, time expressions ("on Oct. 8", "in July", "last Tuesday"), captions and
sentences with no event in them. Actors come from the project's lexicon
(data/lexicon/*.json) and verbs and nouns from data/triggers.json.

The output is deterministic: the same options give the same bytes, on any
machine and any Python 3 (random.Random with an integer seed, lexicon entries
taken in file order, no set or hash ordering anywhere).

    tools/bench/make_corpus.py --mb 50 -o build/bench/corpus.jsonl
    tools/bench/make_corpus.py --articles 1000 --seed 7 -o small.jsonl

Prints "articles N", "sentences N", "bytes N" (and writes them as JSON to
FILE.stats.json beside the corpus). Sentences are counted as they are
generated: the headline counts as one, every body and caption sentence as one.
"""

import argparse
import datetime
import json
import os
import random
import sys

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# Countries that the news names most; they get most of the weight, the other
# ISO countries appear now and then, as they do in a real feed.
MAJOR = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "PRK", "KOR", "JPN",
         "IND", "TUR", "SAU", "PSE", "SYR", "LBN", "YEM", "POL", "BLR", "TWN", "PAK", "AFG",
         "IRQ", "EGY", "QAT", "ITA", "CAN", "AUS", "VEN", "CUB", "SDN", "ETH", "MLI", "NGA",
         "BRA", "MEX", "ZAF", "HUN", "GEO", "ARM", "AZE", "MDA", "LTU", "EST", "LVA", "FIN", "SWE"]

OBJECTS = ["weapons", "ammunition", "artillery shells", "drones", "ballistic missiles",
           "dual-use goods", "machine tools", "fuel", "grain", "military technology",
           "air defence systems", "tanks", "spare parts", "microelectronics", "loans",
           "humanitarian aid", "medical supplies", "electricity", "gas", "satellite imagery"]

PLURAL_OBJECTS = [o for o in OBJECTS if o.endswith("s") and o != "gas"]

GOALS = ["end the war", "release the hostages", "allow inspectors into the site",
         "halt the offensive", "withdraw its troops", "reopen the border crossing",
         "respect the ceasefire", "stop the shipments", "return to the talks",
         "lift the blockade", "investigate the incident", "free the detained journalists"]

FILLER = [
    "The ministry did not immediately respond to a request for comment.",
    "It was not immediately clear how many people were affected.",
    "Markets in {city} closed slightly higher on the news.",
    "The report, which runs to more than {n} pages, has not been made public.",
    "Temperatures in {city} fell below freezing overnight.",
    "Analysts remain divided over what the move means for the region.",
    "The figures could not be independently verified.",
    "Officials spoke on condition of anonymity because they were not authorised to brief the press.",
    "The talks are expected to continue next week.",
    "Traffic was diverted around the city centre for several hours.",
    "The video, posted on social media, has been viewed more than {n},000 times.",
    "This is a developing story and will be updated.",
    "Inflation in the country reached {n} percent last year.",
    "The harvest is expected to be smaller than usual this year.",
    "More than {n} journalists attended the briefing in {city}.",
    "The building, completed in 19{n2}, houses several government offices.",
    "Residents queued for water and bread in {city}.",
    "Read more: what we know so far.",
    "The exchange rate has fallen by {n} percent since January.",
    "Power was restored to most homes by the evening.",
]

OUTLETS = ["Reuters", "the Associated Press", "Politico", "the Financial Times", "Bloomberg",
           "the BBC", "Al Jazeera", "Le Monde", "Der Spiegel", "the Kyiv Independent",
           "the New York Times", "The Washington Post", "Nikkei Asia", "Yonhap", "Interfax"]

PHOTO = ["Getty Images", "AFP via Getty Images", "Reuters", "AP Photo", "Anadolu via Getty Images",
         "VCG via Getty Images", "EPA-EFE", "Bloomberg via Getty Images"]

PHOTOGRAPHERS = ["Chen Boyuan", "Sergei Supinsky", "Maria Novak", "Ahmad Gharabli", "Jim Watson",
                 "Ludovic Marin", "Kim Hong-Ji", "Genya Savilov", "Tetiana Dzhafarova", "Omar Haj Kadour"]

SOURCES = ["Kyiv Post", "Daily Wire", "World Report", "Global Desk", "The Monitor", "Eastern Herald",
           "Pacific Times", "The Ledger"]

REPORT_NOUNS = ["officials", "a spokesperson", "a senior official", "diplomats", "the ministry",
                "state media", "a statement", "a source familiar with the matter"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

VOWELS = "aeiou"
# Two-syllable verbs stressed on the last syllable double their final consonant.
DOUBLE_FINAL = {"transfer", "confer", "permit", "admit", "commit", "submit", "control", "patrol", "equip", "expel",
                "compel", "refer", "prefer", "occur", "regret", "rebel", "propel", "repel"}


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# --- Verb forms -------------------------------------------------------------

def doubles(word):
    if word in DOUBLE_FINAL:
        return True
    if len(word) < 3 or word[-1] in "wxy" + VOWELS:
        return False
    if not (word[-2] in VOWELS and word[-3] not in VOWELS):
        return False
    groups = 0
    prev = False
    for ch in word:
        v = ch in VOWELS
        if v and not prev:
            groups += 1
        prev = v
    return groups == 1


def regular_forms(w):
    """3rd person singular, past, past participle, -ing of a regular verb."""
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = w + "es"
    elif w.endswith("y") and w[-2] not in VOWELS:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    if w.endswith("e"):
        past = w + "d"
    elif w.endswith("y") and w[-2] not in VOWELS:
        past = w[:-1] + "ied"
    elif doubles(w):
        past = w + w[-1] + "ed"
    else:
        past = w + "ed"
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        ing = w[:-1] + "ing"
    elif doubles(w):
        ing = w + w[-1] + "ing"
    else:
        ing = w + "ing"
    return [third, past, past, ing]


class Verb:
    """A verb lemma (possibly several words: "call on", "ask to join") and its forms."""

    def __init__(self, lemma, irregular):
        head, _, rest = lemma.partition(" ")
        forms = irregular.get(head) or regular_forms(head)
        tail = " " + rest if rest else ""
        self.lemma = lemma
        self.third, self.past, self.participle, self.ing = (f + tail for f in forms)


# --- Lexicon ----------------------------------------------------------------

class Lexicon:
    def __init__(self, top):
        lex = os.path.join(top, "data", "lexicon")
        countries = load_json(os.path.join(lex, "countries.json"))["entries"]
        people = load_json(os.path.join(lex, "people.json"))["entries"]
        orgs = load_json(os.path.join(lex, "organisations.json"))["entries"]
        subs = load_json(os.path.join(lex, "subdivisions.json"))["entries"]
        triggers = load_json(os.path.join(top, "data", "triggers.json"))

        self.countries = [c for c in countries if c.get("adjectives")]
        self.country_by_code = {c["code"]: c for c in countries}
        major = [self.country_by_code[c] for c in MAJOR if c in self.country_by_code]
        # Major countries are three quarters of the country mentions.
        self.country_pool = major * max(1, 3 * len(self.countries) // max(1, len(major))) + self.countries
        self.people = [p for p in people if p.get("roles")]
        self.people_on = {}  # publication day -> people in a role that day
        self.orgs = orgs
        self.joinable = [o for o in orgs if o["kind"] == "organisation" and o["id"] == o["code"]]
        self.places = {}
        for s in subs:
            self.places.setdefault(s["code"], []).append(s)
        self.all_places = subs

        irregular = triggers.get("forms", {})
        self.frames = {}     # frame -> [(entry, Verb)]
        self.nouns = []      # (entry, noun)
        self.phrases = []
        for e in triggers["entries"]:
            for v in e.get("verbs", []):
                self.frames.setdefault(e["frame"], []).append((e, Verb(v, irregular)))
            for n in e.get("nouns", []):
                self.nouns.append((e, n))
            for p in e.get("phrases", []):
                self.phrases.append((e, p))
        self.speech = [v for _, v in self.frames.get("speech", [])]
        # The common reporting verbs, weighted as the news uses them.
        common = [v for v in self.speech if v.lemma in ("say", "tell", "claim", "announce", "confirm", "state")]
        self.reporting = common * 6 + self.speech
        self.attack_nouns = [n for e, n in self.nouns if e["type"] == "assault"]
        self.verbs_of = {}
        for frame, pairs in self.frames.items():
            for e, v in pairs:
                self.verbs_of.setdefault(e["type"], []).append(v)


# --- Text -------------------------------------------------------------------

PLURAL_HEADS = {"officials", "troops", "forces", "diplomats", "authorities", "lawmakers", "banks",
                "media", "Taliban", "Houthis"}


def plural(np):
    """Whether a subject noun phrase takes a plural verb (a guess good enough for templates)."""
    return " and " in np or np.rstrip(",").split(" ")[-1] in PLURAL_HEADS


def tidy(sentence):
    """Mends the punctuation that templates put side by side (an appositive's comma before another)."""
    for a, b in ((",,", ","), (",.", "."), (",\u201d", ",\u201d"), (", ,", ",")):
        sentence = sentence.replace(a, b)
    return sentence


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def possessive(s):
    return s + "'" if s.endswith("s") else s + "'s"


class Writer:
    """Writes one article's sentences; knows its publication date and actors."""

    def __init__(self, rng, lex, published):
        self.r = rng
        self.lex = lex
        self.pub = published
        self.day = published.isoformat()
        self.people_now = lex.people_on.get(self.day)
        if self.people_now is None:
            self.people_now = lex.people_on[self.day] = [p for p in lex.people if self.role_on(p) is not None]

    def role_on(self, person):
        day = self.day
        for role in person["roles"]:
            if role.get("start", "0000") <= day and day < role.get("end", "9999"):
                return role
        return None

    # Actors ------------------------------------------------------------------

    def country(self):
        return self.r.choice(self.lex.country_pool)

    def country_name(self, c, formal=False):
        r = self.r.random()
        if r < 0.70 or formal:
            name = c["name"]
        elif r < 0.85:
            name = self.r.choice(c["names"])
        else:
            name = self.r.choice(c.get("metonyms") or [c["name"]])
        if c["code"] in ("USA", "GBR") and name in ("United States", "United Kingdom"):
            name = "the " + name
        return name

    def country_agent(self, c):
        adj = c["adjectives"][0]
        noun = self.r.choice(["officials", "troops", "forces", "diplomats", "authorities",
                              "lawmakers", "state media", "intelligence officials", "banks",
                              "the government", "the military"])
        if noun.startswith("the "):
            return "the " + adj + " " + noun[4:]
        return adj + " " + noun

    def person(self):
        pool = self.people_now or self.lex.people
        p = self.r.choice(pool)
        role = self.role_on(p) or p["roles"][-1]
        name = p["name"]
        r = self.r.random()
        owner = self.lex.country_by_code.get(role["code"])
        if r < 0.45 and owner and owner.get("adjectives"):
            return owner["adjectives"][0] + " " + role["title"] + " " + name
        if r < 0.60 and owner:
            return name + ", " + possessive(self.country_name(owner, formal=True)) + " " + role["title"].lower() + ","
        if r < 0.75:
            return role["title"] + " " + name
        return self.r.choice(p.get("names") or [p["name"]])

    def org(self, joinable=False):
        o = self.r.choice(self.lex.joinable if joinable else self.lex.orgs)
        names = o.get("names") or [o["name"]]
        return names[0] if self.r.random() < 0.7 else self.r.choice(names)

    def actor(self, allow_coord=True):
        r = self.r.random()
        if allow_coord and r < 0.07:
            a, b = self.actor(False), self.actor(False)
            return a + self.r.choice([" and ", " and ", " or "]) + b
        if r < 0.50:
            return self.country_name(self.country())
        if r < 0.65:
            return self.country_agent(self.country())
        if r < 0.85:
            return self.person()
        return self.org()

    def place(self, country=None):
        places = self.lex.places.get(country["code"]) if country else None
        p = self.r.choice(places or self.lex.all_places)
        return self.r.choice(p.get("names") or [p["name"]])

    def city(self):
        c = self.country()
        return (c.get("metonyms") or [c["name"]])[0]

    # Time ----------------------------------------------------------------------

    def when(self):
        r = self.r.random()
        d = self.pub - datetime.timedelta(days=self.r.randint(0, 40))
        if r < 0.30:
            return ""
        if r < 0.45:
            return "on " + WEEKDAYS[d.weekday()]
        if r < 0.58:
            return "on " + MONTH_ABBR[d.month - 1] + " " + str(d.day)
        if r < 0.66:
            return "on " + MONTHS[d.month - 1] + " " + str(d.day) + ", " + str(d.year)
        if r < 0.74:
            return "in " + MONTHS[d.month - 1]
        if r < 0.80:
            return "last " + self.r.choice(WEEKDAYS + ["week", "month", "year"])
        if r < 0.85:
            return "earlier this " + self.r.choice(["week", "month", "year"])
        if r < 0.90:
            return self.r.choice(["two", "three", "several", "four"]) + " days ago"
        if r < 0.94:
            return self.r.choice(["yesterday", "overnight", "this morning", "on Tuesday night"])
        if r < 0.97:
            return "in " + str(d.year - self.r.randint(0, 3))
        first = self.r.randint(0, 9)
        return "between " + MONTHS[first] + " and " + MONTHS[first + self.r.randint(1, 2)]

    def dated(self, clause):
        w = self.when()
        if not w:
            return clause
        if self.r.random() < 0.2:
            return w + ", " + clause
        return clause + " " + w

    # Clauses (no final punctuation) -------------------------------------------

    def verb(self, frame):
        return self.r.choice(self.lex.frames[frame])

    def tensed(self, v, plural=False):
        """A verb phrase in a tense, aspect, mode or polarity chosen at random."""
        r = self.r.random()
        if r < 0.45:
            return v.past
        if r < 0.55:
            return v.lemma if plural else v.third
        if r < 0.65:
            return ("have " if plural else "has ") + v.participle
        if r < 0.73:
            return ("are " if plural else "is ") + v.ing
        if r < 0.80:
            return self.r.choice(["will ", "would ", "could ", "may ", "plans to ", "is expected to "]) + v.lemma
        if r < 0.88:
            k = self.r.randrange(4)
            return ["did not " + v.lemma, ("do not " if plural else "does not ") + v.lemma,
                    ("have not " if plural else "has not ") + v.participle, "never " + v.past][k]
        if r < 0.94:
            return "denied that it " + v.past if self.r.random() < 0.5 else "refused to " + v.lemma
        return "threatened to " + v.lemma

    def clause_transitive(self):
        e, v = self.verb("transitive")
        s, t = self.actor(), self.actor()
        r = self.r.random()
        preps = e.get("preps") or []
        if r < 0.20:
            by = "by " + s if self.r.random() < 0.8 else ""
            aux = self.r.choice(["were", "have been", "are being"] if plural(t) else ["was", "was", "has been", "is being"])
            return (t + " " + aux + " " + v.participle + (" " + by if by else "")).strip()
        if e["type"] == "request" and r < 0.55:
            return s + " " + self.tensed(v, plural(s)) + " " + t + " to " + self.r.choice(GOALS)
        if preps and r < 0.35:
            return s + " " + self.tensed(v, plural(s)) + " " + t + " " + self.r.choice(preps) + " " + self.r.choice(["the attack", "its actions", "the incident", "the deal", "human rights abuses", t])
        if e["type"] == "assault" and r < 0.7:
            tc = self.country()
            return s + " " + self.tensed(v, plural(s)) + " " + self.place(tc) + ", " + self.r.choice(
                ["killing", "wounding", "injuring"]) + " " + str(self.r.randint(2, 60)) + " people"
        return s + " " + self.tensed(v, plural(s)) + " " + t

    def clause_give(self):
        e, v = self.verb("give")
        s, t = self.actor(), self.actor()
        obj = self.r.choice(OBJECTS)
        r = self.r.random()
        if r < 0.40:
            return s + " " + self.tensed(v, plural(s)) + " " + obj + " to " + t
        if r < 0.60:
            return s + " " + self.tensed(v, plural(s)) + " " + t + " with " + obj
        if r < 0.75:
            return self.r.choice(PLURAL_OBJECTS) + " " + self.r.choice(["were", "have been", "are being"]) + " " + v.participle + " to " + t + " by " + s
        if r < 0.85:
            c = self.country()
            return c["adjectives"][0] + " " + self.r.choice(PLURAL_OBJECTS) + " " + self.r.choice(["were", "have been"]) + " " + v.participle + " to " + t
        return s + " " + self.tensed(v, plural(s)) + " " + t + " " + obj

    def clause_receive(self):
        e, v = self.verb("receive")
        s, t = self.actor(), self.actor()
        obj = self.r.choice(OBJECTS)
        c = t + " " + self.tensed(v, plural(t)) + " " + obj + " from " + s
        if self.r.random() < 0.3:
            c += " " + self.r.choice(["in exchange for", "in return for"]) + " " + self.r.choice(OBJECTS)
        return c

    def clause_with(self):
        e, v = self.verb("with")
        s, t = self.actor(False), self.actor(False)
        r = self.r.random()
        if r < 0.5:
            return s + " " + self.tensed(v, plural(s)) + " with " + t
        if r < 0.75:
            return s + " and " + t + " " + self.tensed(v, plural=True)
        obj = self.r.choice(["an agreement", "a deal", "a memorandum", "a treaty", "a trade pact"])
        return s + " " + self.tensed(v, plural(s)) + " " + obj + " with " + t

    def clause_intransitive(self):
        e, v = self.verb("intransitive")
        s = self.actor()
        preps = e.get("preps") or []
        if preps and self.r.random() < 0.75:
            tc = self.country()
            target = self.place(tc) if self.r.random() < 0.3 else self.actor()
            return s + " " + self.tensed(v, plural(s)) + " " + self.r.choice(preps) + " " + target
        return s + " " + self.tensed(v, plural(s))

    def clause_complement(self):
        e, v = self.verb("complement")
        s = self.country_name(self.country())
        o = self.org(joinable=True)
        if "join" in v.lemma:
            return s + " " + self.tensed(v) + " " + o
        return s + " " + self.tensed(v) + " in " + o

    def clause_noun(self):
        e, n = self.r.choice(self.lex.nouns)
        s, t = self.actor(False), self.actor(False)
        r = self.r.random()
        preps = e.get("preps") or ["for"]
        if e["type"] == "assault" or r < 0.15:
            tc = self.country()
            noun = self.r.choice(self.lex.attack_nouns)
            if self.r.random() < 0.5:
                return possessive(self.country_name(self.country())) + " " + noun + " on " + self.place(tc) + " " + self.r.choice(
                    ["killed", "wounded", "injured"]) + " " + str(self.r.randint(1, 80)) + " people"
            return "the " + noun + " by " + s + " on " + self.place(tc) + " " + self.r.choice(
                ["damaged a power plant", "destroyed several homes", "hit a railway station", "left thousands without power"])
        if r < 0.45:
            return possessive(s) + " " + n + " " + self.r.choice(preps) + " " + t + " " + self.r.choice(
                ["drew criticism", "was welcomed", "came as a surprise", "followed weeks of tension", "was the first in years"])
        if r < 0.70 or e["type"] not in ("consult", "cooperate", "agree"):
            return s + " " + self.r.choice(["announced", "unveiled", "confirmed", "ruled out"]) + " " + self.r.choice(
                ["new ", "fresh ", "further ", "a round of ", ""]) + n + " " + self.r.choice(preps) + " " + t
        return "the " + n + " between " + s + " and " + t + " " + self.r.choice(
            ["ended without a deal", "took place behind closed doors", "lasted two days",
             "were postponed" if n.endswith("s") else "was postponed"])

    def clause_event(self):
        r = self.r.random()
        if r < 0.30:
            c = self.clause_transitive()
        elif r < 0.45:
            c = self.clause_give()
        elif r < 0.53:
            c = self.clause_receive()
        elif r < 0.68:
            c = self.clause_with()
        elif r < 0.78:
            c = self.clause_intransitive()
        elif r < 0.82:
            c = self.clause_complement()
        else:
            c = self.clause_noun()
        return self.dated(c)

    # Sentences -------------------------------------------------------------------

    def speaker(self):
        r = self.r.random()
        if r < 0.5:
            return self.person()
        if r < 0.7:
            return self.country_name(self.country())
        if r < 0.85:
            return self.country_agent(self.country())
        return self.org()

    def sentence(self):
        return tidy(self.sentence_raw())

    def said(self):
        v = self.r.choice(self.lex.reporting)
        if v.lemma == "tell":
            return v.past + " " + self.r.choice(["reporters", "journalists", "lawmakers", "state television"])
        return v.past

    def sentence_raw(self):
        r = self.r.random()
        if r < 0.14:
            return self.filler()
        c = self.clause_event()
        if r < 0.45:
            return cap(c) + "."
        sp = self.speaker()
        w = self.when()
        w = " " + w if w else ""
        if r < 0.58:
            return cap(c) + ", " + sp + " " + self.said() + w + "."
        if r < 0.68:
            return cap(sp) + " " + self.said() + w + " that " + c + "."
        if r < 0.76:
            return "According to " + sp + ", " + c + "."
        if r < 0.86:
            return "\u201c" + cap(c) + ",\u201d " + sp + " " + self.said() + w + ", as quoted by " + self.r.choice(OUTLETS) + "."
        if r < 0.92:
            return cap(sp) + " " + self.r.choice(["claimed", "insisted", "denied"]) + " that " + c + ", " + self.r.choice(
                ["calling the reports", "describing the move as", "in what it called"]) + " \u201c" + self.r.choice(
                ["a provocation", "baseless", "an act of aggression", "a step forward", "unacceptable"]) + ".\u201d"
        return cap(c) + ", " + self.r.choice(REPORT_NOUNS) + " " + self.r.choice(["said", "told " + self.r.choice(OUTLETS)]) + "."

    def filler(self):
        return self.r.choice(FILLER).format(city=self.city(), n=self.r.randint(2, 90), n2=self.r.randint(10, 99))

    def caption(self):
        s, t = self.person(), self.person()
        d = self.pub - datetime.timedelta(days=self.r.randint(0, 400))
        place = self.city()
        shot = self.r.choice(PHOTOGRAPHERS) + "/" + self.r.choice(PHOTO)
        if self.r.random() < 0.5:
            return cap(s) + " meets " + t + " in " + place + " on " + MONTHS[d.month - 1] + " " + str(d.day) + ", " + str(d.year) + ". (" + shot + ")"
        return "Smoke rises after " + self.r.choice(self.lex.attack_nouns) + " on " + self.place(self.country()) + " on " + MONTHS[d.month - 1] + " " + str(d.day) + ", " + str(d.year) + ". (" + shot + ")"

    def headline(self):
        c = self.clause_event()
        if self.r.random() < 0.4:
            sp = self.country_name(self.country())
            return tidy(cap(c) + ", " + sp + " says")
        return tidy(cap(c))


def make_article(rng, lex, index):
    start = datetime.date(2015, 1, 1)
    published = start + datetime.timedelta(days=rng.randint(0, 3833))  # to mid-2025
    w = Writer(rng, lex, published)
    n = rng.randint(8, 25)
    sentences = [w.sentence() for _ in range(n)]
    paragraphs = []
    i = 0
    while i < n:
        k = min(n - i, rng.choice([1, 1, 2, 2, 3]))
        paragraphs.append(" ".join(sentences[i:i + k]))
        i += k
    count = n + 1  # and the headline
    art = {"id": "bench-%07d" % index, "source": rng.choice(SOURCES), "title": w.headline(),
           "published": published.isoformat()}
    if rng.random() < 0.3:
        # Some articles come with a photo caption, as paragraphs with roles.
        cap_text = w.caption()
        count += 1
        paras = [{"text": p, "role": "body"} for p in paragraphs]
        paras.insert(rng.randint(0, min(2, len(paras))), {"text": cap_text, "role": "caption"})
        art["paragraphs"] = paras
    else:
        art["body"] = paragraphs
    return art, count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--articles", type=int, help="number of articles")
    size.add_argument("--mb", type=float, help="approximate size in MB (10^6 bytes); default 50")
    ap.add_argument("--seed", type=int, default=20240910)
    ap.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    ap.add_argument("--top", default=TOP, help="source tree holding data/ (default: this one)")
    args = ap.parse_args()
    if args.articles is None and args.mb is None:
        args.mb = 50.0
    limit_bytes = None if args.articles is not None else int(args.mb * 1_000_000)

    lex = Lexicon(args.top)
    rng = random.Random(args.seed)
    out = sys.stdout.buffer if args.output == "-" else open(args.output + ".tmp", "wb")
    articles = sentences = written = 0
    try:
        while True:
            if args.articles is not None and articles >= args.articles:
                break
            if limit_bytes is not None and written >= limit_bytes:
                break
            art, n = make_article(rng, lex, articles + 1)
            line = (json.dumps(art, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            out.write(line)
            written += len(line)
            articles += 1
            sentences += n
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    stats = {"articles": articles, "sentences": sentences, "bytes": written, "seed": args.seed}
    if args.output != "-":
        os.replace(args.output + ".tmp", args.output)
        with open(args.output + ".stats.json", "w", encoding="utf-8") as f:
            json.dump(stats, f)
            f.write("\n")
    print("articles %d\nsentences %d\nbytes %d" % (articles, sentences, written),
          file=sys.stderr if args.output == "-" else sys.stdout)


if __name__ == "__main__":
    main()
