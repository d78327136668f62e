// The web page's own logic (tools/viewer/src/model.js), run by node's test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const M = require(path.join(__dirname, "../../tools/viewer/src/model.js"));

const day = (value, basis = "explicit") => ({ value, granularity: "day", start: value, end: value, basis });
const month = (value, start, end) => ({ value, granularity: "month", start, end, basis: "relative" });
const actor = (id, name, kind = "country") => ({ id, code: id, name, kind });

// Three actors, two relations, four happenings (one undated).
const data = {
  actors: [actor("CHN", "China"), actor("RUS", "Russia"), actor("NATO", "NATO", "organisation")],
  relations: [
    { source: "CHN", target: "RUS", type: "aid", quad: 2, asserted: true, count: 2, mentions: 3, width: 2.5, happenings: ["h1", "h2"] },
    { source: "NATO", target: "CHN", type: "accuse", quad: 3, asserted: true, count: 2, mentions: 2, width: 2.5, happenings: ["h3", "h4"] },
  ],
  timeline: {
    events: [
      { id: "h1", type: "aid", date: month("2024-07", "2024-07-01", "2024-07-31"), source: actor("CHN", "China"), target: actor("RUS", "Russia") },
      { id: "h2", type: "aid", date: day("2024-09-10"), source: actor("CHN", "China"), target: actor("RUS", "Russia") },
      { id: "h3", type: "accuse", date: day("2024-07-10"), source: actor("NATO", "NATO"), target: actor("CHN", "China") },
      { id: "h4", type: "accuse", date: null, source: actor("NATO", "NATO"), target: actor("CHN", "China") },
    ],
  },
};

test("a day is a point on the timeline, a month a bar over the whole month", () => {
  const point = M.timelineSpan(day("2024-05-15"));
  assert.equal(point.type, "point");
  assert.equal(M.isoDay(point.start), "2024-05-15");
  assert.equal(point.end, null);
  const bar = M.timelineSpan(month("2024-07", "2024-07-01", "2024-07-31"));
  assert.equal(bar.type, "range");
  assert.equal(M.isoDay(bar.start), "2024-07-01");
  assert.equal(M.isoDay(bar.end), "2024-08-01");  // the bar covers July 31 too
  assert.equal(M.timelineSpan(null), null);
});

test("dates read as a person says them, with their granularity", () => {
  assert.equal(M.describeDate(day("2024-05-15")), "15 May 2024 · day, explicit");
  assert.equal(M.describeDate(month("2024-07", "2024-07-01", "2024-07-31")), "July 2024 · month, relative");
  assert.equal(M.describeDate({ value: "2024", granularity: "year", start: "2024-01-01", end: "2024-12-31" }),
    "2024 (2024-01-01 to 2024-12-31) · year");
  assert.equal(M.describeDate(null), "undated");
});

test("the trigger is marked where it first occurs in the sentence, whatever its case", () => {
  assert.deepEqual(M.highlight("China is Supplying Russia.", "supplying"), [
    { text: "China is ", mark: false },
    { text: "Supplying", mark: true },
    { text: " Russia.", mark: false },
  ]);
  assert.deepEqual(M.highlight("Nothing here.", "struck"), [{ text: "Nothing here.", mark: false }]);
  assert.deepEqual(M.highlight("Struck.", "struck"), [{ text: "Struck", mark: true }, { text: ".", mark: false }]);
});

test("the hash keeps the view and reads back the same", () => {
  const state = { actor: "USA.ANTONY_BLINKEN", type: "aid", from: "2024-07-01", to: "2024-09-30", group: "type" };
  const hash = M.formatHash(state);
  assert.equal(hash, "#actor=USA.ANTONY_BLINKEN&type=aid&group=type&from=2024-07-01&to=2024-09-30");
  assert.deepEqual(M.parseHash(hash), state);
  assert.equal(M.formatHash({}), "");
  assert.deepEqual(M.parseHash("#nonsense=1&actor=A%20B"), { actor: "A B" });
});

test("with nothing chosen, every actor, relation and event is shown", () => {
  const v = M.visible(M.index(data), {});
  assert.deepEqual([...v.actors].sort(), ["CHN", "NATO", "RUS"]);
  assert.deepEqual([...v.relations].sort(), ["r0", "r1"]);
  assert.deepEqual(v.happenings, ["h1", "h2", "h3", "h4"]);
});

test("a chosen actor keeps its own events on the timeline; a relation its events", () => {
  const ix = M.index(data);
  assert.deepEqual(M.visible(ix, { actor: "RUS" }).happenings, ["h1", "h2"]);
  assert.deepEqual(M.visible(ix, { actor: "CHN" }).happenings, ["h1", "h2", "h3", "h4"]);
  assert.deepEqual(M.visible(ix, { actor: "CHN", relation: "r1" }).happenings, ["h3", "h4"]);
  assert.equal(M.visible(ix, { actor: "RUS" }).relations.size, 2);  // highlighted, not filtered
});

test("a time window keeps the relations with an event in it, and their actors", () => {
  const ix = M.index(data);
  // September: only China's aid of 10 September; NATO's undated accusation may be any time.
  const sept = M.visible(ix, { from: "2024-09-01", to: "2024-09-30" });
  assert.deepEqual([...sept.relations].sort(), ["r0", "r1"]);
  const ix2 = M.index({ ...data, relations: [data.relations[0], { ...data.relations[1], happenings: ["h3"] }] });
  const sept2 = M.visible(ix2, { from: "2024-09-01", to: "2024-09-30" });
  assert.deepEqual([...sept2.relations], ["r0"]);
  assert.deepEqual([...sept2.actors].sort(), ["CHN", "RUS"]);
  // A month-long event is in any window that touches its month.
  assert.ok(M.inWindow(ix.happenings.get("h1"), "2024-07-31", "2024-08-15"));
  assert.ok(!M.inWindow(ix.happenings.get("h1"), "2024-08-01", "2024-08-15"));
});

test("the type filter holds in the graph and on the timeline", () => {
  const v = M.visible(M.index(data), { type: "accuse" });
  assert.deepEqual([...v.relations], ["r1"]);
  assert.deepEqual([...v.actors].sort(), ["CHN", "NATO"]);
  assert.deepEqual(v.happenings, ["h3", "h4"]);
});

test("actor search finds by name or code, exact matches first", () => {
  const ix = M.index(data);
  assert.deepEqual(M.findActors(ix, "china").map((a) => a.id), ["CHN"]);
  assert.deepEqual(M.findActors(ix, "rus").map((a) => a.id), ["RUS"]);
  assert.deepEqual(M.findActors(ix, "n").map((a) => a.id), ["NATO", "CHN"]);
  assert.deepEqual(M.findActors(ix, "  "), []);
});

test("a tint is the colour mixed with white", () => {
  assert.equal(M.tint("#000000", 0.5), "#808080");
  assert.equal(M.tint("#0072B2", 0), "#0072B2");
  assert.equal(M.tint("#0072B2", 1), "#FFFFFF");
});

test("a happening with a null source is the unknown actor's, ?, and involves its target", () => {
  const withUnknown = {
    actors: [actor("?", "unknown actor", "unknown"), actor("USA", "United States")],
    relations: [{ source: "?", target: "USA", type: "assault", quad: 4, asserted: true, count: 1, mentions: 1, width: 1, happenings: ["u1"] }],
    timeline: { events: [{ id: "u1", type: "assault", date: day("2024-08-03"), source: null, target: actor("USA", "United States") }] },
  };
  const ix = M.index(withUnknown);
  assert.equal(M.sourceId(withUnknown.timeline.events[0]), "?");
  assert.deepEqual(M.visible(ix, { actor: "USA" }).happenings, ["u1"]);
  assert.deepEqual(M.visible(ix, { actor: "?" }).happenings, ["u1"]);
  assert.deepEqual([...M.visible(ix, {}).actors].sort(), ["?", "USA"]);
});

// Places: three happenings in two towns, one in a country's centre, one with none.
const town = (id, name, country, lat, lon, precision = "place") => ({ id, name, country, lat, lon, precision });
const located = {
  actors: [actor("RUS", "Russia"), actor("UKR", "Ukraine"), actor("IRQ", "Iraq")],
  relations: [
    { source: "RUS", target: "UKR", type: "assault", quad: 4, asserted: true, count: 3, mentions: 3, width: 3, happenings: ["p1", "p2", "p3"] },
    { source: "IRQ", target: "IRQ", type: "protest", quad: 3, asserted: true, count: 2, mentions: 2, width: 2.5, happenings: ["p4", "p5"] },
  ],
  timeline: {
    events: [
      { id: "p1", type: "assault", date: day("2024-03-10"), place: town("UKR.POKROVSK", "Pokrovsk", "UKR", 48.28, 37.18), source: actor("RUS", "Russia"), target: actor("UKR", "Ukraine") },
      { id: "p2", type: "assault", date: day("2024-03-11"), place: town("UKR.KHARKIV", "Kharkiv", "UKR", 49.98, 36.25), source: actor("RUS", "Russia"), target: actor("UKR", "Ukraine") },
      { id: "p3", type: "assault", date: day("2024-04-02"), place: town("UKR.POKROVSK", "Pokrovsk", "UKR", 48.28, 37.18), source: actor("RUS", "Russia"), target: actor("UKR", "Ukraine") },
      { id: "p4", type: "protest", date: day("2024-03-12"), place: town("IRQ", "Iraq", "IRQ", 33, 44, "country"), source: actor("IRQ", "Iraq"), target: actor("IRQ", "Iraq") },
      { id: "p5", type: "protest", date: day("2024-03-13"), place: null, source: actor("IRQ", "Iraq"), target: actor("IRQ", "Iraq") },
    ],
  },
};
const placesOf = (v) => Object.fromEntries([...v.places].map(([id, ids]) => [id, ids]));

test("the map shows each place once with every happening there", () => {
  const ix = M.index(located);
  assert.deepEqual([...ix.places.keys()], ["UKR.POKROVSK", "UKR.KHARKIV", "IRQ"]);
  assert.deepEqual(ix.places.get("UKR.POKROVSK").happenings, ["p1", "p3"]);
  assert.equal(ix.places.get("IRQ").precision, "country");
  assert.deepEqual(placesOf(M.visible(ix, {})), { "UKR.POKROVSK": ["p1", "p3"], "UKR.KHARKIV": ["p2"], IRQ: ["p4"] });
});

test("a chosen place puts its happenings on the timeline and keeps every place on the map", () => {
  const ix = M.index(located);
  const v = M.visible(ix, { place: "UKR.POKROVSK" });
  assert.deepEqual(v.happenings, ["p1", "p3"]);
  assert.equal(v.places.size, 3);
  assert.equal(v.relations.size, 2);  // the graph highlights, it does not filter
});

test("a relation, an actor, a type or a time window shows only its places", () => {
  const ix = M.index(located);
  assert.deepEqual(placesOf(M.visible(ix, { relation: "r0" })), { "UKR.POKROVSK": ["p1", "p3"], "UKR.KHARKIV": ["p2"] });
  assert.deepEqual(placesOf(M.visible(ix, { actor: "IRQ" })), { IRQ: ["p4"] });
  assert.deepEqual(placesOf(M.visible(ix, { type: "protest" })), { IRQ: ["p4"] });
  assert.deepEqual(placesOf(M.visible(ix, { from: "2024-03-11", to: "2024-03-31" })), { "UKR.KHARKIV": ["p2"], IRQ: ["p4"] });
  // A relation wins over a place left in the hash.
  assert.deepEqual(M.visible(ix, { relation: "r0", place: "IRQ" }).happenings, ["p1", "p2", "p3"]);
});
