// Prints the tables of bench/run.sh from the rounds' load.mjs reports, then the medians against
// issue 17's targets. It reports; it asserts nothing.
//
//   node compare.mjs bench/out/run-1 bench/out/run-2 bench/out/run-3
//
// Each round folder may hold salesbot.json ("ayuda"), salesbot-visit.json (a logged visit),
// botbuilder-echo.json and floor.json (bench/floor, with FLOOR=1); what is missing is left out.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: node compare.mjs ROUND_DIR...');
  process.exit(2);
}
const read = (dir, name) => {
  const p = join(dir, name);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
};
const rounds = dirs.map((dir) => ({
  dir, ayuda: read(dir, 'salesbot.json'), visit: read(dir, 'salesbot-visit.json'), echo: read(dir, 'botbuilder-echo.json'),
  floor: read(dir, 'floor.json'),
}));
if (!rounds.some((r) => r.ayuda || r.visit || r.echo || r.floor)) {
  console.error('compare.mjs: no report to show');
  process.exit(1);
}

const f = (x, d) => (x === null || x === undefined || Number.isNaN(x) ? '-' : (d === undefined ? String(x) : x.toFixed(d)));
const ratio = (x, y) => (x && y ? x / y : null);
const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const levelOf = (report, level) => report?.levels.find((l) => l.level === level) ?? null;
// The text turns are named after what was sent ("ayuda" unless SALESBOT_TEXT said otherwise).
const sent = rounds.find((r) => r.ayuda)?.ayuda.text ?? 'ayuda';
const textLabel = `SalesBot "${sent.length > 24 ? `${sent.slice(0, 24)}…` : sent}"`;
const scenarios = [['ayuda', textLabel], ['visit', 'SalesBot visit logged'], ['echo', 'botbuilder echo'], ['floor', 'durable floor']];

// ---------------------------------------------------------------- each round
rounds.forEach((r, i) => {
  console.log(`### Round ${i + 1}`);
  console.log('');
  console.log('| bot | conc | turns/s | x echo | p50 ms | p99 ms | p99 / echo | CPU µs/turn | server CPU % | RSS MB (after turns) | errors | timeouts |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const [key, name] of scenarios) {
    for (const l of r[key]?.levels ?? []) {
      const e = levelOf(r.echo, l.level);
      const x = key === 'echo' ? null : ratio(l.turnsPerSec, e?.turnsPerSec);
      const p = key === 'echo' ? null : ratio(l.p99Ms, e?.p99Ms);
      console.log(`| ${name} | ${l.level} | ${f(l.turnsPerSec)} | ${f(x, 2)} | ${f(l.p50Ms)} | ${f(l.p99Ms)} | ${f(p, 2)} | ${f(l.serverCpuUsPerTurn)} | ` +
        `${f(l.serverCpuPct)} | ${f(l.serverRssMb)} (${f(l.turnsServedSoFar)}) | ${l.errors} | ${l.timeouts} |`);
    }
  }
  const cold = [['ayuda', 'SalesBot'], ['echo', 'echo bot'], ['floor', 'floor']].filter(([k]) => r[k]?.coldStartMs != null)
    .map(([k, n]) => `${n} ${r[k].coldStartMs} ms`);
  if (cold.length) console.log(`\nCold start (process start to the first reply): ${cold.join(', ')}.`);
  for (const [key, name] of scenarios) {
    const bad = (r[key]?.levels ?? []).filter((l) => l.errors || l.timeouts);
    if (bad.length) console.log(`\nWARNING: ${name} had errors/timeouts, e.g. ${bad[0].errorSamples?.[0] ?? '(no sample)'}`);
    const sample = r[key]?.levels.find((l) => l.sampleReply)?.sampleReply;
    if (sample !== undefined && key !== 'echo') console.log(`\n${name} sample reply: ${JSON.stringify(sample).slice(0, 160)}`);
  }
  console.log('');
});

// ---------------------------------------------------------------- medians and targets
console.log(`### Median of ${rounds.length} round(s)`);
console.log('');
console.log('| bot | conc | turns/s | x echo (each round) | p99 ms | p99 / echo (each round) | CPU µs/turn | RSS MB |');
console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
const medianRow = (key, level) => {
  const ls = rounds.map((r) => levelOf(r[key], level));
  const xs = rounds.map((r, i) => (key === 'echo' ? null : ratio(ls[i]?.turnsPerSec, levelOf(r.echo, level)?.turnsPerSec)));
  const ps = rounds.map((r, i) => (key === 'echo' ? null : ratio(ls[i]?.p99Ms, levelOf(r.echo, level)?.p99Ms)));
  return {
    tps: median(ls.map((l) => l?.turnsPerSec)), p99: median(ls.map((l) => l?.p99Ms)),
    cpu: median(ls.map((l) => l?.serverCpuUsPerTurn)), rss: median(ls.map((l) => l?.serverRssMb)),
    x: median(xs), xs, p: median(ps), ps,
  };
};
const levelsOf = (key) => [...new Set(rounds.flatMap((r) => (r[key]?.levels ?? []).map((l) => l.level)))].sort((a, b) => a - b);
const each = (xs) => xs.map((x) => f(x, 2)).join(' / ');
const med = {};
for (const [key, name] of scenarios) {
  for (const level of levelsOf(key)) {
    const m = medianRow(key, level);
    med[`${key}@${level}`] = m;
    const xCell = key === 'echo' ? '' : `${f(m.x, 2)} (${each(m.xs)})`;
    const pCell = key === 'echo' ? '' : `${f(m.p, 2)} (${each(m.ps)})`;
    console.log(`| ${name} | ${level} | ${f(m.tps, 1)} | ${xCell} | ${f(m.p99, 1)} | ${pCell} | ${f(m.cpu, 0)} | ${f(m.rss, 0)} |`);
  }
}
const coldMedian = (key) => median(rounds.map((r) => r[key]?.coldStartMs));
console.log('');
console.log(`Cold start, median: SalesBot ${f(coldMedian('ayuda'))} ms, echo bot ${f(coldMedian('echo'))} ms${rounds.some((r) => r.floor) ? `, floor ${f(coldMedian('floor'))} ms` : ''}.`);
// One SalesBot process serves both reports of a round: its turns are the sum of theirs.
const memory = rounds.map((r) => {
  const reports = [r.ayuda, r.visit].filter(Boolean);
  const last = reports.flatMap((x) => x.levels).at(-1);
  return last && { last, turns: reports.reduce((n, x) => n + (x.levels.at(-1)?.turnsServedSoFar ?? 0), 0) };
}).filter(Boolean);
if (memory.length) {
  console.log(`SalesBot memory at the end of each round: ${memory.map(({ last, turns }) =>
    `${f(last.serverRssMb)} MB after ${turns} turns (peak ${f(last.serverPeakRssMb)} MB)`).join('; ')}.`);
}

// The issue's targets, read off the medians (and every round for the 2x floor).
const check = (ok) => (ok === null ? 'n/a' : ok ? 'met' : 'NOT met');
const targets = [];
for (const level of [16, 64]) {
  const m = med[`ayuda@${level}`];
  if (m && m.x !== null) {
    targets.push(`${textLabel} at ${level}: ${f(m.x, 2)}x the echo bot (target 3x): ${check(m.x >= 3)}; ` +
      `lowest round ${f(Math.min(...m.xs.filter((x) => x !== null)), 2)}x (at least 2x in every round): ${check(m.xs.every((x) => x !== null && x >= 2))}`);
  }
}
const p64 = med['ayuda@64'];
if (p64 && p64.p !== null) targets.push(`p99 at 64: ${f(p64.p, 2)} of the echo bot's (target at most 0.5): ${check(p64.p <= 0.5)}`);
for (const level of [16, 64]) {
  const m = med[`visit@${level}`];
  if (m && m.x !== null) targets.push(`visit logged at ${level}: ${f(m.x, 2)}x the echo bot (target 1x): ${check(m.x >= 1)}`);
}
const cpus = Object.entries(med).filter(([k]) => !k.startsWith('echo')).map(([k, m]) => [k, m.cpu]).filter(([, c]) => c !== null);
if (cpus.length) {
  const worst = cpus.reduce((a, b) => (b[1] > a[1] ? b : a));
  targets.push(`CPU per turn: at most ${f(worst[1], 0)} µs (${worst[0]}) (target 400 µs): ${check(worst[1] <= 400)}`);
}
const cs = coldMedian('ayuda');
if (cs !== null) targets.push(`cold start: ${cs} ms (target under 3,000 ms): ${check(cs < 3000)}`);
if (targets.length) {
  console.log('');
  console.log('Targets (issue 17):');
  for (const t of targets) console.log(`- ${t}`);
}
