// user-rule: the user's own wrong → right list (config.replace). Literal matching only, through the
// trie of one Aho–Corasick automaton per list, walked at each start (thousands of patterns cost at
// most the longest pattern's length per character of the paragraph; no regular expressions, so
// no ReDoS). Skipped: occurrences inside a word of config.allow, and
// occurrences that are already part of the expected text (pattern 中共, expected 中国共产党中共…:
// where the text reads the expected form, it is right).
import type { PolicyConfig, ReplaceEntry } from '../config';
import { t } from '../l10n';
import { AhoCorasick } from '../text/ahoCorasick';
import type { Rule, RuleFinding } from './types';
import { splitsSurrogatePair } from '../text/surrogates';

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

/** reach[i]: the furthest end of an allowed word starting at or before i (0 when none). */
function allowedReach(text: string, allow: AhoCorasick): Int32Array | undefined {
  if (!allow.patterns.length) return undefined;
  const reach = new Int32Array(text.length + 1);
  let any = false;
  for (const m of allow.findAll(text)) {
    if (m.end > reach[m.start]) reach[m.start] = m.end;
    any = true;
  }
  if (!any) return undefined;
  for (let i = 1; i < reach.length; i++) if (reach[i - 1] > reach[i]) reach[i] = reach[i - 1];
  return reach;
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
    const reach = allowedReach(text, allow);
    // Overlapping occurrences: the leftmost, then the longest, among those that count. Found by a
    // walk down the trie at each start rather than from every (overlapping) match: nested patterns
    // over a long run of one character used to produce millions of matches and exhaust memory
    // (issue 7). A pattern beginning or ending with half of a surrogate pair never cuts 𠮷 in two.
    const out: RuleFinding[] = [];
    for (let s = 0; s < text.length; s++) {
      if (splitsSurrogatePair(text, s)) continue;
      const found = automaton.prefixesAt(text, s);
      for (let k = found.length - 1; k >= 0; k--) {
        const { end, patterns } = found[k];
        if (splitsSurrogatePair(text, end) || (reach && reach[s] >= end)) continue; // half a character, or inside an allowed word
        const replacements: string[] = [];
        const notes: string[] = [];
        for (const p of patterns) {
          const entry = entries[p];
          if (readsExpected(text, s, entry)) continue;
          if (!replacements.includes(entry.expected)) replacements.push(entry.expected);
          if (entry.note && !notes.includes(entry.note)) notes.push(entry.note);
        }
        if (!replacements.length) continue;
        const wrong = text.slice(s, end);
        const right = replacements.map((r) => `「${r}」`).join(t('或', ' or '));
        const note = notes.length ? t(`（${notes.join('；')}）`, ` (${notes.join('; ')})`) : '';
        out.push({
          start: s,
          end,
          message: t(`「${wrong}」应为${right}${note}`, `「${wrong}」 should be ${right}${note}`),
          replacements,
        });
        s = end - 1; // go on after the occurrence
        break;
      }
    }
    return out;
  },
};
