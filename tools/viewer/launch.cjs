// Debian's Chromium through playwright-core, as the browser tests, the
// benchmark and the screenshot start it: headless, as root (no sandbox), and
// with every background connection off (this machine's network is closed, and
// Chromium would otherwise try Google's hosts at each start). CHROMIUM names
// another binary; NODE_PATH finds playwright-core (the build's npm ci).
const { chromium } = require("playwright-core");

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

module.exports = { launchChromium };
