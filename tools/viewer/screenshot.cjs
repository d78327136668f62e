// The README's picture of the page: node tools/viewer/screenshot.cjs PAGE.html OUT.png [HASH]
// (tools/viewer/screenshot.sh runs it on the samples' page.)
const { launchChromium } = require("./launch.cjs");

(async () => {
  const [page_file, png, hash = ""] = process.argv.slice(2);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto("file://" + page_file + hash);
  await page.waitForFunction(() => window.eventgraphViewer && window.eventgraphViewer.ready, null, { timeout: 60000 });
  await page.screenshot({ path: png });
  await browser.close();
})();
