// The one interface every check implements. A rule reads one paragraph of the draft (already
// segmented once, shared by all rules) and the source index, and returns findings with
// paragraph-relative UTF-16 offsets. The service shifts them, applies severities and builds fixes.
import type { Token } from '../lang/segmenter';
import type { Words } from '../draft';
import type { RelatedPlace, Severity, TextRange } from '../types';
import type { CorpusIndex } from '../index/corpus';
import type { PolicyConfig } from '../config';

export interface ParagraphDoc {
  /** The paragraph text (no line break inside; CR/LF are outside it). */
  readonly text: string;
  /** jieba words with offsets (computed once, on first use). */
  tokens(): Token[];
  /** The same words, looked up by position. */
  words(): Words;
  /**
   * Whether a quotation left open here may go on in the next paragraph (see quotationGoesOn);
   * undefined when the caller does not know the next paragraph.
   */
  readonly quotationGoesOn?: boolean;
  /**
   * Whether the paragraph may be an item of a list running over paragraphs: the one before it ends
   * with a colon or semicolon (情形：⏎政府…；). Undefined when the caller does not know.
   */
  readonly inList?: boolean;
  /**
   * Whether a blank line or the end of the draft follows the paragraph, so that no hand-wrapped line
   * goes on after it. Undefined when the caller does not know (or the paragraph ends with final punctuation).
   */
  readonly endsBlock?: boolean;
}

export interface RuleContext {
  index: CorpusIndex;
  config: PolicyConfig;
}

export interface RuleFinding extends TextRange {
  message: string;
  /** Replacement texts for [start, end), best first; [] when there is no safe fix. '' deletes. */
  replacements: string[];
  related?: RelatedPlace[];
}

export interface Rule {
  id: string;
  /** One line, Chinese, for docs and the settings UI. */
  description: string;
  defaultSeverity: Severity;
  /** Safe rules are applied by "fix all safe problems" and `check --fix`. */
  safe: boolean;
  check(paragraph: ParagraphDoc, ctx: RuleContext): RuleFinding[];
}
