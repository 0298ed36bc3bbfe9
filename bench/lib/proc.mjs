// Whole-process measurements: wall time from the parent, peak RSS from /usr/bin/time -v (or, where
// GNU time is missing, from the exit's resource usage of the child reported by a wrapper).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs `node args…` (or any command) and returns {code, wallMs, cpuMs (user + system), peakRssMb, stdout, stderr}.
 * stdout/stderr are collected as strings (utf8). Throws on timeout.
 */
export function run(cmd, args, { cwd, env, timeoutMs = 15 * 60_000, input } = {}) {
  return new Promise((resolve, reject) => {
    const tdir = mkdtempSync(path.join(os.tmpdir(), 'plb-time-'));
    const timeFile = path.join(tdir, 'time.txt');
    const full = GNU_TIME ? [GNU_TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(full[0], full[1], { cwd, env: { ...process.env, ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timeout after ${timeoutMs} ms: ${cmd} ${args.join(' ')}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let peakRssMb;
      let cpuMs;
      let exit = code;
      try {
        const t = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
        if (m) peakRssMb = Number(m[1]) / 1024;
        const u = /User time \(seconds\): ([\d.]+)/.exec(t);
        const sy = /System time \(seconds\): ([\d.]+)/.exec(t);
        if (u && sy) cpuMs = (Number(u[1]) + Number(sy[1])) * 1000;
        const x = /Exit status: (\d+)/.exec(t);
        if (x) exit = Number(x[1]);
      } catch {
        // no GNU time
      }
      rmSync(tdir, { recursive: true, force: true });
      resolve({ code: exit, wallMs, cpuMs, peakRssMb, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

export function median(xs) {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile (p95 of 300 samples is the 285th smallest). */
export function quantile(xs, q) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  if (q === 0.5 && v.length % 2 === 0) return (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
}

export function summarize(xs) {
  return { n: xs.length, median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) };
}
