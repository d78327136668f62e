// Compares `eventgraph dates` with chrono-node on JSON Lines cases:
//   {"text": …, "ref": "YYYY-MM-DD", "expected": [{"text"?: …, "value": …, "granularity": …}]}
// ("dates" is read as well as "expected": tests/data/dates/news-dates.jsonl uses it).
// An expression counts as right when its value and granularity equal an
// expected one's (each expected one matched once). Not part of the test suite.
//
// usage: node compare.mjs --eventgraph BIN [--verbose] CASES.jsonl

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chrono from 'chrono-node';

function usage(message) {
    process.stderr.write(`compare.mjs: ${message}\nusage: node compare.mjs --eventgraph BIN [--verbose] CASES.jsonl\n`);
    process.exit(2);
}

const args = process.argv.slice(2);
let binary = null;
let verbose = false;
let casesPath = null;
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--eventgraph') binary = args[++i];
    else if (args[i] === '--verbose' || args[i] === '-v') verbose = true;
    else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
    else if (casesPath === null) casesPath = args[i];
    else usage('give one file of cases');
}
if (!binary) usage('give the eventgraph program with --eventgraph BIN');
if (!casesPath) usage('give a JSON Lines file of cases');

function readCases(path) {
    const cases = [];
    readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        let c;
        try {
            c = JSON.parse(line);
        } catch (e) {
            throw new Error(`${path}:${i + 1}: ${e.message}`);
        }
        const expected = c.expected ?? c.dates;
        if (typeof c.text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.ref ?? '') || !Array.isArray(expected))
            throw new Error(`${path}:${i + 1}: expected {"text", "ref": "YYYY-MM-DD", "expected": […]}`);
        cases.push({ line: i + 1, text: c.text, ref: c.ref, expected });
    });
    return cases;
}

// eventgraph reads the cases as its own JSON Lines input, each with its ref.
function runEventgraph(cases) {
    const dir = mkdtempSync(join(tmpdir(), 'compare-dates-'));
    try {
        const input = join(dir, 'cases.jsonl');
        writeFileSync(input, cases.map((c, i) => JSON.stringify({ id: String(i), text: c.text, ref: c.ref })).join('\n') + '\n');
        const out = execFileSync(binary, ['dates', input], { encoding: 'utf8', maxBuffer: 1 << 30 });
        const found = cases.map(() => []);
        for (const line of out.split('\n')) {
            if (!line) continue;
            const r = JSON.parse(line);
            found[Number(r.id)] = r.expressions.map((e) => ({ text: e.text, value: e.value, granularity: e.granularity }));
        }
        return { found };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const pad2 = (n) => String(n).padStart(2, '0');

// chrono gives a full date and tells which components the text gave; the
// granularity is the finest known one. A weekday ("on Monday") or a time of
// day names one day, so those are days too.
function fromChrono(components) {
    const year = components.get('year');
    const month = components.get('month');
    const day = components.get('day');
    const certain = (c) => components.isCertain(c);
    if (certain('day') || certain('weekday') || certain('hour'))
        return { value: `${year}-${pad2(month)}-${pad2(day)}`, granularity: 'day' };
    if (certain('month')) return { value: `${year}-${pad2(month)}`, granularity: 'month' };
    if (certain('year')) return { value: `${year}`, granularity: 'year' };
    // Nothing certain ("this week"): chrono still places it on a day.
    return { value: `${year}-${pad2(month)}-${pad2(day)}`, granularity: 'day' };
}

function runChrono(cases) {
    const found = cases.map((c) => {
        const [y, m, d] = c.ref.split('-').map(Number);
        // Noon, so that no time zone moves the reference to another day.
        const ref = new Date(y, m - 1, d, 12, 0, 0);
        const out = [];
        for (const r of chrono.parse(c.text, ref, { forwardDate: false })) {
            out.push({ text: r.text, ...fromChrono(r.start) });
            // A range ("from Feb. 10 to Feb. 20") is two dates.
            if (r.end) out.push({ text: r.text, ...fromChrono(r.end) });
        }
        return out;
    });
    return { found };
}

function score(cases, found) {
    const s = { expected: 0, found: 0, exact: 0, misses: [] };
    cases.forEach((c, i) => {
        const predicted = found[i] ?? [];
        const used = new Array(predicted.length).fill(false);
        s.expected += c.expected.length;
        s.found += predicted.length;
        const wrong = [];
        for (const e of c.expected) {
            const j = predicted.findIndex((p, k) => !used[k] && p.value === e.value && p.granularity === e.granularity);
            if (j >= 0) {
                used[j] = true;
                ++s.exact;
            } else {
                wrong.push(`missed ${e.text ?? ''} = ${e.value} (${e.granularity})`);
            }
        }
        predicted.forEach((p, k) => {
            if (!used[k]) wrong.push(`extra  ${p.text} = ${p.value} (${p.granularity})`);
        });
        if (wrong.length) s.misses.push({ line: c.line, text: c.text, ref: c.ref, wrong });
    });
    s.precision = s.found ? s.exact / s.found : 0;
    s.recall = s.expected ? s.exact / s.expected : 0;
    s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
    return s;
}

const cases = readCases(casesPath);
const tools = [
    ['eventgraph', runEventgraph(cases)],
    ['chrono-node', runChrono(cases)],
];
const chronoVersion = JSON.parse(readFileSync(new URL('./node_modules/chrono-node/package.json', import.meta.url), 'utf8')).version;

console.log(`${casesPath}: ${cases.length} cases, ${cases.reduce((n, c) => n + c.expected.length, 0)} expected expressions`);
console.log(`chrono-node ${chronoVersion} with forwardDate: false\n`);
const col = (s, w) => String(s).padEnd(w);
console.log(col('tool', 13) + col('found', 7) + col('exact', 7) + col('precision', 11) + col('recall', 8) + 'f1');
const scores = tools.map(([name, r]) => [name, score(cases, r.found)]);
for (const [name, s] of scores)
    console.log(col(name, 13) + col(s.found, 7) + col(s.exact, 7) + col(s.precision.toFixed(3), 11) +
                col(s.recall.toFixed(3), 8) + s.f1.toFixed(3));
if (verbose) {
    for (const [name, s] of scores) {
        console.log(`\n${name}: ${s.misses.length} cases not exactly right`);
        for (const m of s.misses) {
            console.log(`  line ${m.line} (ref ${m.ref}): ${m.text}`);
            for (const w of m.wrong) console.log(`    ${w}`);
        }
    }
}
