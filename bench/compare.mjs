// Prints one combined table from load.mjs JSON reports, then SalesBot vs echo ratios.
//   node compare.mjs salesbot.json echo.json      (either may be missing: it is skipped)
import { existsSync, readFileSync } from 'node:fs';

const reports = process.argv.slice(2)
  .filter((p) => existsSync(p))
  .map((p) => JSON.parse(readFileSync(p, 'utf8')));
if (!reports.length) {
  console.error('compare.mjs: no report to show');
  process.exit(1);
}

const f = (x) => (x === null || x === undefined ? '-' : String(x));
const out = [
  '| bot | conc | turns/s | p50 ms | p99 ms | max ms | errors | timeouts | loadgen CPU % |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const r of reports) {
  for (const l of r.levels) {
    out.push(`| ${r.label} | ${l.level} | ${f(l.turnsPerSec)} | ${f(l.p50Ms)} | ${f(l.p99Ms)} | ${f(l.maxMs)} | ${l.errors} | ${l.timeouts} | ${f(l.loadgenCpuPct)} |`);
  }
}
console.log(out.join('\n'));

const [a, b] = reports;
if (a && b) {
  const ratio = (x, y) => (x && y ? (x / y).toFixed(2) : '-');
  console.log('');
  console.log(`| conc | ${a.label} turns/s | ${b.label} turns/s | ratio ${a.label}/${b.label} | ${a.label} p99 ms | ${b.label} p99 ms |`);
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const la of a.levels) {
    const lb = b.levels.find((x) => x.level === la.level);
    if (!lb) continue;
    console.log(`| ${la.level} | ${f(la.turnsPerSec)} | ${f(lb.turnsPerSec)} | ${ratio(la.turnsPerSec, lb.turnsPerSec)} | ${f(la.p99Ms)} | ${f(lb.p99Ms)} |`);
  }
  const common = a.levels.map((x) => x.level).filter((lv) => b.levels.some((y) => y.level === lv));
  const top = common.includes(64) ? 64 : Math.max(...common);
  if (Number.isFinite(top)) {
    const la = a.levels.find((x) => x.level === top);
    const lb = b.levels.find((x) => x.level === top);
    console.log('');
    console.log(`At ${top} conversations: ${a.label} ${f(la.turnsPerSec)} turns/s vs ${b.label} ${f(lb.turnsPerSec)} ` +
      `(x${ratio(la.turnsPerSec, lb.turnsPerSec)}); p99 ${f(la.p99Ms)} ms vs ${f(lb.p99Ms)} ms (x${ratio(la.p99Ms, lb.p99Ms)}).`);
  }
  for (const r of reports) {
    const bad = r.levels.filter((l) => l.errors || l.timeouts);
    if (bad.length) console.log(`WARNING: ${r.label} had errors/timeouts, e.g. ${bad[0].errorSamples?.[0] ?? '(no sample)'}`);
    const sample = r.levels.find((l) => l.sampleReply)?.sampleReply;
    if (sample !== undefined) console.log(`${r.label} sample reply: ${JSON.stringify(sample).slice(0, 160)}`);
  }
}
