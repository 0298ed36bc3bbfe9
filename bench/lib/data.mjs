// Deterministic inputs for the bench: the 10× corpus, drafts cut from the xwlb news items,
// and the wrong→right rule set for the side-by-side comparison with textlint + prh.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';


/** Small seeded PRNG (mulberry32): the same seed gives the same edits on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else if (/\.(txt|md)$/i.test(name)) out.push(p);
  }
  return out;
}

export function corpusStats(dir) {
  let files = 0;
  let chars = 0;
  let bytes = 0;
  for (const f of walk(dir)) {
    const s = readFileSync(f, 'utf8');
    files++;
    chars += s.length;
    bytes += Buffer.byteLength(s);
  }
  return { files, chars, bytes };
}

const ASCII = '0123456789';
const FULL = '０１２３４５６７８９';
const HAN = '〇一二三四五六七八九';

/** Every digit (ASCII and full-width) rotated by k; a text without such digits gets its Chinese numerals rotated. */
export function rotateNumbers(text, k) {
  if (k === 0) return text;
  const hasDigits = /[0-9０-９]/.test(text);
  let out = '';
  for (const ch of text) {
    let i = ASCII.indexOf(ch);
    if (i >= 0) { out += ASCII[(i + k) % 10]; continue; }
    i = FULL.indexOf(ch);
    if (i >= 0) { out += FULL[(i + k) % 10]; continue; }
    if (!hasDigits) {
      i = HAN.indexOf(ch);
      if (i >= 0) { out += HAN[(i + k) % 10]; continue; }
    }
    out += ch;
  }
  return out;
}

/**
 * The official corpus ten times, copy k in folder kK/ with every number rotated by k (copy 0 is the
 * original). Fails when two generated files are equal.
 */
export function buildCorpus10x(src, dest, copies = 10) {
  const files = walk(src);
  const seen = new Map();
  let chars = 0;
  for (let k = 0; k < copies; k++) {
    const dir = path.join(dest, `k${k}`);
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const text = rotateNumbers(readFileSync(f, 'utf8'), k);
      const h = createHash('sha256').update(text).digest('hex');
      if (seen.has(h)) throw new Error(`10× corpus: ${path.relative(src, f)} copy ${k} equals ${seen.get(h)}`);
      seen.set(h, `${path.relative(src, f)} copy ${k}`);
      const name = path.relative(src, f).replace(/[\\/]/g, '__');
      writeFileSync(path.join(dir, name), text);
      chars += text.length;
    }
  }
  return { files: files.length * copies, chars };
}

/** The xwlb items in name order, each trimmed, joined by blank lines. */
export function xwlbText(dir) {
  return walk(dir)
    .filter((f) => !/README\.md$/i.test(f))
    .map((f) => readFileSync(f, 'utf8').replace(/\r\n?/g, '\n').trim())
    .join('\n\n');
}

/** Cuts `n` characters at a paragraph end (the text is repeated when shorter). */
export function draftOf(text, n) {
  let s = text;
  while (s.length < n) s += '\n\n' + text;
  const cut = s.lastIndexOf('\n', n);
  return (cut > n * 0.95 ? s.slice(0, cut) : s.slice(0, n)) + '\n';
}
