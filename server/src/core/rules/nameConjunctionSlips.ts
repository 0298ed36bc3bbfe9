// A name of the sources written with another conjunction (上合组织应对安全威胁和挑战综合中心 for their
// 应对安全威胁与挑战综合中心): a name is fixed to its words, 与 and 和 alike. Found where the draft follows
// the sources' wording on both sides of the conjunction through the head of a name (中心, 委员会, 协定…),
// and the sources never write it the draft's way. Used by term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { dictEntry } from '../lang/segmenter';
import type { RuleFinding } from './types';

export interface ConjunctionSlip extends RuleFinding {
  score: number;
}

/** Conjunctions a name joins its parts with; one is often typed for another. */
const CONJUNCTIONS = '与和及';
/** Characters of the sources' wording matched before the conjunction, and at least after it. */
const SIDE = 4;
/** Longest stretch after the conjunction followed to the name's head, and before it for the name shown. */
const MAX_AFTER = 16;
const MAX_BEFORE = 12;
/** Fewest characters of the name matched, from the four before the conjunction through its head. */
const MIN_NAME = 10;
/**
 * Words that end names of bodies and agreements (…综合中心, …合作委员会, …自由贸易协定): wording the sources
 * write with a conjunction before a plan, a system or a platform (总体规划和专项规划, 基础设施和公共服务
 * 体系) is as often written with another.
 */
const NAME_HEAD = /(?:中心|机构|组织|委员会|论坛|联盟|基金|公约|条约|协定|宣言|峰会|办公室|研究院|研究所|实验室)/;
const HAN_RUN = /^\p{Script=Han}+$/u;

export function nameConjunctionSlips(text: string, index: CorpusIndex): ConjunctionSlip[] {
  const out: ConjunctionSlip[] = [];
  for (let k = SIDE; k + SIDE < text.length; k++) {
    const typed = text[k];
    if (!CONJUNCTIONS.includes(typed)) continue;
    const before = text.slice(k - SIDE, k);
    const after = text.slice(k + 1, k + 1 + SIDE);
    if (!HAN_RUN.test(before) || !HAN_RUN.test(after) || index.frequency(before + typed + after) > 0) continue;
    for (const theirs of CONJUNCTIONS) {
      if (theirs === typed || index.frequency(before + theirs + after) === 0) continue;
      // Their wording followed on as far as the draft goes with it: a name's head must stand in it.
      let n = SIDE;
      while (n < MAX_AFTER && k + 1 + n < text.length && HAN_RUN.test(text[k + 1 + n]) && index.frequency(before + theirs + text.slice(k + 1, k + 2 + n)) > 0) n++;
      const head = NAME_HEAD.exec(text.slice(k + 1, k + 1 + n));
      // (A name is long: 企业总部及分支机构 is a phrase of any document, written with any conjunction.)
      if (!head || SIDE + 1 + head.index + head[0].length < MIN_NAME) continue;
      const rest = theirs + text.slice(k + 1, k + 1 + head.index + head[0].length);
      // (Shown from as far back as the draft follows their wording: 上合组织应对安全威胁与挑战综合中心.)
      let m = SIDE;
      // (Not over a verb before the name: 成立|上合组织….)
      const verbEndsAt = (e: number) => e >= 2 && /^v/.test(dictEntry(text.slice(e - 2, e))?.pos ?? '');
      while (m < MAX_BEFORE && k - m - 1 >= 0 && HAN_RUN.test(text[k - m - 1]) && !verbEndsAt(k - m) && index.frequency(text.slice(k - m - 1, k) + rest) > 0) m++;
      const name = text.slice(k - m, k) + rest;
      const ref = index.firstOccurrence(name);
      out.push({
        start: k,
        end: k + 1,
        message: t(`名称与来源不符：来源写作「${name}」`, `The name differs from the sources': "${name}"`),
        replacements: [theirs],
        related: ref ? index.relatedPlace(ref, t('来源原文', 'Source text')) : undefined,
        score: 2,
      });
      break;
    }
  }
  return out;
}
