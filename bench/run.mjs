#!/usr/bin/env node
// policy-lint benchmarks: the CLI and the language server measured as whole processes.
//
//   node bench/run.mjs            full set (~15 min on 2 cores), writes bench/results.json and the
//                                 generated parts of BENCHMARKS.md
//   node bench/run.mjs --quick    reduced set (~4 min), writes bench/results-quick.json only
//   options: --only=index,check,typing,features,side,ext (writes results-quick.json)   --no-build
//            --no-snapshot (run bin/ itself, not a copy of the build)   --no-wait (do not wait for a
//            quiet machine)   --no-profile (no CPU profiles of missed targets)   --keep-tmp
//
// Inputs are read from ../shared/corpus (BENCH_CORPUS_DIR overrides) and everything generated goes to
// a temporary folder outside the repository. See BENCHMARKS.md for what each figure means.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus10x, corpusStats, draftOf, prng, xwlbText } from './lib/data.mjs';
import { LspClient, positionAt } from './lib/lsp.mjs';
import { summarizeProfile } from './lib/profile.mjs';
import { median, run, summarize } from './lib/proc.mjs';
import { makeRules, plant, truthCount } from './lib/rules.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const CORPUS = process.env.BENCH_CORPUS_DIR || path.resolve(ROOT, '../shared/corpus');
const OFFICIAL = path.join(CORPUS, 'official-2016-2021');
const XWLB = path.join(CORPUS, 'xwlb-2025-2026');
// The processes run from a snapshot of bin/ and dist/ taken right after the build (bench/.snapshot,
// inside the package so that seeds/ and node_modules/ resolve as for bin/): a rebuild by someone else
// during the run cannot mix two builds or invalidate the warm caches. --no-snapshot runs bin/ itself.
const SNAPSHOT = !process.argv.includes('--no-snapshot');
const RUN_ROOT = SNAPSHOT ? path.join(BENCH, '.snapshot', String(process.pid)) : ROOT;
const CLI = path.join(RUN_ROOT, 'bin/policy-lint.js');
const LSP = path.join(RUN_ROOT, 'bin/policy-lsp.js');
const NODE = process.execPath;

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = (argv.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const want = (s) => !ONLY.length || ONLY.includes(s);
const PROFILE = !argv.includes('--no-profile');

// Repetitions: [min, max, time budget per measurement in ms]; a measurement stops at max runs, or at
// min runs once its budget is spent.
const P = QUICK
  ? { idxSeeds: [3, 3, 20e3], idxOffCold: [1, 1, 0], idxOffWarm: [2, 2, 0], tenfold: false, chkTotal: [1, 1, 0], chkRule: [1, 1, 0], chkLoad: [1, 1, 0], edits: 100, requests: 300, side: 2.5, sideOurs: [1, 1, 0], sideTl: [1, 1, 0], init: 5 }
  : { idxSeeds: [5, 5, 30e3], idxOffCold: [3, 3, 0], idxOffWarm: [5, 5, 0], tenfold: true, chkTotal: [3, 3, 120e3], chkRule: [1, 2, 20e3], chkLoad: [3, 3, 0], edits: 300, requests: 1000, side: 10, sideOurs: [3, 3, 60e3], sideTl: [1, 2, 60e3], init: 10 };

const TARGETS = {
  typingP95: 30,
  completionP95: 15,
  hoverP95: 10,
  indexColdS: 15,
  indexWarmS: 1.5,
  indexRssMb: 800,
  linearSlack: 1.25, // 10× the characters may cost at most 12.5× the time and memory
  sideBySide: 20,
};

const t0 = Date.now();
const log = (...a) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${a.join(' ')}\n`);

const TMP = mkdtempSync(path.join(os.tmpdir(), 'policy-lint-bench-'));
const rows = [];
const notes = [];
const profiles = [];
const extra = {};

function row(r) {
  r.load1 = +os.loadavg()[0].toFixed(2);
  rows.push(r);
  const fmt = (v) => (v === undefined || Number.isNaN(v) ? '—' : typeof v === 'number' ? +v.toFixed(2) : v);
  log(`  ${r.section} · ${r.what} [${r.input}]: median ${fmt(r.median)} p95 ${fmt(r.p95)} ${r.unit}${r.status ? ` ${r.status}` : ''}`);
  return r;
}

function judge(value, limit) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value <= limit ? 'pass' : 'MISS';
}

async function repeat([min, max, budget], fn) {
  const out = [];
  const started = Date.now();
  while (out.length < max && (out.length < min || Date.now() - started < budget)) out.push(await fn(out.length));
  return out;
}

function tmp(...parts) {
  const p = path.join(TMP, ...parts);
  mkdirSync(path.dirname(p), { recursive: true });
  return p;
}

function freshDir(name) {
  const d = mkdtempSync(path.join(TMP, `${name}-`));
  return d;
}

const cwdDir = freshDir('cwd'); // no policy-lint.json here: the CLI reads ./policy-lint.json by default

/** Runs the CLI as a whole process with its cache under `cacheHome` (XDG_CACHE_HOME). */
function cli(args, { cacheHome, nodeArgs = [], timeoutMs } = {}) {
  return run(NODE, [...nodeArgs, CLI, ...args], { cwd: cwdDir, env: { XDG_CACHE_HOME: cacheHome, POLICY_LINT_LANG: 'en' }, timeoutMs });
}

function sha(file) {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
  } catch {
    return undefined;
  }
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim();
  let nproc;
  try {
    nproc = Number(execFileSync('nproc').toString().trim());
  } catch {
    nproc = os.availableParallelism?.() ?? os.cpus().length;
  }
  return { nproc, cpu: model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}`, loadavgStart: os.loadavg().map((x) => +x.toFixed(2)) };
}

// A fixed workload of the kinds the product spends its time on (random reads over a 16 MB typed
// array, as a suffix array does; 300 k small objects through JSON, as the index cache does), run in
// a fresh process at the start and the end: machines of the same kind differ by 2× and more, and a
// shared one changes during a run. Divide two runs' figures by their reference times to compare them.
const REFERENCE_WORKLOAD = `const t = process.hrtime.bigint();
let x = 12345; const n = 1 << 22; const a = new Int32Array(n);
for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; a[i] = x & (n - 1); }
let s = 0; for (let r = 0; r < 4; r++) for (let i = 0; i < n; i++) s += a[a[i]];
const objs = []; for (let i = 0; i < 300000; i++) objs.push({ text: '术语' + i, refs: [[i, i + 1, i + 2]] });
const back = JSON.parse(JSON.stringify(objs));
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6 + (s + back.length) * 0));`;

/** Median of three runs of REFERENCE_WORKLOAD, in ms. */
function referenceWorkload() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(NODE, ['-e', REFERENCE_WORKLOAD], { encoding: 'utf8' });
    times.push(Number(r.stdout));
  }
  return +median(times).toFixed(0);
}

function short(text, n) {
  if (text.length <= n) return text;
  const cut = text.lastIndexOf(' ', n);
  return text.slice(0, cut > n / 2 ? cut : n) + '…';
}

function gitInfo() {
  const g = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  const dirty = g('status', '--porcelain', '--', 'server', 'client', 'seeds', 'scripts/build.mjs');
  const diff = dirty ? spawnSync('git', ['diff', 'HEAD', '--', 'server', 'client', 'seeds'], { cwd: ROOT }).stdout : undefined;
  return { head: g('rev-parse', '--short', 'HEAD'), subject: short(g('log', '-1', '--format=%s'), 90), dirtyServer: !!dirty, dirtyDiff: diff ? createHash('sha256').update(diff).digest('hex').slice(0, 12) : undefined, dirtyFiles: dirty ? dirty.split('\n').length : 0 };
}

// ———————————————————————————————————————— inputs ————————————————————————————————————————

const inputs = {};

function prepareInputs() {
  log('preparing inputs in', TMP);
  const official = corpusStats(OFFICIAL);
  inputs.official = { dir: OFFICIAL, ...official, label: `official-2016-2021 (${official.files} files, ${(official.chars / 1e6).toFixed(2)} M chars)` };
  inputs.seeds = { dir: null, label: 'bundled seeds' };
  const seedDir = path.join(ROOT, 'seeds');
  const seedStats = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).reduce((a, f) => ({ files: a.files + 1, chars: a.chars + readFileSync(path.join(seedDir, f), 'utf8').length }), { files: 0, chars: 0 });
  inputs.seeds = { dir: null, ...seedStats, label: `bundled seeds (${seedStats.files} files, ${(seedStats.chars / 1e3).toFixed(0)} k chars)` };
  const xwlb = xwlbText(XWLB);
  inputs.xwlbText = xwlb;
  const d400 = draftOf(xwlb, 400_000);
  writeFileSync(tmp('drafts/draft400k.md'), d400);
  inputs.draft400k = { file: tmp('drafts/draft400k.md'), chars: d400.length, label: `xwlb draft ${(d400.length / 1e3).toFixed(0)} k chars` };
  const d20 = draftOf(xwlb, 20_000);
  writeFileSync(tmp('drafts/draft20k.md'), d20);
  inputs.draft20k = { file: tmp('drafts/draft20k.md'), text: d20, chars: d20.length, label: `xwlb draft ${(d20.length / 1e3).toFixed(1)} k chars` };
  writeFileSync(tmp('drafts/tiny.md'), '。\n');
  inputs.tiny = { file: tmp('drafts/tiny.md') };
}

function prepareTenfold() {
  if (inputs.tenfold) return inputs.tenfold;
  const dir = tmp('corpus10x/x');
  const started = Date.now();
  const s = buildCorpus10x(OFFICIAL, dir, 10);
  log(`10× corpus: ${s.files} files, ${(s.chars / 1e6).toFixed(1)} M chars in ${Date.now() - started} ms`);
  inputs.tenfold = { dir, ...s, label: `official ×10, numbers rotated (${s.files} files, ${(s.chars / 1e6).toFixed(1)} M chars)` };
  return inputs.tenfold;
}

// Warm CLI caches per corpus (XDG_CACHE_HOME folders), filled by the index section or on demand.
const warmCli = {};
async function warmCacheFor(key) {
  if (warmCli[key]) return warmCli[key];
  const home = freshDir(`cache-cli-${key}`);
  const src = inputs[key].dir;
  const r = await cli(['index', ...(src ? ['--sources', src] : []), '--json'], { cacheHome: home });
  if (r.code !== 0) throw new Error(`index ${key} failed: ${r.stderr.slice(0, 500)}`);
  warmCli[key] = home;
  return home;
}

// ———————————————————————————————————————— 1. index ————————————————————————————————————————

async function indexOnce(key, cacheHome, nodeArgs = []) {
  const src = inputs[key].dir;
  const r = await cli(['index', ...(src ? ['--sources', src] : []), '--json'], { cacheHome, nodeArgs, timeoutMs: 30 * 60_000 });
  if (r.code !== 0) throw new Error(`index ${key}: exit ${r.code}: ${r.stderr.slice(0, 500)}`);
  const j = JSON.parse(r.stdout);
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, timeMs: j.time_ms, rssMb: r.peakRssMb ?? j.peak_rss_mb, selfRssMb: j.peak_rss_mb, cached: j.cached_files, files: j.counts.files, terms: j.counts.terms, chars: j.files.reduce((n, f) => n + f.chars, 0) };
}

const cpuS = (runs) => (median(runs.map((x) => x.cpuMs)) / 1000).toFixed(2);

async function benchIndexFor(key, coldReps, warmReps) {
  const inp = inputs[key];
  log(`index: ${inp.label}`);
  const colds = [];
  let lastHome;
  await repeat(coldReps, async () => {
    lastHome = freshDir(`cache-cli-${key}`);
    colds.push(await indexOnce(key, lastHome));
  });
  warmCli[key] = lastHome;
  const warms = await repeat(warmReps, () => indexOnce(key, lastHome));
  const cold = summarize(colds.map((c) => c.wallMs / 1000));
  const coldIn = summarize(colds.map((c) => c.timeMs / 1000));
  const warm = summarize(warms.map((c) => c.wallMs / 1000));
  const warmIn = summarize(warms.map((c) => c.timeMs / 1000));
  const rss = Math.max(...colds.map((c) => c.rssMb));
  const warmRss = Math.max(...warms.map((c) => c.rssMb));
  const official = key === 'official';
  const info = { files: colds[0].files, terms: colds[0].terms, indexedChars: colds[0].chars, cachedFilesWarm: warms[0]?.cached };
  row({ section: '1 index', what: 'cold (no cache), whole process', input: inp.label, unit: 's', ...cold, detail: `in-process time_ms median ${coldIn.median.toFixed(2)} s; CPU (user+sys) median ${cpuS(colds)} s; ${(info.indexedChars / cold.median / 1e3).toFixed(0)} k chars/s; ${info.files} files, ${info.terms} terms`, target: official ? `≤ ${TARGETS.indexColdS} s` : '', status: official ? judge(cold.median, TARGETS.indexColdS) : '', key: `index.${key}.cold` });
  row({ section: '1 index', what: 'warm (cache), whole process', input: inp.label, unit: 's', ...warm, detail: `in-process time_ms median ${warmIn.median.toFixed(2)} s; CPU (user+sys) median ${cpuS(warms)} s; ${info.cachedFilesWarm}/${info.files} files from cache`, target: official ? `≤ ${TARGETS.indexWarmS} s` : '', status: official ? judge(warm.median, TARGETS.indexWarmS) : '', key: `index.${key}.warm` });
  row({ section: '1 index', what: 'peak RSS, cold (warm)', input: inp.label, unit: 'MB', n: colds.length, median: median(colds.map((c) => c.rssMb)), p95: rss, detail: `warm run peak ${warmRss.toFixed(0)} MB; max over runs in p95 column`, target: official ? `≤ ${TARGETS.indexRssMb} MB` : '', status: official ? judge(rss, TARGETS.indexRssMb) : '', key: `index.${key}.rss` });
  extra[`index.${key}`] = { colds, warms, info };
  return { cold, warm, rss, warmRss, info };
}

async function sectionIndex() {
  const seeds = await benchIndexFor('seeds', P.idxSeeds, P.idxSeeds);
  const off = await benchIndexFor('official', P.idxOffCold, P.idxOffWarm);
  if (!P.tenfold) {
    notes.push('The 10× corpus is skipped in --quick runs.');
    return;
  }
  prepareTenfold();
  const ten = await benchIndexFor('tenfold', [1, 1, 0], [1, 1, 0]);
  const charRatio = ten.info.indexedChars / off.info.indexedChars;
  const limit = charRatio * TARGETS.linearSlack;
  const tr = ten.cold.median / off.cold.median;
  const wr = ten.warm.median / off.warm.median;
  const rr = ten.rss / off.rss;
  row({ section: '1 index', what: 'growth 10× corpus ÷ official: cold time', input: `${charRatio.toFixed(2)}× the characters`, unit: '×', n: 1, median: tr, detail: `linear = ${charRatio.toFixed(2)}×`, target: `≤ ${limit.toFixed(1)}× (linear +25%)`, status: judge(tr, limit), key: 'index.growth.cold' });
  row({ section: '1 index', what: 'growth 10× corpus ÷ official: warm time', input: `${charRatio.toFixed(2)}× the characters`, unit: '×', n: 1, median: wr, detail: `linear = ${charRatio.toFixed(2)}×`, target: `≤ ${limit.toFixed(1)}× (linear +25%)`, status: judge(wr, limit), key: 'index.growth.warm' });
  row({ section: '1 index', what: 'growth 10× corpus ÷ official: peak RSS', input: `${charRatio.toFixed(2)}× the characters`, unit: '×', n: 1, median: rr, detail: `linear = ${charRatio.toFixed(2)}×`, target: `≤ ${limit.toFixed(1)}× (linear +25%)`, status: judge(rr, limit), key: 'index.growth.rss' });
  void seeds;
}

// ———————————————————————————————————————— 2. check throughput ————————————————————————————————————————

const RULE_IDS = ['variant-char', 'duplicate', 'term-typo', 'quote-mismatch', 'punctuation', 'user-rule'];

function writeConfig(name, obj) {
  const f = tmp('configs', `${name}.json`);
  writeFileSync(f, JSON.stringify(obj, null, 1));
  return f;
}

async function checkOnce(key, cacheHome, config, file, nodeArgs = []) {
  const src = inputs[key].dir;
  const r = await cli(['check', ...(src ? ['--sources', src] : []), '--config', config, '--format', 'json', file], { cacheHome, nodeArgs, timeoutMs: 20 * 60_000 });
  if (r.code !== 0 && r.code !== 1) throw new Error(`check ${key} ${path.basename(file)}: exit ${r.code}: ${r.stderr.slice(0, 500)}`);
  const findings = JSON.parse(r.stdout);
  const byRule = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, rssMb: r.peakRssMb, findings: findings.length, byRule, list: findings };
}

async function sectionCheck() {
  const rules = ensureRules();
  const replace = rules.map((r) => ({ pattern: r.wrong, expected: r.right }));
  const all = writeConfig('check-all', { replace });
  const only = Object.fromEntries(RULE_IDS.map((id) => [id, writeConfig(`check-only-${id}`, { rules: Object.fromEntries(RULE_IDS.filter((x) => x !== id).map((x) => [x, 'off'])), replace })]));
  const d = inputs.draft400k;
  for (const key of ['seeds', 'official']) {
    const inp = inputs[key];
    const home = await warmCacheFor(key);
    log(`check: ${d.label} with ${inp.label}`);
    const load = await repeat(P.chkLoad, () => checkOnce(key, home, all, inputs.tiny.file));
    const loadMs = median(load.map((x) => x.wallMs));
    row({ section: '2 check', what: 'index load + start (check of a 2-char draft)', input: inp.label, unit: 's', ...summarize(load.map((x) => x.wallMs / 1000)), detail: 'subtracted from the raw times below', key: `check.${key}.load` });
    const total = await repeat(P.chkTotal, () => checkOnce(key, home, all, d.file));
    const raw = summarize(total.map((x) => x.wallMs / 1000));
    const net = (raw.median * 1000 - loadMs) / 1000;
    row({ section: '2 check', what: 'all rules: raw time', input: `${d.label}; ${inp.label}`, unit: 's', ...raw, detail: `CPU (user+sys) median ${cpuS(total)} s; ${total[0].findings} findings ${JSON.stringify(total[0].byRule)}; peak RSS ${Math.round(Math.max(...total.map((x) => x.rssMb)))} MB`, key: `check.${key}.raw` });
    const kcs = (sec) => d.chars / sec / 1000;
    row({ section: '2 check', what: 'all rules: throughput net of index load (raw)', input: `${d.label}; ${inp.label}`, unit: 'k chars/s', n: total.length, median: kcs(net), display: `${kcs(net).toFixed(0)} (raw ${kcs(raw.median).toFixed(0)}) k chars/s`, detail: `net ${net.toFixed(2)} s = raw ${raw.median.toFixed(2)} s − load ${(loadMs / 1000).toFixed(2)} s; net ${kcs(net).toFixed(0)} k chars/s, raw ${kcs(raw.median).toFixed(0)} k chars/s`, key: `check.${key}.throughput` });
    for (const id of RULE_IDS) {
      const rr = await repeat(P.chkRule, () => checkOnce(key, home, only[id], d.file));
      const rawS = median(rr.map((x) => x.wallMs)) / 1000;
      // A net time under 0.1 s is below what two process runs can resolve: reported as a bound.
      const netS = rawS - loadMs / 1000;
      const floor = netS < 0.1;
      const shown = floor ? `> ${kcs(0.1).toFixed(0)}` : kcs(netS).toFixed(0);
      row({ section: '2 check', what: `only ${id}: throughput net (raw)`, input: `${d.label}; ${inp.label}`, unit: 'k chars/s', n: rr.length, median: kcs(Math.max(0.1, netS)), display: `${shown} (raw ${kcs(rawS).toFixed(0)}) k chars/s`, detail: `raw ${rawS.toFixed(2)} s, net ${netS.toFixed(2)} s${floor ? ' (below the 0.1 s resolution: the throughput is a lower bound)' : ''}; ${rr[0].byRule[id] ?? 0} findings`, key: `check.${key}.rule.${id}`, rawS, netS });
    }
  }
}

// ———————————————————————————————————————— 3/4. LSP ————————————————————————————————————————

const serverCaches = {};
function serverCacheFor(key) {
  // The server's cache key includes the hash of its own bundle, which differs from the CLI's, and each
  // prunes caches of other code versions: the server gets its own cache folder.
  if (!serverCaches[key]) serverCaches[key] = freshDir(`cache-lsp-${key}`);
  return serverCaches[key];
}

function workspaceFor(key) {
  const ws = freshDir(`ws-${key}`);
  if (inputs[key].dir) writeFileSync(path.join(ws, 'policy-lint.json'), JSON.stringify({ sources: [inputs[key].dir] }));
  return ws;
}

/** Starts the server on a workspace, opens the draft and waits for the index and the first diagnostics after it. */
async function openSession(key, text, { nodeArgs = [] } = {}) {
  const ws = workspaceFor(key);
  const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
  writeFileSync(path.join(ws, 'draft.md'), text);
  const client = new LspClient(LSP, { cwd: ws, env: { POLICY_LINT_CACHE_DIR: serverCacheFor(key) }, nodeArgs });
  // Ready = the index notification, then diagnostics of version 1 computed after it (both may arrive in
  // one chunk, so listeners are in place before anything is sent and order is kept by arrival number).
  let indexed;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout waiting for the index and the diagnostics after it: ${client.stderr.slice(-500)}`)), 20 * 60_000);
    const offIndexed = client.on('policyLint/indexed', (params, at, seq) => {
      if (!indexed) indexed = { params, at, seq };
    });
    const offDiags = client.on('textDocument/publishDiagnostics', (p, _at, seq) => {
      if (!indexed || seq <= indexed.seq || p.uri !== uri || p.version !== 1) return;
      clearTimeout(timer);
      offIndexed();
      offDiags();
      resolve();
    });
  });
  const init = await client.initialize(ws);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await ready;
  const idx = indexed;
  await new Promise((r) => setTimeout(r, 500)); // completion lookups are prepared right after indexing
  return { client, uri, ws, indexed: idx.params, initMs: init.ms, indexedAfterMs: Number(idx.at - client.spawnedAt) / 1e6 };
}

const POOL = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反';

async function typing(key, edits, { nodeArgs = [] } = {}) {
  const d = inputs.draft20k;
  const s = await openSession(key, d.text, { nodeArgs });
  const rand = prng(20260101);
  let text = d.text;
  let version = 1;
  const lat = [];
  let diagCount = 0;
  const from = process.hrtime.bigint();
  for (let i = 0; i < edits; i++) {
    let start;
    let end;
    let insert;
    if (rand() < 2 / 3) {
      start = end = Math.floor(rand() * (text.length + 1));
      insert = POOL[Math.floor(rand() * POOL.length)];
    } else {
      do start = Math.floor(rand() * text.length);
      while (text[start] === '\n' || (text.charCodeAt(start) & 0xfc00) === 0xd800 || (text.charCodeAt(start) & 0xfc00) === 0xdc00);
      end = start + 1;
      insert = '';
    }
    // Keep surrogate pairs whole.
    if (start > 0 && (text.charCodeAt(start) & 0xfc00) === 0xdc00) start = end = start - 1;
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    text = text.slice(0, start) + insert + text.slice(end);
    version++;
    const v = version;
    const got = s.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === s.uri && p.version === v, 120_000);
    const sent = process.hrtime.bigint();
    s.client.notify('textDocument/didChange', { textDocument: { uri: s.uri, version: v }, contentChanges: [{ range, text: insert }] });
    const { params, at } = await got;
    lat.push(Number(at - sent) / 1e6);
    diagCount = params.diagnostics.length;
  }
  const to = process.hrtime.bigint();
  await s.client.shutdown();
  return { lat, session: s, diagCount, window: [from, to] };
}

async function sectionTyping() {
  for (const key of ['seeds', 'official']) {
    const inp = inputs[key];
    log(`typing: ${P.edits} edits in ${inputs.draft20k.label} with ${inp.label}`);
    if (key === 'official') {
      // The first server run fills the server's own cache; its index time is reported as cold.
      const r = await typing(key, 0);
      extra.serverIndexColdMs = r.session.indexed.ms;
      row({ section: '3 typing', what: 'server: first index (cold) until policyLint/indexed', input: inp.label, unit: 's', n: 1, median: r.session.indexedAfterMs / 1000, detail: `index ms reported by the server ${r.session.indexed.ms}`, key: `typing.${key}.serverCold` });
    }
    const r = await typing(key, P.edits);
    const s = summarize(r.lat);
    row({ section: '3 typing', what: 'didChange → publishDiagnostics', input: `${inputs.draft20k.label}; ${inp.label}`, unit: 'ms', ...s, detail: `${P.edits} one-character edits (seeded); ${r.diagCount} diagnostics at the end; server index ${r.session.indexed.ms} ms (warm)`, target: `p95 ≤ ${TARGETS.typingP95} ms`, status: judge(s.p95, TARGETS.typingP95), key: `typing.${key}` });
    row({ section: '3 typing', what: 'server: index from its cache (policyLint/indexed ms)', input: inp.label, unit: 's', n: 1, median: r.session.indexed.ms / 1000, detail: `spawn → policyLint/indexed ${(r.session.indexedAfterMs / 1000).toFixed(2)} s`, key: `typing.${key}.serverWarm` });
    extra[`typing.${key}`] = r.lat.map((x) => +x.toFixed(2));
  }
}

async function features(key, n, { nodeArgs = [] } = {}) {
  const d = inputs.draft20k;
  const s = await openSession(key, d.text, { nodeArgs });
  const rand = prng(4242);
  const out = {};
  const from = process.hrtime.bigint();
  for (const method of ['textDocument/completion', 'textDocument/hover']) {
    const lat = [];
    let nonEmpty = 0;
    let items = 0;
    for (let i = 0; i < n; i++) {
      const position = positionAt(d.text, Math.floor(rand() * (d.text.length + 1)));
      const r = await s.client.request(method, { textDocument: { uri: s.uri }, position });
      lat.push(r.ms);
      const res = r.result;
      const count = Array.isArray(res) ? res.length : res?.items ? res.items.length : res ? 1 : 0;
      if (count) nonEmpty++;
      items += count;
    }
    out[method] = { lat, nonEmpty, items };
  }
  const to = process.hrtime.bigint();
  await s.client.shutdown();
  return { out, session: s, window: [from, to] };
}

async function sectionFeatures() {
  const key = 'official';
  log(`completion and hover: ${P.requests} each in ${inputs.draft20k.label} with ${inputs[key].label}`);
  const { out } = await features(key, P.requests);
  const c = out['textDocument/completion'];
  const h = out['textDocument/hover'];
  const cs = summarize(c.lat);
  const hs = summarize(h.lat);
  row({ section: '4 features', what: 'completion request → response', input: `${P.requests} random positions, ${inputs.draft20k.label}; ${inputs[key].label}`, unit: 'ms', ...cs, detail: `${c.nonEmpty} non-empty answers, ${(c.items / P.requests).toFixed(1)} items on average`, target: `p95 ≤ ${TARGETS.completionP95} ms`, status: judge(cs.p95, TARGETS.completionP95), key: 'features.completion' });
  row({ section: '4 features', what: 'hover request → response', input: `${P.requests} random positions, ${inputs.draft20k.label}; ${inputs[key].label}`, unit: 'ms', ...hs, detail: `${h.nonEmpty} non-empty answers`, target: `p95 ≤ ${TARGETS.hoverP95} ms`, status: judge(hs.p95, TARGETS.hoverP95), key: 'features.hover' });
  extra.completion = c.lat.map((x) => +x.toFixed(2));
  extra.hover = h.lat.map((x) => +x.toFixed(2));
}

// ———————————————————————————————————————— 5. side by side ————————————————————————————————————————

let rulesCache;
function ensureRules() {
  if (rulesCache) return rulesCache;
  const jiebaRequire = createRequire(path.join(ROOT, 'package.json'));
  const { Jieba } = jiebaRequire('@node-rs/jieba');
  const { dict } = jiebaRequire('@node-rs/jieba/dict');
  const base = readFileSync(inputs.draft400k.file, 'utf8');
  const officialText = readdirSync(OFFICIAL).sort().map((f) => readFileSync(path.join(OFFICIAL, f), 'utf8')).join('\n');
  rulesCache = makeRules({ jieba: Jieba.withDict(dict), base, avoid: [inputs.xwlbText, officialText, readFileSync(path.join(ROOT, 'seeds', readdirSync(path.join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))), 'utf8')], count: 500 });
  inputs.officialText = officialText;
  return rulesCache;
}

function ensureTextlint() {
  const bin = path.join(BENCH, 'node_modules/textlint/bin/textlint.js');
  if (existsSync(bin) && existsSync(path.join(BENCH, 'node_modules/textlint-rule-prh'))) return bin;
  log('installing textlint + textlint-rule-prh: npm ci --prefix bench');
  const r = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(bin)) throw new Error('npm ci --prefix bench failed');
  return bin;
}

function prhYaml(rules) {
  const lines = ['version: 1', 'rules:'];
  for (const r of rules) lines.push(`  - expected: ${JSON.stringify(r.right)}`, `    pattern: ${JSON.stringify(r.wrong)}`);
  return lines.join('\n') + '\n';
}

async function textlintOnce(bin, dir, file) {
  const r = await run(NODE, [bin, '--config', path.join(dir, '.textlintrc.json'), '--format', 'json', file], { cwd: dir, timeoutMs: 30 * 60_000 });
  if (r.code !== 0 && r.code !== 1) throw new Error(`textlint: exit ${r.code}: ${r.stderr.slice(0, 800)}`);
  const res = JSON.parse(r.stdout);
  const msgs = res.flatMap((x) => x.messages).filter((m) => m.ruleId === 'prh');
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, rssMb: r.peakRssMb, findings: msgs.length, offsets: msgs.map((m) => (Array.isArray(m.range) ? m.range[0] : m.index)) };
}

async function sectionSide() {
  const bin = ensureTextlint();
  const rules = ensureRules();
  const dir = freshDir('side');
  writeFileSync(path.join(dir, 'prh.yml'), prhYaml(rules));
  writeFileSync(path.join(dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [path.join(dir, 'prh.yml')] } } }));
  const cfg = path.join(dir, 'policy-lint.json');
  writeFileSync(cfg, JSON.stringify({ replace: rules.map((r) => ({ pattern: r.wrong, expected: r.right })) }));
  // Like for like with prh: the replace list alone (every other rule off). Reported beside, not judged.
  const cfgUser = path.join(dir, 'policy-lint.user-rule-only.json');
  writeFileSync(cfgUser, JSON.stringify({ rules: Object.fromEntries(RULE_IDS.filter((x) => x !== 'user-rule').map((x) => [x, 'off'])), replace: rules.map((r) => ({ pattern: r.wrong, expected: r.right })) }));
  const base = readFileSync(inputs.draft400k.file, 'utf8').replace(/\n+$/, '');
  const planted = plant(base, rules, 2);
  const copies = P.side;
  const whole = Math.floor(copies);
  let big = Array.from({ length: whole }, () => planted.text).join('\n\n');
  if (copies > whole) big += '\n\n' + planted.text.slice(0, planted.text.lastIndexOf('\n', Math.round(planted.text.length * (copies - whole))));
  const oneLine = planted.text.replace(/\s*\n\s*/g, '');
  // (a′) distinct real paragraphs: the official corpus (no paragraph repeats, so no paragraph cache help).
  const offParas = inputs.officialText.split('\n').map((x) => x.trim()).filter((x) => x.length > 0);
  let distinct = '';
  for (const p of offParas) {
    if (distinct.length >= big.length) break;
    distinct += (distinct ? '\n\n' : '') + p;
  }
  const distinctPlanted = plant(distinct, rules, 2 * copies);
  const cases = [
    { id: 'a', file: path.join(dir, 'xwlb-x10.md'), text: big, label: `(a) ${(big.length / 1e6).toFixed(2)} M chars: planted xwlb text ×${copies}, real paragraphs` },
    { id: 'a2', file: path.join(dir, 'official-paras.md'), text: distinctPlanted.text, label: `(a′) ${(distinctPlanted.text.length / 1e6).toFixed(2)} M chars: distinct official paragraphs` },
    { id: 'b', file: path.join(dir, 'one-paragraph.md'), text: oneLine, label: `(b) ${(oneLine.length / 1e3).toFixed(0)} k chars in one paragraph` },
  ];
  const home = await warmCacheFor('seeds');
  for (const c of cases) {
    writeFileSync(c.file, c.text);
    const truth = truthCount(c.text, rules);
    log(`side by side: ${c.label}; ${truth.count} planted occurrences`);
    const ours = await repeat(P.sideOurs, () => checkOnce('seeds', home, cfg, c.file));
    const tl = await repeat(P.sideTl, () => textlintOnce(bin, dir, c.file));
    const ourUser = ours[0].list.filter((f) => f.rule === 'user-rule');
    const ourSet = new Set(ourUser.map((f) => f.offset));
    const tlSet = new Set(tl[0].offsets);
    const truthSet = new Set(truth.offsets);
    const agree = ourSet.size === tlSet.size && [...ourSet].every((o) => tlSet.has(o));
    const ourMissing = [...truthSet].filter((o) => !ourSet.has(o)).length;
    const tlMissing = [...truthSet].filter((o) => !tlSet.has(o)).length;
    const om = median(ours.map((x) => x.wallMs)) / 1000;
    const tm = median(tl.map((x) => x.wallMs)) / 1000;
    const ratio = tm / om;
    const isTarget = c.id === 'a';
    const counts = `planted ${truth.count}; policy-lint user-rule ${ourUser.length} (missed ${ourMissing}), textlint prh ${tl[0].findings} (missed ${tlMissing}); same offsets: ${agree ? 'yes' : 'NO'}`;
    row({ section: '5 side by side', what: 'policy-lint check (all rules + 500 replace)', input: c.label, unit: 's', ...summarize(ours.map((x) => x.wallMs / 1000)), detail: `CPU (user+sys) median ${cpuS(ours)} s; peak RSS ${Math.round(Math.max(...ours.map((x) => x.rssMb)))} MB; ${ours[0].findings} findings in all ${JSON.stringify(ours[0].byRule)}`, key: `side.${c.id}.ours` });
    row({ section: '5 side by side', what: 'textlint + prh (500 rules)', input: c.label, unit: 's', ...summarize(tl.map((x) => x.wallMs / 1000)), detail: `CPU (user+sys) median ${cpuS(tl)} s; peak RSS ${Math.round(Math.max(...tl.map((x) => x.rssMb)))} MB`, key: `side.${c.id}.textlint` });
    row({ section: '5 side by side', what: 'speed-up textlint ÷ policy-lint; planted findings', input: c.label, unit: '×', n: Math.min(ours.length, tl.length), median: ratio, detail: counts, target: isTarget ? `≥ ${TARGETS.sideBySide}×` : '', status: isTarget ? (ratio >= TARGETS.sideBySide ? 'pass' : 'MISS') : '', key: `side.${c.id}.ratio`, agree, planted: truth.count, ours: ourUser.length, textlint: tl[0].findings });
    const only = await repeat(P.sideOurs, () => checkOnce('seeds', home, cfgUser, c.file));
    const onlyM = median(only.map((x) => x.wallMs)) / 1000;
    row({ section: '5 side by side', what: 'like for like: policy-lint with user-rule only; speed-up', input: c.label, unit: '×', n: only.length, median: tm / onlyM, detail: `policy-lint user-rule only ${onlyM.toFixed(2)} s (CPU ${cpuS(only)} s), ${only[0].byRule['user-rule'] ?? 0} findings; textlint ${tm.toFixed(2)} s`, key: `side.${c.id}.userOnly` });
    c.ours = ours.map((x) => x.wallMs);
    c.textlint = tl.map((x) => x.wallMs);
  }
  extra.sideCases = cases.map((c) => ({ id: c.id, chars: c.text.length, label: c.label, oursMs: c.ours, textlintMs: c.textlint }));
  extra.rulesSample = rules.slice(0, 10);
  extra.sideFiles = cases;
}

// ———————————————————————————————————————— 6. extension ————————————————————————————————————————

async function sectionExt() {
  log('extension: require time of dist/server.js, initialize, .vsix');
  const serverJs = path.join(RUN_ROOT, 'dist/server.js');
  // A script file (not -e) so that process.argv carries --stdio where vscode-languageserver looks for it.
  const script = tmp('require-time.js');
  writeFileSync(script, `const t=process.hrtime.bigint();require(${JSON.stringify(serverJs)});require('fs').writeSync(2,'REQUIRE_MS='+Number(process.hrtime.bigint()-t)/1e6+'\\n');process.exit(0);\n`);
  const req = [];
  const nodeOnly = [];
  for (let i = 0; i < P.init; i++) {
    const r = await run(NODE, [script, '--stdio'], { cwd: cwdDir, input: '' });
    req.push(Number(/REQUIRE_MS=([\d.]+)/.exec(r.stderr)?.[1]));
    nodeOnly.push((await run(NODE, ['-e', '0'], { cwd: cwdDir })).wallMs);
  }
  row({ section: '6 extension', what: 'require(dist/server.js) in a fresh node', input: `dist/server.js ${(statSync(serverJs).size / 1e6).toFixed(2)} MB`, unit: 'ms', ...summarize(req), detail: `node start alone (node -e 0, whole process) median ${median(nodeOnly).toFixed(0)} ms`, key: 'ext.require' });
  const spawnToInit = [];
  const initRt = [];
  for (let i = 0; i < P.init; i++) {
    const ws = freshDir('ws-init');
    const client = new LspClient(LSP, { cwd: ws, env: { POLICY_LINT_CACHE_DIR: freshDir('cache-init') } });
    const r = await client.initialize(ws);
    spawnToInit.push(Number(r.at - client.spawnedAt) / 1e6);
    initRt.push(r.ms);
    await client.shutdown();
  }
  row({ section: '6 extension', what: 'spawn policy-lsp → initialize answered', input: 'node bin/policy-lsp.js --stdio', unit: 'ms', ...summarize(spawnToInit), detail: `initialize round trip alone (request written → response, includes the server's start while the request waits) median ${median(initRt).toFixed(0)} ms`, key: 'ext.initialize' });
  const vsix = readdirSync(ROOT).filter((f) => f.endsWith('.vsix'));
  if (vsix.length) {
    for (const v of vsix) {
      const p = path.join(ROOT, v);
      let entries = '';
      const l = spawnSync('unzip', ['-l', p], { encoding: 'utf8' });
      if (l.status === 0) {
        const m = /(\d+)\s+(\d+) files?\s*$/.exec(l.stdout.trim());
        if (m) entries = `; ${m[2]} files, ${(Number(m[1]) / 1e6).toFixed(1)} MB unpacked`;
      }
      row({ section: '6 extension', what: '.vsix size', input: `${v} (built ${statSync(p).mtime.toISOString().slice(0, 16)})`, unit: 'MB', n: 1, median: statSync(p).size / 1e6, detail: `${statSync(p).size} bytes${entries}`, key: 'ext.vsix' });
    }
  } else {
    notes.push('No .vsix in the repository root: its size was not measured (npm run package builds it).');
  }
  notes.push('Client activation is not measurable without VS Code: dist/client.js needs the vscode module. Its require time and the server start stand in for it.');
}

// ———————————————————————————————————————— profiles for misses ————————————————————————————————————————

async function profileRun(label, fn) {
  const dir = freshDir('prof');
  let window;
  try {
    const r = await fn(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    if (r?.window) window = r.window.map((x) => Number(x / 1000n));
  } catch (e) {
    log(`profile ${label} failed: ${e.message}`);
    return;
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) {
    log(`profile ${label}: no .cpuprofile written`);
    return;
  }
  // The largest profile is the process that did the work.
  const f = files.map((x) => path.join(dir, x)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const s = summarizeProfile(f, { top: 40, root: ROOT, window });
  profiles.push({ label: window ? `${label} (samples during the measured requests only)` : label, ...s });
  log(`profile ${label}: busy ${s.busyMs} ms; top: ${s.functions.slice(0, 3).map((x) => `${x.name} ${(x.share * 100).toFixed(1)}%`).join(', ')}`);
}

async function sectionProfiles() {
  const missed = new Set(rows.filter((r) => r.status === 'MISS').map((r) => r.key));
  if (!missed.size || !PROFILE) return;
  log(`profiling ${[...missed].join(', ')}`);
  if (missed.has('index.official.cold') || missed.has('index.official.rss') || missed.has('index.growth.cold') || missed.has('index.growth.rss')) {
    // Also the baseline for the 10× profile below.
    await profileRun('CLI index, official corpus, cold', (nodeArgs) => indexOnce('official', freshDir('cache-prof'), nodeArgs));
  }
  if ((missed.has('index.growth.cold') || missed.has('index.growth.rss')) && inputs.tenfold) {
    await profileRun('CLI index, 10× corpus, cold', (nodeArgs) => indexOnce('tenfold', freshDir('cache-prof'), nodeArgs));
  }
  if (missed.has('index.official.warm') || missed.has('index.growth.warm')) {
    const home = await warmCacheFor('official');
    await profileRun('CLI index, official corpus, warm', (nodeArgs) => indexOnce('official', home, nodeArgs));
  }
  if (missed.has('typing.official') || missed.has('typing.seeds')) {
    const key = missed.has('typing.official') ? 'official' : 'seeds';
    await profileRun(`server, ${Math.min(100, P.edits)} typing edits, ${key}`, (nodeArgs) => typing(key, Math.min(100, P.edits), { nodeArgs }));
  }
  if (missed.has('features.completion') || missed.has('features.hover')) {
    await profileRun(`server, ${Math.min(300, P.requests)} completion + hover requests, official`, (nodeArgs) => features('official', Math.min(300, P.requests), { nodeArgs }));
  }
  if (missed.has('side.a.ratio')) {
    const c = extra.sideFiles.find((x) => x.id === 'a');
    const cfg = path.join(path.dirname(c.file), 'policy-lint.json');
    await profileRun(`CLI check ${c.label}, seeds`, (nodeArgs) => checkOnce('seeds', warmCli.seeds, cfg, c.file, nodeArgs));
  }
}

// ———————————————————————————————————————— output ————————————————————————————————————————

function fmtNum(v, unit) {
  if (v === undefined || v === null || Number.isNaN(v)) return '—';
  if (unit === 'MB' || unit === 'k chars/s') return v >= 100 ? v.toFixed(0) : v.toFixed(1);
  if (unit === 'ms') return v >= 100 ? v.toFixed(0) : v.toFixed(1);
  if (unit === '×') return v.toFixed(1);
  return v >= 100 ? v.toFixed(0) : v.toFixed(2);
}

function table(md) {
  const head = ['#', 'measure', 'input', 'median', 'p95', 'n', 'target', 'result'];
  const body = rows.map((r) => [r.section, r.what, r.input, r.display ?? `${fmtNum(r.median, r.unit)} ${r.unit}`, r.p95 === undefined ? '' : `${fmtNum(r.p95, r.unit)} ${r.unit}`, String(r.n ?? ''), r.target || '', r.status || '']);
  if (md) {
    const esc = (s) => String(s).replace(/\|/g, '\\|');
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.map(esc).join(' | ')} |`)].join('\n');
  }
  const width = (s) => [...String(s)].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const all = [head, ...body];
  const w = head.map((_, i) => Math.min(i === 2 ? 60 : 80, Math.max(...all.map((r) => width(r[i])))));
  const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
  return all.map((r, k) => r.map((c, i) => pad(String(c), w[i])).join('  ') + (k === 0 ? '\n' + w.map((n) => '-'.repeat(n)).join('  ') : '')).join('\n');
}

function details() {
  return rows.filter((r) => r.detail).map((r) => `- **${r.section} · ${r.what}** (${r.input}): ${r.detail}`).join('\n');
}

function profileMd() {
  if (!profiles.length) return '_No target missed, or profiling was switched off: no profiles taken._';
  return profiles
    .map((p) => {
      const fns = p.functions.slice(0, 12).map((f) => `| ${(f.share * 100).toFixed(1)} % | ${f.selfMs} | \`${f.name}\` | ${f.file ? `${f.file}:${f.line}` : ''} |`).join('\n');
      const files = p.files.slice(0, 8).map((f) => `${f.file || '—'} ${(f.share * 100).toFixed(1)} %`).join(' · ');
      return `#### ${p.label}\n\nCPU busy ${p.busyMs} ms (of ${p.totalMs} ms sampled). Top self time:\n\n| share | self ms | function | source |\n|---|---|---|---|\n${fns}\n\nBy source file: ${files}\n`;
    })
    .join('\n') + growthMd();
}

/** Self time per function, 10× corpus ÷ official corpus (both cold), where both profiles exist. */
function growthMd() {
  const one = profiles.find((p) => p.label.startsWith('CLI index, official corpus, cold'));
  const ten = profiles.find((p) => p.label.startsWith('CLI index, 10× corpus, cold'));
  if (!one || !ten) return '';
  const key = (f) => `${f.name} ${f.file}`;
  const base = new Map(one.functions.map((f) => [key(f), f]));
  const lines = ten.functions.slice(0, 15).map((f) => {
    const b = base.get(key(f));
    return `| \`${f.name}\` | ${f.file ? `${f.file}:${f.line}` : ''} | ${b ? b.selfMs : '—'} | ${f.selfMs} | ${b ? (f.selfMs / Math.max(1, b.selfMs)).toFixed(1) + '×' : '—'} |`;
  });
  return `\n#### Growth by function: 10× corpus ÷ official corpus, cold\n\nCPU busy ${one.busyMs} ms → ${ten.busyMs} ms (${(ten.busyMs / one.busyMs).toFixed(1)}× for ${inputs.tenfold ? (inputs.tenfold.chars / inputs.official.chars).toFixed(2) : '10'}× the characters).\n\n| function | source | official self ms | 10× self ms | growth |\n|---|---|---|---|---|\n${lines.join('\n')}\n`;
}

function replaceBetween(text, tag, content) {
  const begin = `<!-- ${tag}:begin -->`;
  const end = `<!-- ${tag}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return text + `\n${begin}\n${content}\n${end}\n`;
  return text.slice(0, i + begin.length) + '\n' + content + '\n' + text.slice(j);
}

function writeOutputs(meta) {
  const results = { ...meta, targets: TARGETS, rows, notes, profiles, samples: extra.samples };
  const file = path.join(BENCH, QUICK || ONLY.length ? 'results-quick.json' : 'results.json');
  writeFileSync(file, JSON.stringify(results, null, 1) + '\n');
  log(`wrote ${path.relative(ROOT, file)}`);
  if (QUICK || ONLY.length) return;
  const md = path.join(ROOT, 'BENCHMARKS.md');
  let text = existsSync(md) ? readFileSync(md, 'utf8') : '# Benchmarks\n';
  const m = meta.machine;
  const header = `Latest full run: **${meta.date}** · ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memGb} GiB, Node ${m.node}, ${m.os} · load average at start ${m.loadavgStart.join(' / ')}, at end ${m.loadavgEnd.join(' / ')}${m.referenceMs ? ` · reference workload ${m.referenceMs.start} ms at start, ${m.referenceMs.end} ms at end${m.referenceMs.before ? ` (before each section: ${Object.entries(m.referenceMs.before).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}` : ''} · commit ${meta.git.head} (“${meta.git.subject}”)${meta.git.dirtyServer ? ` plus uncommitted changes in ${meta.git.dirtyFiles} files of server/, client/ or seeds/ (diff ${meta.git.dirtyDiff})` : ''} · dist/cli.js ${meta.dist.cli}, dist/server.js ${meta.dist.server} · bench time ${meta.benchSeconds} s`;
  text = replaceBetween(text, 'bench-header', header);
  text = replaceBetween(text, 'bench-table', table(true));
  text = replaceBetween(text, 'bench-details', details() + (notes.length ? '\n\nNotes:\n\n' + notes.map((n) => `- ${n}`).join('\n') : ''));
  text = replaceBetween(text, 'bench-profiles', profileMd());
  writeFileSync(md, text);
  log('wrote BENCHMARKS.md');
}

/**
 * Other work on the machine skews wall times (two cores): a full run first waits up to two minutes for
 * the one-minute load average to fall below 1 (--no-wait skips this). Each row records the load.
 */
async function waitQuiet() {
  if (QUICK || argv.includes('--no-wait')) return;
  const until = Date.now() + 120_000;
  while (os.loadavg()[0] >= 1 && Date.now() < until) {
    log(`waiting for a quieter machine: load average ${os.loadavg()[0].toFixed(2)}`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

async function main() {
  const meta = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', quick: QUICK, only: ONLY, machine: machine(), git: gitInfo() };
  if (!argv.includes('--no-build')) {
    log('building: node scripts/build.mjs');
    const b = spawnSync(NODE, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  meta.dist = { cli: sha(path.join(ROOT, 'dist/cli.js')), server: sha(path.join(ROOT, 'dist/server.js')), snapshot: SNAPSHOT };
  if (SNAPSHOT) {
    rmSync(RUN_ROOT, { recursive: true, force: true });
    const vendor = readdirSync(path.join(ROOT, 'dist/vendor')).filter((f) => f.endsWith('.js')).map((f) => `dist/vendor/${f}`);
    for (const f of ['dist/cli.js', 'dist/cli.js.map', 'dist/server.js', 'dist/server.js.map', 'dist/suffixArrayWorker.js', 'dist/formulationsWorker.js', ...vendor, 'bin/policy-lint.js', 'bin/policy-lsp.js']) {
      mkdirSync(path.dirname(path.join(RUN_ROOT, f)), { recursive: true });
      copyFileSync(path.join(ROOT, f), path.join(RUN_ROOT, f));
    }
    if (sha(path.join(RUN_ROOT, 'dist/cli.js')) !== meta.dist.cli || sha(path.join(RUN_ROOT, 'dist/server.js')) !== meta.dist.server) throw new Error('dist/ changed while it was copied: run again');
  }
  if (!existsSync(OFFICIAL) || !existsSync(XWLB)) throw new Error(`corpora not found under ${CORPUS} (set BENCH_CORPUS_DIR)`);
  prepareInputs();
  await waitQuiet();
  meta.machine.loadavgStart = os.loadavg().map((x) => +x.toFixed(2));
  meta.machine.referenceMs = { start: referenceWorkload() };
  const sections = [
    ['index', sectionIndex],
    ['check', sectionCheck],
    ['typing', sectionTyping],
    ['features', sectionFeatures],
    ['side', sectionSide],
    ['ext', sectionExt],
  ];
  try {
    for (const [name, fn] of sections) {
      if (!want(name)) continue;
      meta.machine.referenceMs.before ??= {};
      meta.machine.referenceMs.before[name] = referenceWorkload();
      const s = Date.now();
      try {
        await fn();
      } catch (e) {
        log(`section ${name} failed: ${e.stack}`);
        notes.push(`Section ${name} failed: ${e.message}`);
      }
      log(`section ${name}: ${((Date.now() - s) / 1000).toFixed(0)} s`);
    }
    await sectionProfiles();
  } finally {
    meta.machine.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
    if (meta.machine.referenceMs) meta.machine.referenceMs.end = referenceWorkload();
    meta.benchSeconds = Math.round((Date.now() - t0) / 1000);
    const distAfter = { cli: sha(path.join(RUN_ROOT, 'dist/cli.js')), server: sha(path.join(RUN_ROOT, 'dist/server.js')) };
    if (distAfter.cli !== meta.dist.cli || distAfter.server !== meta.dist.server) notes.push('dist/ changed while the bench ran (someone rebuilt): figures may mix two builds.');
    else if (SNAPSHOT && (sha(path.join(ROOT, 'dist/cli.js')) !== meta.dist.cli || sha(path.join(ROOT, 'dist/server.js')) !== meta.dist.server)) notes.push('dist/ was rebuilt during the run; the bench ran its snapshot of the build it started with.');
    // The bench itself keeps about one core busy: a load of nproc or more means other work competed.
    const busy = rows.filter((r) => r.load1 >= meta.machine.nproc);
    if (busy.length) notes.push(`The machine was busy (one-minute load average ≥ ${meta.machine.nproc}, while the bench itself accounts for about 1) when ${busy.length} of ${rows.length} rows were taken (highest ${Math.max(...busy.map((r) => r.load1))}); their wall times are inflated. The CPU (user+sys) times in the details are less affected. Per-row load: results.json rows[].load1.`);
    extra.samples = { typingSeeds: extra['typing.seeds'], typingOfficial: extra['typing.official'], completion: extra.completion, hover: extra.hover, index: { seeds: extra['index.seeds'], official: extra['index.official'], tenfold: extra['index.tenfold'] }, side: extra.sideCases, rulesSample: extra.rulesSample };
    process.stdout.write('\n' + table(false) + '\n');
    if (notes.length) process.stdout.write('\n' + notes.map((n) => `note: ${n}`).join('\n') + '\n');
    for (const p of profiles) process.stdout.write(`\nprofile: ${p.label} (busy ${p.busyMs} ms)\n` + p.functions.map((f) => `  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.name}  ${f.file}:${f.line}`).join('\n') + '\n');
    writeOutputs(meta);
    if (SNAPSHOT) rmSync(RUN_ROOT, { recursive: true, force: true });
    if (!argv.includes('--keep-tmp')) rmSync(TMP, { recursive: true, force: true });
    else log(`kept ${TMP}`);
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack}\n`);
  process.exitCode = 1;
});
