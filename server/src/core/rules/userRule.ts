// user-rule: the user's own wrong → right list (config.replace). Literal matching only, through one
// Aho–Corasick automaton per list (hundreds of patterns cost one pass over the paragraph; no
// regular expressions, so no ReDoS). Skipped: occurrences inside a word of config.allow, and
// occurrences that are already part of the expected text (pattern 中共, expected 中国共产党中共…:
// where the text reads the expected form, it is right).
import type { PolicyConfig, ReplaceEntry } from '../config';
import { t } from '../l10n';
import { AhoCorasick } from '../text/ahoCorasick';
import type { Rule, RuleFinding } from './types';

interface Compiled {
  entries: ReplaceEntry[];
  automaton: AhoCorasick;
  allow: AhoCorasick;
}

// Rebuilt only when the configuration's lists change (configs are replaced, not mutated).
const cache = new WeakMap<ReplaceEntry[], { allow: string[]; compiled: Compiled }>();

function compile(config: PolicyConfig): Compiled {
  const hit = cache.get(config.replace);
  if (hit && hit.allow === config.allow) return hit.compiled;
  const entries = config.replace.filter((e) => e.pattern && e.pattern !== e.expected);
  const compiled = {
    entries,
    automaton: new AhoCorasick(entries.map((e) => e.pattern)),
    allow: new AhoCorasick(config.allow.filter((w) => w)),
  };
  cache.set(config.replace, { allow: config.allow, compiled });
  return compiled;
}

/** True when the text at `start` already reads `expected` with the pattern inside it. */
function readsExpected(text: string, start: number, entry: ReplaceEntry): boolean {
  for (let k = entry.expected.indexOf(entry.pattern); k >= 0; k = entry.expected.indexOf(entry.pattern, k + 1)) {
    if (k <= start && text.startsWith(entry.expected, start - k)) return true;
  }
  return false;
}

export const userRule: Rule = {
  id: 'user-rule',
  description: '用户自定义的替换规则（配置中的 replace 列表）',
  defaultSeverity: 'warning',
  safe: false,
  check(paragraph, ctx) {
    if (!ctx.config.replace.length) return [];
    const text = paragraph.text;
    const { entries, automaton, allow } = compile(ctx.config);
    const allowed = allow.patterns.length ? allow.findAll(text) : [];
    const byRange = new Map<string, RuleFinding & { notes: string[] }>();
    for (const m of automaton.matches(text)) {
      const entry = entries[m.pattern];
      if (allowed.some((a) => a.start <= m.start && m.end <= a.end)) continue;
      if (readsExpected(text, m.start, entry)) continue;
      const key = `${m.start}:${m.end}`;
      let f = byRange.get(key);
      if (!f) {
        f = { start: m.start, end: m.end, message: '', replacements: [], notes: [] };
        byRange.set(key, f);
      }
      if (!f.replacements.includes(entry.expected)) f.replacements.push(entry.expected);
      if (entry.note && !f.notes.includes(entry.note)) f.notes.push(entry.note);
    }
    // Overlapping occurrences of different patterns: keep the leftmost, then the longest.
    const sorted = [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: RuleFinding[] = [];
    for (const f of sorted) {
      if (out.length && f.start < out[out.length - 1].end) continue;
      const wrong = text.slice(f.start, f.end);
      const right = f.replacements.map((r) => `「${r}」`).join(t('或', ' or '));
      const note = f.notes.length ? t(`（${f.notes.join('；')}）`, ` (${f.notes.join('; ')})`) : '';
      out.push({
        start: f.start,
        end: f.end,
        message: t(`「${wrong}」应为${right}${note}`, `「${wrong}」 should be ${right}${note}`),
        replacements: f.replacements,
      });
    }
    return out;
  },
};
