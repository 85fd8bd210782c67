// Closed-loop load generator + fake Bot Connector, in one process.
//
//   node load.mjs --endpoint http://127.0.0.1:3978/api/messages [--levels 1,16,64]
//                 [--duration 15] [--warmup 3] [--text ayuda] [--label NAME] [--json out.json]
//
// For each concurrency level C it runs C independent Teams personal conversations. Each
// conversation posts a message activity to the bot, waits until the bot's reply reaches the fake
// connector (started here on 127.0.0.1, its URL given to the bot as serviceUrl), then posts the
// next one. Latency = start of the POST to /api/messages -> arrival (request headers) of the
// bot's first non-typing activity for that turn at the connector.
// Only Node built-ins are used.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

// ---------------------------------------------------------------- options
const defaults = {
  endpoint: process.env.BENCH_ENDPOINT || 'http://127.0.0.1:3978/api/messages',
  levels: process.env.BENCH_LEVELS || '1,16,64',
  duration: process.env.BENCH_DURATION || '15',
  warmup: process.env.BENCH_WARMUP || '3',
  text: process.env.BENCH_TEXT || 'ayuda',
  label: process.env.BENCH_LABEL || 'bot',
  json: process.env.BENCH_JSON || '',
  timeout: process.env.BENCH_TIMEOUT || '10',
  tenant: process.env.BENCH_TENANT || '00000000-0000-0000-0000-0000000be7c0',
  'connector-port': process.env.BENCH_CONNECTOR_PORT || '0',
  'count-typing': '',
  quiet: '',
  // What each turn sends: "text" (a message with --text) or "visit" (the visit log form submitted
  // as --user-aad, a past visit at a different time on every turn, for one of the user's clients).
  scenario: process.env.BENCH_SCENARIO || 'text',
  'user-aad': '00000000-0000-0000-0000-0000000000020',
  'user-id': 'user-id-0',
  'user-name': 'Alex Wilber',
  // The server's pid: its CPU time (utime+stime from /proc/PID/stat) over each measured window
  // and its resident memory at the end of each level go into the report.
  'server-pid': '',
  'clk-tck': '100',
  // Epoch milliseconds when the server process was started: before the levels, one message is
  // sent (retried while the port refuses) and the time until its reply arrives is the cold start.
  'cold-start-from': '',
  // Seconds of load at 16 conversations before the first level, not measured: on one core the
  // .NET JIT takes tens of seconds to reach its optimised code (tiered compilation), a server's
  // steady state after its first minute.
  prewarm: process.env.BENCH_PREWARM || '0',
};
const booleanFlags = new Set(['count-typing', 'quiet', 'help']);

function parseArgs(argv) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    a = a.slice(2);
    let v;
    const eq = a.indexOf('=');
    if (eq >= 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    if (!(a in o) && a !== 'help') throw new Error(`unknown flag --${a}`);
    if (booleanFlags.has(a)) { o[a] = v ?? 'true'; continue; }
    if (v === undefined) {
      v = argv[++i];
      if (v === undefined) throw new Error(`--${a} needs a value`);
    }
    o[a] = v;
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.help) {
  console.log('usage: node load.mjs --endpoint URL [--levels 1,16,64] [--duration 15] [--warmup 3] ' +
    '[--text ayuda] [--label NAME] [--json out.json] [--timeout 10] [--tenant ID] [--connector-port 0] ' +
    '[--count-typing] [--quiet] [--scenario text|visit] [--user-aad ID] [--user-id ID] [--user-name NAME] ' +
    '[--server-pid PID] [--clk-tck 100] [--cold-start-from EPOCH_MS] [--prewarm 0]');
  process.exit(0);
}
const endpoint = new URL(opts.endpoint);
const levels = opts.levels.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const durationS = Number(opts.duration);
const warmupS = Number(opts.warmup);
const defaultDurationS = durationS;
const defaultWarmupS = warmupS;
const prewarmS = Number(opts.prewarm);
const timeoutMs = Number(opts.timeout) * 1000;
const countTyping = opts['count-typing'] === 'true';
const debugSlowMs = Number(process.env.BENCH_DEBUG_SLOW_MS || 0);
const log = opts.quiet === 'true' ? () => {} : (...a) => console.error(...a);
const scenario = opts.scenario;
if (scenario !== 'text' && scenario !== 'visit') throw new Error('--scenario is text or visit');
const serverPid = opts['server-pid'] ? Number(opts['server-pid']) : null;
const clkTck = Number(opts['clk-tck']);
if (!levels.length || !(durationS > 0) || !(warmupS >= 0) || !(timeoutMs > 0) || !(prewarmS >= 0)) {
  throw new Error('bad --levels/--duration/--warmup/--timeout');
}

// ---------------------------------------------------------------- fake Bot Connector
// convId -> Conversation (only conversations of the running level).
const conversations = new Map();
const connectorStats = { connections: 0, withAuthorization: 0, activities: 0, typing: 0, unknownConversation: 0, updates: 0, creates: 0, other: 0 };
let idCounter = 0;
const newId = () => `bench-act-${(++idCounter).toString(36)}`;

function send(res, status, obj) {
  const body = obj === undefined ? '' : JSON.stringify(obj);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const connector = http.createServer((req, res) => {
  const arrival = performance.now();
  if (req.headers.authorization) connectorStats.withAuthorization++;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const path = (req.url || '/').split('?')[0].replace(/\/+$/, '');
    const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
    // parts: ['v3','conversations', convId?, 'activities'?, activityId?, ...]
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') { connectorStats.other++; return send(res, 404, { error: { code: 'NotFound', message: path } }); }
    let body = null;
    if (chunks.length) { try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { body = null; } }
    if (parts.length === 2) {
      if (req.method === 'POST') { connectorStats.creates++; return send(res, 200, { id: `bench-created-${newId()}`, activityId: newId() }); }
      return send(res, 200, { conversations: [] });
    }
    const convId = parts[2];
    if (parts[3] === 'activities' && parts.length <= 5) {
      if (req.method === 'PUT' && parts.length === 5) { connectorStats.updates++; return send(res, 200, { id: parts[4] }); }
      if (req.method === 'POST') {
        const id = newId();
        send(res, 200, { id });
        onBotActivity(convId, parts[4], body, arrival);
        return;
      }
      if (req.method === 'DELETE') return send(res, 200, {});
    }
    // Members (a bot may look its user up), attachments, anything else: answer something harmless and fast.
    connectorStats.other++;
    if (req.method === 'GET' && parts[3] === 'members') {
      if (parts[4]) return send(res, 200, member(parts[4]));
      const i = conversations.get(convId)?.index ?? 0;
      return send(res, 200, [member(`bench-user-${i}`)]);
    }
    if (req.method === 'GET' && parts[3] === 'pagedmembers') {
      const i = conversations.get(convId)?.index ?? 0;
      return send(res, 200, { members: [member(`bench-user-${i}`)] });
    }
    if (req.method === 'GET') return send(res, 200, {});
    return send(res, 200, { id: newId() });
  });
});
connector.on('connection', () => { connectorStats.connections++; });
connector.keepAliveTimeout = 120_000;
connector.headersTimeout = 125_000;
connector.requestTimeout = 0;
connector.maxRequestsPerSocket = 0;

function member(id) {
  return {
    id, name: `Bench User ${id.replace(/^bench-user-/, '')}`, aadObjectId: id, objectId: id,
    email: `${id}@bench.invalid`, userPrincipalName: `${id}@bench.invalid`, tenantId: opts.tenant, userRole: 'user',
  };
}

function onBotActivity(convId, urlReplyToId, body, arrival) {
  connectorStats.activities++;
  if (body && body.type === 'typing' && !countTyping) { connectorStats.typing++; return; }
  if (convId === coldConversationId && coldReply) { coldReply(body); return; }
  const conv = conversations.get(convId);
  if (!conv) { connectorStats.unknownConversation++; return; }
  const replyTo = urlReplyToId || (body && body.replyToId) || null;
  const turn = conv.turn;
  if (!turn || turn.done || (replyTo && replyTo !== turn.activityId)) { conv.level.extra++; return; }
  if (conv.level.sampleReply === undefined && body) {
    conv.level.sampleReply = typeof body.text === 'string' ? body.text.slice(0, 200)
      : (body.attachments?.[0]?.contentType ? `[${body.attachments[0].contentType}]` : `[${body.type}]`);
  }
  finishTurn(conv, turn, 'ok', arrival);
}

// ---------------------------------------------------------------- the server's CPU and memory
// utime + stime of the server process, in clock ticks (fields 14 and 15 of /proc/PID/stat, counted
// after the command name, which may hold spaces but ends at the last ')').
function serverCpuTicks() {
  if (!serverPid) return null;
  try {
    const stat = readFileSync(`/proc/${serverPid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch { return null; }
}

/** Resident memory of the server now and its peak, in MB (VmRSS, VmHWM of /proc/PID/status). */
function serverMemoryMb() {
  if (!serverPid) return { rssMb: null, peakRssMb: null };
  try {
    const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
    const kb = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm')) || [])[1]);
    return { rssMb: round(kb('VmRSS') / 1024, 0), peakRssMb: round(kb('VmHWM') / 1024, 0) };
  } catch { return { rssMb: null, peakRssMb: null }; }
}

// ---------------------------------------------------------------- load generator
const serviceUrlOf = () => `http://127.0.0.1:${connector.address().port}/`;

// Visits logged by the "visit" scenario: one counter for the whole run, so no two turns log the
// same client at the same minute (the use case refuses a duplicate). Day d (1-30 days ago) and
// minute m of the day, client c: 30 x 1,440 slots per client.
let visitCounter = 0;
let visitClients = [];
const pad = (n) => String(n).padStart(2, '0');

function visitForm() {
  const k = visitCounter++;
  const client = visitClients[k % visitClients.length];
  const slot = Math.floor(k / visitClients.length);
  const day = new Date(Date.now() - (1 + (slot % 30)) * 86_400_000);
  const minute = Math.floor(slot / 30) % 1440;
  return {
    command: 'visits.log',
    clientId: client,
    date: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`,
    time: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
    duration: '30',
    type: 'follow-up',
    interviewee: 'Carlos Ruiz',
    outcome: 'interested',
    notes: `Visita de prueba de carga ${k}`,
  };
}

function userOf(i) {
  return scenario === 'visit'
    ? { id: opts['user-id'], name: opts['user-name'], aadObjectId: opts['user-aad'] }
    : { id: `bench-user-${i}`, name: `Bench User ${i}`, aadObjectId: `bench-user-${i}` };
}

/** An activity as Teams sends one to a personal chat with the bot; `fields` (type, text or value) go on top. */
function activityIn(conversationId, serviceUrl, from, fields) {
  const now = new Date();
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString().replace('Z', '+00:00'),
    localTimezone: 'America/Bogota',
    channelId: 'msteams',
    serviceUrl,
    from,
    recipient: { id: '28:bench-bot', name: 'SalesBot' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: opts.tenant },
    channelData: { tenant: { id: opts.tenant } },
    locale: 'es-CO',
    entities: [{ type: 'clientInfo', locale: 'es-CO', country: 'CO', platform: 'Web', timezone: 'America/Bogota' }],
    ...fields,
  };
}

function makeActivity(level, i, conv) {
  return activityIn(conv.id, conv.serviceUrl, userOf(i),
    { textFormat: 'plain', ...(scenario === 'visit' ? { value: visitForm() } : { text: opts.text }) });
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

function finishTurn(conv, turn, outcome, tEnd) {
  if (turn.done) return;
  turn.done = true;
  clearTimeout(turn.timer);
  const L = conv.level;
  // Throughput counts replies that arrive inside the measured window; latency, errors and
  // timeouts belong to the turns that *started* inside it (in-flight ones are drained at the end),
  // so slow warm-up turns finishing late do not pollute the tail.
  const startedInWindow = turn.start >= L.windowStart && turn.start < L.windowEnd;
  if (outcome === 'ok') {
    if (tEnd >= L.windowStart && tEnd <= L.windowEnd) L.completed++;
    else if (tEnd < L.windowStart) L.warmupTurns++;
    if (startedInWindow) L.latencies.push(tEnd - turn.start);
    if (debugSlowMs && tEnd - turn.start > debugSlowMs) {
      log(`[slow] ${conv.id} start=${(turn.start - L.t0).toFixed(0)}ms latency=${(tEnd - turn.start).toFixed(0)}ms`);
    }
  } else if (startedInWindow) {
    if (outcome === 'timeout') L.timeouts++;
    else L.errors++;
    if (L.errorSamples.length < 5 && turn.detail) L.errorSamples.push(turn.detail);
  }
  conv.turn = null;
  // Closed loop: start the next message now (after an error, pause briefly so a dead bot
  // cannot turn the loop into a busy spin).
  if (outcome === 'error') setTimeout(() => nextTurn(conv), 50);
  else setImmediate(() => nextTurn(conv));
}

function nextTurn(conv) {
  const L = conv.level;
  if (performance.now() >= L.windowEnd) { conv.finished = true; L.maybeDone(); return; }
  const activity = makeActivity(L.level, conv.index, conv);
  const payload = JSON.stringify(activity);
  const turn = { activityId: activity.id, start: 0, done: false, timer: null, detail: null };
  conv.turn = turn;
  turn.timer = setTimeout(() => {
    turn.detail = 'timeout';
    finishTurn(conv, turn, 'timeout', performance.now());
    // Free the socket if the bot has not even answered the POST (the real connector gives up too).
    if (!turn.responded && turn.req) turn.req.destroy();
  }, timeoutMs);
  turn.start = performance.now();
  const req = http.request({
    agent: L.agent,
    host: endpoint.hostname,
    port: endpoint.port || 80,
    path: endpoint.pathname + endpoint.search,
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) },
  }, (res) => {
    turn.responded = true;
    const status = res.statusCode;
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const t = performance.now();
      const inWindow = turn.start >= L.windowStart && turn.start < L.windowEnd;
      if (inWindow) L.ackLatencies.push(t - turn.start);
      if (status < 200 || status > 299) {
        turn.detail = `HTTP ${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`;
        // Count the error even if a reply already arrived; only end the turn if it is still open.
        if (turn.done) { if (inWindow) L.errors++; }
        else finishTurn(conv, turn, 'error', t);
      }
    });
  });
  turn.req = req;
  req.on('error', (err) => {
    turn.detail = `request error: ${err.code || err.message}`;
    finishTurn(conv, turn, 'error', performance.now());
  });
  req.end(payload);
}

async function runLevel(level, warmupS = defaultWarmupS, durationS = defaultDurationS) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(4, 2 * level), maxFreeSockets: Math.max(4, 2 * level), keepAliveMsecs: 30_000 });
  const t0 = performance.now();
  const L = {
    level, agent, t0,
    windowStart: t0 + warmupS * 1000,
    windowEnd: t0 + (warmupS + durationS) * 1000,
    completed: 0, latencies: [], ackLatencies: [], errors: 0, timeouts: 0, extra: 0, warmupTurns: 0,
    errorSamples: [], sampleReply: undefined,
  };
  const convs = [];
  for (let i = 0; i < level; i++) {
    const conv = { id: `bench-conv-${level}-${i}`, index: i, level: L, serviceUrl: serviceUrlOf(), turn: null, finished: false };
    conversations.set(conv.id, conv);
    convs.push(conv);
  }
  const done = new Promise((resolve) => {
    L.maybeDone = () => { if (convs.every((c) => c.finished)) resolve(); };
  });
  log(`[${opts.label}] level ${level}: ${warmupS}s warm-up + ${durationS}s measured ...`);
  // The generator's own CPU use during the measured window (user+sys, % of one core).
  let cpuAtStart = null;
  let cpuPct = null;
  let cpuWallStart = 0;
  const cpuSample = () => {
    if (cpuAtStart && cpuPct === null) {
      const d = process.cpuUsage(cpuAtStart);
      cpuPct = ((d.user + d.system) / 1000) / (performance.now() - cpuWallStart) * 100;
    }
  };
  let serverTicksAtStart = null;
  let serverTicks = null;
  let completedAtServerEnd = null;
  const serverSample = () => {
    if (serverTicksAtStart === null || serverTicks !== null) return;
    const now = serverCpuTicks();
    if (now !== null) serverTicks = now - serverTicksAtStart;
    completedAtServerEnd = L.completed;
  };
  const cpuStartTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage(); cpuWallStart = performance.now(); serverTicksAtStart = serverCpuTicks();
  }, warmupS * 1000);
  const cpuEndTimer = setTimeout(() => { cpuSample(); serverSample(); }, (warmupS + durationS) * 1000);
  for (const conv of convs) nextTurn(conv);
  // Conversations stop by themselves after windowEnd (in-flight turns end by reply or timeout).
  await done;
  cpuSample();
  serverSample();
  const memory = serverMemoryMb();
  servedTurns += L.completed + L.warmupTurns;
  clearTimeout(cpuStartTimer);
  clearTimeout(cpuEndTimer);
  agent.destroy();
  for (const conv of convs) conversations.delete(conv.id);

  const sorted = L.latencies.sort((a, b) => a - b);
  const acks = L.ackLatencies.sort((a, b) => a - b);
  const n = sorted.length;
  const result = {
    level,
    turns: L.completed,
    turnsPerSec: round(L.completed / durationS, 1),
    latencySamples: n,
    p50Ms: round(percentile(sorted, 50), 2),
    p90Ms: round(percentile(sorted, 90), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(n ? sorted[n - 1] : null, 2),
    meanMs: round(n ? sorted.reduce((a, b) => a + b, 0) / n : null, 2),
    httpAckP50Ms: round(percentile(acks, 50), 2),
    loadgenCpuPct: round(cpuPct, 0),
    // The server's CPU time in the window over the turns completed in it (both counted at the
    // window's end), and its share of one core.
    serverCpuUsPerTurn: serverTicks !== null && completedAtServerEnd ? round(serverTicks / clkTck * 1e6 / completedAtServerEnd, 0) : null,
    serverCpuPct: serverTicks !== null ? round(serverTicks / clkTck / durationS * 100, 0) : null,
    serverRssMb: memory.rssMb,
    serverPeakRssMb: memory.peakRssMb,
    turnsServedSoFar: servedTurns,
    errors: L.errors,
    timeouts: L.timeouts,
    extraActivities: L.extra,
    warmupTurns: L.warmupTurns,
    sampleReply: L.sampleReply ?? null,
    errorSamples: L.errorSamples,
  };
  log(`[${opts.label}] level ${level}: ${result.turnsPerSec} turns/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}, timeouts ${result.timeouts}`);
  if (result.errorSamples.length) log(`[${opts.label}]   e.g. ${result.errorSamples[0]}`);
  return result;
}

// Turns this generator has had answered so far (warm-ups too), for the memory figures.
let servedTurns = 0;
let prewarmTurns = 0;

// ---------------------------------------------------------------- cold start and set-up
const coldConversationId = 'bench-cold-start';
let coldReply = null;

/** Posts an activity to the bot; resolves with the HTTP status and body, rejects on a connection error. */
function post(activity) {
  const payload = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: endpoint.hostname, port: endpoint.port || 80, path: endpoint.pathname + endpoint.search, method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function setUpActivity(conversationId, fields) {
  return activityIn(conversationId, serviceUrlOf(), userOf(0), fields);
}

/**
 * Process start to the first answered message: sends one message, again every 10 ms while the
 * port refuses it, and waits for its reply at the connector (90 s at most).
 */
async function coldStart(fromEpochMs) {
  const replied = new Promise((resolve) => { coldReply = resolve; });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const r = await post(setUpActivity(coldConversationId, { type: 'message', text: scenario === 'visit' ? 'ayuda' : opts.text }));
      if (r.status >= 200 && r.status < 300) break;
      throw new Error(`HTTP ${r.status}`);
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`no answer within 90 s for the cold start: ${e.message}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no reply within 90 s for the cold start')), Math.max(1, deadline - Date.now())).unref());
  await Promise.race([replied, timeout]);
  coldReply = null;
  return Date.now() - fromEpochMs;
}

/** The user's clients, from the visit form's type-ahead (application/search, dataset "clients"). */
async function findClients() {
  const r = await post(setUpActivity('bench-set-up', {
    type: 'invoke', name: 'application/search',
    value: { queryText: '', dataset: 'clients', queryOptions: { skip: 0, top: 15 } },
  }));
  const results = (() => { try { return JSON.parse(r.body)?.value?.results ?? []; } catch { return []; } })();
  const ids = results.map((x) => x.value).filter((v) => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v));
  if (!ids.length) throw new Error(`the visit scenario found no client of ${opts['user-name']} (HTTP ${r.status}: ${r.body.slice(0, 200)}); was the demo seeded?`);
  return ids;
}

function markdown(label, results) {
  const lines = [
    `| bot | conc | turns | turns/s | p50 ms | p99 ms | max ms | errors | timeouts |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  const f = (x) => (x === null || x === undefined ? '-' : String(x));
  for (const r of results) {
    lines.push(`| ${label} | ${r.level} | ${r.turns} | ${f(r.turnsPerSec)} | ${f(r.p50Ms)} | ${f(r.p99Ms)} | ${f(r.maxMs)} | ${r.errors} | ${r.timeouts} |`);
  }
  return lines.join('\n');
}

async function main() {
  await new Promise((resolve, reject) => {
    connector.once('error', reject);
    connector.listen(Number(opts['connector-port']), '127.0.0.1', resolve);
  });
  log(`[${opts.label}] fake connector at ${serviceUrlOf()}; bot endpoint ${endpoint.href}`);
  const coldStartMs = opts['cold-start-from'] ? await coldStart(Number(opts['cold-start-from'])) : null;
  if (coldStartMs !== null) log(`[${opts.label}] cold start: first reply ${coldStartMs} ms after the process started`);
  if (scenario === 'visit') {
    visitClients = await findClients();
    log(`[${opts.label}] visit scenario: ${visitClients.length} clients of ${opts['user-name']}`);
  }
  if (prewarmS > 0) {
    log(`[${opts.label}] pre-warm: ${prewarmS}s at 16 conversations, not measured`);
    const warm = await runLevel(16, prewarmS, 0.001);
    prewarmTurns = warm.turns + warm.warmupTurns;
  }
  const results = [];
  for (const level of levels) {
    results.push(await runLevel(level));
    await new Promise((r) => setTimeout(r, 500)); // let stray late activities land before the next level
  }
  const report = {
    label: opts.label,
    endpoint: endpoint.href,
    text: scenario === 'visit' ? null : opts.text,
    scenario,
    coldStartMs,
    prewarmS,
    prewarmTurns,
    warmupS, durationS, timeoutS: timeoutMs / 1000,
    countTyping,
    startedAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    connector: connectorStats,
    levels: results,
  };
  console.log(markdown(opts.label, results));
  if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
  connector.close();
  connector.closeAllConnections();
}

main().catch((err) => { console.error(err?.stack || err); process.exit(1); });
