// Runs one rule over a whole text the way the service does: paragraph by paragraph, with findings
// shifted to absolute (UTF-16) offsets of the text.
import { defaultConfig, type PolicyConfig } from '../../server/src/core/config';
import { blankLineBetween, Paragraph, paragraphContext, splitParagraphs } from '../../server/src/core/draft';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import type { Rule, RuleFinding } from '../../server/src/core/rules/types';

export interface AbsoluteFinding extends RuleFinding {
  /** The flagged text. */
  text: string;
}

export function runRule(rule: Rule, text: string, index = CorpusIndex.empty(), config: PolicyConfig = defaultConfig()): AbsoluteFinding[] {
  const out: AbsoluteFinding[] = [];
  const paragraphs = splitParagraphs(text).filter((p) => p.text.trim());
  const texts = paragraphs.map((p) => p.text);
  paragraphs.forEach((p, k) => {
    const next = paragraphs[k + 1];
    const { quotationGoesOn, inList, endsBlock } = paragraphContext(texts, k, !next || blankLineBetween(text, p.end, next.start));
    for (const f of rule.check(new Paragraph(p.text, quotationGoesOn, inList, endsBlock), { index, config })) {
      out.push({ ...f, start: p.start + f.start, end: p.start + f.end, text: text.slice(p.start + f.start, p.start + f.end) });
    }
  });
  return out;
}

/** Applies the first replacement of each finding (findings must not overlap). */
export function applyFirst(text: string, findings: Array<{ start: number; end: number; replacements: string[] }>): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at || !f.replacements.length) continue;
    out += text.slice(at, f.start) + f.replacements[0];
    at = f.end;
  }
  return out + text.slice(at);
}
