// Times the web page in Debian's Chromium: node tools/bench/viewer_load.cjs PAGE.html [RUNS]
// Prints the load time (navigation start to the page drawn: graph laid out,
// timeline's first picture) and the time to filter the page to one actor.
const { launchChromium } = require("../viewer/launch.cjs");

(async () => {
  const [file, runs = "3"] = process.argv.slice(2);
  const browser = await launchChromium();
  const loads = [], filters = [];
  let counts;
  for (let i = 0; i < Number(runs); ++i) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto("file://" + file);
    await page.waitForFunction(() => window.eventgraphViewer && window.eventgraphViewer.ready, null, { timeout: 120000 });
    loads.push(Date.now() - t0);
    const t = await page.evaluate(() => eventgraphViewer.timings);
    console.log(`  run ${i + 1}: data read ${Math.round(t.parsed - t.start)} ms, graph ${Math.round(t.graph - t.parsed)} ms, ` +
      `map ${Math.round(t.map - t.graph)} ms, timeline ${Math.round(t.timeline - t.map)} ms, its first picture ${Math.round(t.drawn - t.timeline)} ms after`);
    counts = await page.evaluate(() => ({
      events: eventgraphViewer.data.timeline.events.length,
      actors: eventgraphViewer.shownActors().length,
      relations: eventgraphViewer.shownRelations().length,
    }));
    // The busiest actor, as a reader would click it first.
    const t1 = Date.now();
    await page.evaluate(() => {
      const node = eventgraphViewer.cy.nodes().max((n) => n.degree()).ele;
      node.emit("tap");
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    filters.push(Date.now() - t1);
    if (errors.length) console.log("page errors:", errors.join("; "));
    await page.close();
  }
  await browser.close();
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`events ${counts.events}, actors ${counts.actors}, relations ${counts.relations}`);
  console.log(`load ms: median ${median(loads)} (runs: ${loads.join(", ")})`);
  console.log(`filter to the busiest actor ms: median ${median(filters)} (runs: ${filters.join(", ")})`);
})();
