// The page `eventgraph run` writes for the samples, opened in Debian's
// Chromium through Playwright, checked for what a reader sees and does. The
// network is cut: any request that is not for the page's own file fails the test.
//
// Environment (set by tests/CMakeLists.txt): EVENTGRAPH_BINARY,
// EVENTGRAPH_SOURCE_DIR, EVENTGRAPH_TEST_TMP, CHROMIUM; NODE_PATH finds playwright-core.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { launchChromium } = require("../../tools/viewer/launch.cjs");

const source = process.env.EVENTGRAPH_SOURCE_DIR;
const out = path.join(process.env.EVENTGRAPH_TEST_TMP, "viewer-samples");
fs.rmSync(out, { recursive: true, force: true });
execFileSync(process.env.EVENTGRAPH_BINARY, ["run", path.join(source, "samples"), "-o", out], { stdio: "pipe" });
const page_file = path.join(out, "index.html");
const timeline = JSON.parse(fs.readFileSync(path.join(out, "timeline.json"), "utf8"));
const graphml = fs.readFileSync(path.join(out, "graph.graphml"), "utf8");
const happenings = timeline.events;
const dated = happenings.filter((h) => h.date);
const involves = (h, id) => (h.source && h.source.id === id) || (h.target && h.target.id === id);

let browser;
const problems = [];  // console errors, page errors, requests that left the machine

async function openFile(file, hash = "") {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`request to ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto("file://" + file + hash);
  await page.waitForFunction(() => window.eventgraphViewer && window.eventgraphViewer.ready, null, { timeout: 30000 });
  return page;
}
const open = (hash = "") => openFile(page_file, hash);

// Timeline entries drawn on screen (a point or a bar each; not their dots).
const drawnItems = (page) => page.$$eval("#timeline .vis-item.vis-point, #timeline .vis-item.vis-range, #timeline .vis-item.vis-box",
  (items) => items.map((i) => i.textContent.trim()));

async function clickNode(page, id) {
  const box = await page.locator("#graph").boundingBox();
  const p = await page.evaluate((id) => eventgraphViewer.cy.getElementById(id).renderedPosition(), id);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  if (browser) await browser.close();
});

test("the page shows every actor in the graph and every dated event on the timeline", async () => {
  const page = await open();
  const nodes = (graphml.match(/<node id=/g) || []).length;
  assert.ok(nodes > 3);
  assert.equal((await page.evaluate(() => eventgraphViewer.shownActors())).length, nodes);
  assert.equal((await drawnItems(page)).length, dated.length);
  const reports = happenings.reduce((n, h) => n + h.mentions, 0);
  assert.match(await page.textContent("#counts"), new RegExp(`^${happenings.length} events \\(${reports} reports\\) · ${nodes} actors · `));
  // July 2024 is a bar over July, not a point on the 1st.
  const month = dated.find((h) => h.date.granularity === "month");
  assert.ok(month, "the samples have an event dated by its month");
  const bar = page.locator("#timeline .vis-item.vis-range", { hasText: month.headline }).first();
  assert.ok(await bar.isVisible());
  assert.equal(await page.title(), "eventgraph: samples");
  await page.context().close();
});

test("clicking an actor filters the timeline to its events and says who it is", async () => {
  const page = await open();
  await clickNode(page, "IRN");
  await page.waitForFunction(() => eventgraphViewer.state.actor === "IRN");
  const expected = dated.filter((h) => involves(h, "IRN")).map((h) => h.headline).sort();
  assert.ok(expected.length > 0 && expected.length < dated.length);
  assert.deepEqual((await drawnItems(page)).sort(), expected);
  assert.equal(await page.textContent("#details h2"), "Iran");
  assert.match(page.url(), /#actor=IRN$/);
  await page.context().close();
});

test("clicking an event shows its evidence sentence with the trigger marked, and its article", async () => {
  const page = await open();
  const h = dated.find((e) => e.type === "aid" && e.source.id === "CHN");
  await page.locator("#timeline .vis-item", { hasText: h.headline }).first().click();
  await page.waitForFunction((id) => eventgraphViewer.state.event === id, h.id);
  assert.equal(await page.textContent("#details h2"), h.headline);
  const quotes = await page.$$eval("#details .report blockquote", (q) => q.map((e) => e.textContent));
  assert.deepEqual(quotes, h.reports.map((r) => r.text));
  const marks = await page.$$eval("#details .report mark", (m) => m.map((e) => e.textContent.toLowerCase()));
  assert.equal(marks[0], h.reports[0].trigger.toLowerCase());
  const details = await page.textContent("#details");
  assert.ok(details.includes("China supplies Russia's war machine"), "the article's title");
  assert.ok(details.includes(h.date.granularity));
  assert.ok(details.includes(h.polarity));
  await page.context().close();
});

test("clicking a relation lists its events", async () => {
  const page = await open();
  const edge = await page.evaluate(() => {
    const e = eventgraphViewer.cy.edges().filter((x) => x.source().id() === "CHN" && x.target().id() === "RUS" && x.data("label").startsWith("aid"));
    return { id: e.id(), at: e.renderedMidpoint() };
  });
  const box = await page.locator("#graph").boundingBox();
  await page.mouse.click(box.x + edge.at.x, box.y + edge.at.y);
  await page.waitForFunction(() => !!eventgraphViewer.state.relation);
  const rel = await page.evaluate(() => eventgraphViewer.state.relation);
  const ids = await page.evaluate((r) => eventgraphViewer.data.relations[Number(r.slice(1))].happenings, rel);
  const listed = await page.$$eval("#details li a", (a) => a.map((e) => e.textContent));
  assert.deepEqual(listed, ids.map((id) => happenings.find((h) => h.id === id).headline));
  assert.equal((await drawnItems(page)).length, ids.filter((id) => happenings.find((h) => h.id === id).date).length);
  await page.context().close();
});

test("dragging the timeline to another time window redraws the graph for that window", async () => {
  const page = await open();
  const before = (await page.evaluate(() => eventgraphViewer.shownRelations())).length;
  const panel = await page.locator("#timeline .vis-panel.vis-center").boundingBox();
  // Drag the timeline to the right: earlier months come into view, September's events leave it.
  const y = panel.y + 12;
  await page.mouse.move(panel.x + 20, y);
  await page.mouse.down();
  await page.mouse.move(panel.x + panel.width * 0.5, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => !!eventgraphViewer.state.to);
  const state = await page.evaluate(() => ({ ...eventgraphViewer.state }));
  const inWindow = (h) => !h.date || (h.date.end >= state.from && h.date.start <= state.to);
  const shown = await page.evaluate(() => eventgraphViewer.shownRelations());
  assert.ok(shown.length < before, `${shown.length} relations of ${before} in ${state.from}..${state.to}`);
  const relations = await page.evaluate(() => eventgraphViewer.data.relations);
  for (const id of shown) {
    const r = relations[Number(id.slice(1))];
    assert.ok(r.happenings.some((h) => inWindow(happenings.find((x) => x.id === h))), `${id} has an event in the window`);
  }
  assert.ok(await page.isVisible("#window-note"));
  await page.click("#whole-period");
  assert.equal((await page.evaluate(() => eventgraphViewer.shownRelations())).length, before);
  await page.context().close();
});

test("the type filter and the actor search narrow the page; the hash brings the view back", async () => {
  let page = await open();
  await page.selectOption("#type-filter", "aid");
  assert.deepEqual((await drawnItems(page)).sort(), dated.filter((h) => h.type === "aid").map((h) => h.headline).sort());
  await page.fill("#search", "russ");
  await page.press("#search", "Enter");
  await page.waitForFunction(() => eventgraphViewer.state.actor === "RUS");
  const url = page.url();
  assert.match(url, /#actor=RUS&type=aid$/);
  await page.context().close();

  page = await open(url.slice(url.indexOf("#")));
  assert.equal(await page.textContent("#details h2"), "Russia");
  assert.equal(await page.inputValue("#type-filter"), "aid");
  assert.deepEqual((await drawnItems(page)).sort(),
    dated.filter((h) => h.type === "aid" && involves(h, "RUS")).map((h) => h.headline).sort());
  await page.context().close();
});

test("grouping the timeline by type puts each event in its type's row", async () => {
  const page = await open("#group=type");
  const labels = await page.$$eval("#timeline .vis-label", (l) => l.map((e) => e.textContent.trim()));
  assert.deepEqual(labels.sort(), [...new Set(dated.map((h) => h.type))].sort());
  await page.context().close();
});

test("a page of over a thousand events loads whole and stays linked", async () => {
  // Articles from the benchmark's generator (deterministic), their events, their page.
  const dir = path.join(process.env.EVENTGRAPH_TEST_TMP, "viewer-large");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: "pipe" });
  run("python3", [path.join(source, "tools/bench/make_corpus.py"), "--articles", "400", "--seed", "11", "-o", path.join(dir, "corpus.jsonl")]);
  const bin = process.env.EVENTGRAPH_BINARY;
  run(bin, ["extract", path.join(dir, "corpus.jsonl"), "-o", path.join(dir, "events.jsonl")]);
  run(bin, ["export", "--format", "html", path.join(dir, "events.jsonl"), "-o", path.join(dir, "page.html")]);
  run(bin, ["export", "--format", "timeline", path.join(dir, "events.jsonl"), "-o", path.join(dir, "timeline.json")]);
  run(bin, ["export", "--format", "graphml", path.join(dir, "events.jsonl"), "-o", path.join(dir, "graph.graphml")]);
  const big = JSON.parse(fs.readFileSync(path.join(dir, "timeline.json"), "utf8")).events.filter((h) => h.date);
  const nodes = (fs.readFileSync(path.join(dir, "graph.graphml"), "utf8").match(/<node id=/g) || []).length;
  assert.ok(big.length > 1000, `${big.length} dated events`);

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error (large page): ${e.message}`));
  await page.goto("file://" + path.join(dir, "page.html"));
  await page.waitForFunction(() => window.eventgraphViewer && window.eventgraphViewer.ready, null, { timeout: 120000 });
  assert.equal((await page.evaluate(() => eventgraphViewer.shownActors())).length, nodes);
  assert.equal((await page.evaluate(() => eventgraphViewer.shownEvents())).length, big.length);
  // Drawn as clusters and events: something on the timeline, not thousands of boxes.
  const drawn = await page.$$eval("#timeline .vis-item, #timeline .vis-cluster", (i) => i.length);
  assert.ok(drawn > 0);
  const busiest = await page.evaluate(() => eventgraphViewer.cy.nodes().max((n) => n.degree()).ele.id());
  await clickNode(page, busiest);
  await page.waitForFunction((id) => eventgraphViewer.state.actor === id, busiest);
  const shown = await page.evaluate(() => eventgraphViewer.shownEvents());
  assert.equal(shown.length, big.filter((h) => involves(h, busiest)).length);
  await context.close();
});

test("a page of no events opens and says so", async () => {
  const dir = path.join(process.env.EVENTGRAPH_TEST_TMP, "viewer-empty");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "none.jsonl"), "");
  execFileSync(process.env.EVENTGRAPH_BINARY, ["export", "--format", "html", path.join(dir, "none.jsonl"), "-o", path.join(dir, "page.html")], { stdio: "pipe" });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error (empty page): ${e.message}`));
  await page.goto("file://" + path.join(dir, "page.html"));
  await page.waitForFunction(() => window.eventgraphViewer && window.eventgraphViewer.ready);
  assert.equal(await page.textContent("#counts"), "0 events (0 reports) · 0 actors · 0 relations");
  assert.equal(await page.isVisible("#map-pane"), false, "no place, no map");
  await context.close();
});

test("events with no source draw one dashed unknown actor that lists them when clicked", async () => {
  const dir = path.join(process.env.EVENTGRAPH_TEST_TMP, "viewer-unknown");
  fs.mkdirSync(dir, { recursive: true });
  const events = path.join(source, "tests/data/unknown/events.jsonl");
  execFileSync(process.env.EVENTGRAPH_BINARY, ["export", "--format", "html", events, "-o", path.join(dir, "page.html")], { stdio: "pipe" });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error (unknown actors): ${e.message}`));
  await page.goto("file://" + path.join(dir, "page.html"));
  await page.waitForFunction(() => window.eventgraphViewer && window.eventgraphViewer.ready);
  assert.equal(await page.evaluate(() => eventgraphViewer.cy.getElementById("?").style("border-style")), "dashed");
  assert.equal(await page.evaluate(() => eventgraphViewer.cy.getElementById("USA").style("border-style")), "solid");
  assert.ok((await page.textContent("#legend")).includes("unknown"));
  await clickNode(page, "?");
  await page.waitForFunction(() => eventgraphViewer.state.actor === "?");
  assert.deepEqual((await page.evaluate(() => eventgraphViewer.shownEvents())).sort(),
    ["ev-0000000000000a01", "ev-0000000000000a03", "ev-0000000000000a06"]);
  await context.close();
});

// The map: the samples' places, then a page of located events in towns and one
// country's centre (tests/data/places/map-events.jsonl).
const placeIds = (list) => [...new Set(list.filter((h) => h.place).map((h) => h.place.id))].sort();

test("the map draws the world's countries and a circle at each of the samples' places", async () => {
  const page = await open();
  const expected = placeIds(happenings);
  assert.ok(expected.includes("CHN.BEIJING"), "the samples have an event in Beijing");
  assert.deepEqual((await page.evaluate(() => eventgraphViewer.shownPlaces())).sort(), expected);
  assert.ok((await page.$$("#map path.country")).length > 200, "every country's outline, from the page itself");
  const pane = await page.locator("#map").boundingBox();
  for (const id of expected) {
    const circle = page.locator(`#map circle[data-place="${id}"]`);
    const b = await circle.boundingBox();
    assert.ok(b.x >= pane.x && b.y >= pane.y && b.x + b.width <= pane.x + pane.width && b.y + b.height <= pane.y + pane.height,
      `${id} is drawn inside the map`);
  }
  const beijing = await page.textContent('#map circle[data-place="CHN.BEIJING"] title');
  assert.match(beijing, /^Beijing \(CHN\): \d+ events?$/);
  await page.context().close();
});

const mapDir = path.join(process.env.EVENTGRAPH_TEST_TMP, "viewer-map");
fs.rmSync(mapDir, { recursive: true, force: true });
fs.mkdirSync(mapDir, { recursive: true });
const mapEvents = path.join(source, "tests/data/places/map-events.jsonl");
const mapPage = path.join(mapDir, "page.html");
execFileSync(process.env.EVENTGRAPH_BINARY, ["export", "--format", "html", mapEvents, "-o", mapPage], { stdio: "pipe" });
const mapHappenings = JSON.parse(execFileSync(process.env.EVENTGRAPH_BINARY, ["export", "--format", "timeline", mapEvents])).events;
const at = (id) => mapHappenings.filter((h) => h.place && h.place.id === id).map((h) => h.id).sort();

test("clicking a place lists its events, puts them on the timeline and marks their relation", async () => {
  const page = await openFile(mapPage);
  assert.equal(at("UKR.POKROVSK").length, 2);
  await page.click('#map circle[data-place="UKR.POKROVSK"]');
  await page.waitForFunction(() => eventgraphViewer.state.place === "UKR.POKROVSK");
  assert.deepEqual((await page.evaluate(() => eventgraphViewer.shownEvents())).sort(), at("UKR.POKROVSK"));
  assert.equal(await page.textContent("#details h2"), "Pokrovsk");
  assert.ok((await page.textContent("#details")).includes("48.2820, 37.1758 (the place itself)"));
  assert.equal((await page.$$("#details li a")).length, 2);
  assert.match(page.url(), /#place=UKR\.POKROVSK$/);
  const chosen = await page.evaluate(() => eventgraphViewer.cy.edges(".chosen").map((e) => `${e.source().id()}>${e.target().id()}`));
  assert.deepEqual(chosen, ["RUS>UKR"]);
  // A country's centre is drawn apart from a town.
  assert.ok(await page.getAttribute('#map circle[data-place="IRQ"]', "class").then((c) => c.includes("country")));
  // The wheel zooms the map, Fit brings every place back; a click on the sea lets the place go.
  const before = await page.getAttribute("#map svg > g", "transform");
  const map = await page.locator("#map").boundingBox();
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await page.mouse.wheel(0, -400);
  assert.notEqual(await page.getAttribute("#map svg > g", "transform"), before);
  await page.click("#map-fit");
  assert.equal(await page.getAttribute("#map svg > g", "transform"), before);
  await page.mouse.click(map.x + 4, map.y + map.height - 4);
  await page.waitForFunction(() => !eventgraphViewer.state.place);
  await page.context().close();
});

test("a relation or a time window shows only its places on the map", async () => {
  const rel = JSON.parse(fs.readFileSync(mapPage, "utf8").match(/<script type="application\/json" id="eventgraph-data">(.*?)<\/script>/s)[1])
    .relations.findIndex((r) => r.source === "RUS" && r.target === "UKR" && r.type === "assault");
  let page = await openFile(mapPage, `#relation=r${rel}`);
  assert.deepEqual((await page.evaluate(() => eventgraphViewer.shownPlaces())).sort(), ["UKR.KHARKIV", "UKR.POKROVSK"]);
  await page.context().close();
  page = await openFile(mapPage, "#from=2024-03-09&to=2024-03-12");
  const inWindow = mapHappenings.filter((h) => h.date.start <= "2024-03-12" && h.date.end >= "2024-03-09");
  assert.deepEqual((await page.evaluate(() => eventgraphViewer.shownPlaces())).sort(), placeIds(inWindow));
  assert.deepEqual(placeIds(inWindow), ["UKR.KHARKIV", "UKR.POKROVSK"]);
  assert.equal(await page.textContent("#map-note"), "2 places · 2 events");
  await page.context().close();
});

test("nothing went wrong in the browser: no console error, no request off the machine", () => {
  assert.deepEqual(problems, []);
});
