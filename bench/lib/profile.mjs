// Summarises a V8 .cpuprofile: self time per function (mapped back to the TypeScript source through
// the bundle's source map when there is one) and per source file.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map();
function sourceMapFor(url) {
  if (!url) return undefined;
  if (maps.has(url)) return maps.get(url);
  let sm;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (existsSync(file + '.map')) sm = new SourceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
  } catch {
    sm = undefined;
  }
  maps.set(url, sm);
  return sm;
}

function place(cf, root) {
  const sm = sourceMapFor(cf.url);
  if (sm && cf.lineNumber >= 0) {
    const e = sm.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.replace(/^.*?(server\/src\/|node_modules\/)/, (m, p1) => p1);
      return { file: src, line: e.originalLine + 1 };
    }
  }
  if (!cf.url) return { file: '(native)', line: 0 };
  let file = cf.url.startsWith('file:') ? fileURLToPath(cf.url) : cf.url;
  if (root && file.startsWith(root)) file = path.relative(root, file);
  return { file, line: cf.lineNumber + 1 };
}

/** Top functions by self time: [{name, file, line, selfMs, share}], plus per-file totals. */
/**
 * `window` = [fromUs, toUs] keeps only the samples taken in that interval; V8's profile clock and
 * process.hrtime are both the monotonic clock, so a client's hrtime (µs) marks the server's samples.
 */
export function summarizeProfile(profilePath, { top = 12, root, window } = {}) {
  const prof = JSON.parse(readFileSync(profilePath, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let ts = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    ts += prof.timeDeltas[i] ?? 0;
    if (window && (ts < window[0] || ts > window[1])) continue;
    const dt = prof.timeDeltas[i + 1] ?? 0;
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
  }
  let total = 0;
  const fn = new Map();
  const files = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    total += us;
    const p = place(cf, root);
    const name = cf.functionName || (cf.url ? '(anonymous)' : cf.functionName || '(program)');
    const special = ['(idle)', '(program)', '(garbage collector)', '(root)'].includes(cf.functionName);
    const key = special ? cf.functionName : `${name} ${p.file}:${p.line}`;
    const cur = fn.get(key) ?? { name: special ? cf.functionName : name, file: special ? '' : p.file, line: special ? 0 : p.line, selfUs: 0 };
    cur.selfUs += us;
    fn.set(key, cur);
    const fk = special ? cf.functionName : p.file;
    files.set(fk, (files.get(fk) ?? 0) + us);
  }
  const idle = fn.get('(idle)')?.selfUs ?? 0;
  const busy = total - idle;
  const rows = [...fn.values()]
    .filter((r) => r.name !== '(idle)')
    .sort((a, b) => b.selfUs - a.selfUs)
    .slice(0, top)
    .map((r) => ({ name: r.name, file: r.file, line: r.line, selfMs: Math.round(r.selfUs / 1000), share: busy ? r.selfUs / busy : 0 }));
  const fileRows = [...files.entries()]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([file, us]) => ({ file, selfMs: Math.round(us / 1000), share: busy ? us / busy : 0 }));
  return { totalMs: Math.round(total / 1000), busyMs: Math.round(busy / 1000), functions: rows, files: fileRows };
}
