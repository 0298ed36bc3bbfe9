// Spans of a draft that themes colour through semantic tokens: the sources' official terms, and
// quotations that match the sources or nearly match them (misquotes).
import type { CorpusIndex, TermInfo } from '../index/corpus';
import { quotationSpans } from '../rules/quoteMismatch';
import { AhoCorasick } from '../text/ahoCorasick';
import type { Finding, TextRange } from '../types';
import { charClass, trimEndWhere } from '../text/trim';

const SENTENCE_MARK = charClass('。！？，；');

export type SpanKind = 'officialTerm' | 'sourceQuote' | 'misquote';

export interface SemanticSpan extends TextRange {
  kind: SpanKind;
}

/** Terms worth marking: named by the sources (quoted, defined, titled, abbreviated) or recurring phrases. */
function marked(t: TermInfo): boolean {
  if (t.text.length < 2 || t.count === 0) return false;
  return t.kinds.has('quoted') || t.kinds.has('defined') || t.kinds.has('alias') || t.kinds.has('title') || (t.kinds.has('formulation') && t.text.length >= 4);
}

const matchers = new WeakMap<CorpusIndex, AhoCorasick>();

function matcher(index: CorpusIndex): AhoCorasick {
  let m = matchers.get(index);
  if (!m) {
    m = new AhoCorasick([...index.allTerms()].filter(marked).map((t) => t.text));
    matchers.set(index, m);
  }
  return m;
}

/**
 * Non-overlapping spans, sorted: quotations first (a quotation holds terms), then the longest
 * term at each place. `findings` (the draft's current diagnostics) tell misquotes apart.
 */
export function getSemanticSpans(index: CorpusIndex, text: string, findings: Finding[] = []): SemanticSpan[] {
  const out: SemanticSpan[] = [];
  if (index.isEmpty) return out;
  const quotes: SemanticSpan[] = [];
  for (const q of quotationSpans(text)) {
    const inner = text.slice(q.start, q.end);
    if (inner.replace(/[^\u3400-\u9fff]/g, '').length < 8) continue;
    if (findings.some((f) => f.rule === 'quote-mismatch' && q.start <= f.start && f.end <= q.end)) quotes.push({ ...q, kind: 'misquote' });
    else if (index.frequency(trimEndWhere(inner, SENTENCE_MARK)) > 0) quotes.push({ ...q, kind: 'sourceQuote' });
  }
  const inQuote = (s: number, e: number) => quotes.some((q) => q.start < e && s < q.end);
  const terms = matcher(index)
    .findAll(text)
    .filter((m) => !inQuote(m.start, m.end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const m of terms) {
    if (m.start < at) continue;
    out.push({ start: m.start, end: m.end, kind: 'officialTerm' });
    at = m.end;
  }
  return [...out, ...quotes].sort((a, b) => a.start - b.start);
}
