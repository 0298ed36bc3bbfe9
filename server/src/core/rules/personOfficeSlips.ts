// A person of the sources given another office than theirs (印度总统莫迪 for their 印度总理莫迪): the office
// before a name they give a person, where their definition of the person holds another office and they
// never write the draft's before the name. Used by term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { OFFICES } from '../index/miner';
import type { RuleFinding } from './types';

export interface OfficeSlip extends RuleFinding {
  score: number;
}

/** An office, then two to six Chinese characters (the name and what follows: the name is found among them). */
const OFFICE_BEFORE_NAME = new RegExp(`${OFFICES}(?=[\\u4e00-\\u9fff]{2})`, 'gu');
const OFFICE_AT_END = new RegExp(`${OFFICES}$`, 'u');
/** Longest name looked for after an office. */
const MAX_NAME = 6;

export function personOfficeSlips(text: string, index: CorpusIndex): OfficeSlip[] {
  const out: OfficeSlip[] = [];
  for (const m of text.matchAll(OFFICE_BEFORE_NAME)) {
    const office = m[0];
    const at = m.index + office.length;
    for (let n = Math.min(MAX_NAME, text.length - at); n >= 2; n--) {
      const name = text.slice(at, at + n);
      const info = index.term(name);
      if (!info?.kinds.has('person')) continue;
      // Their office for the person, the last of their definition (印度总理 → 总理).
      const theirs = OFFICE_AT_END.exec(info.definition?.text ?? '')?.[0];
      if (theirs && theirs !== office && index.frequency(office + name) === 0) {
        out.push({
          start: m.index,
          end: at,
          message: t(`职务与来源不符：来源称${name}为「${info.definition!.text}」`, `The office differs from the sources': they call ${name} "${info.definition!.text}"`),
          replacements: [theirs],
          score: 2,
        });
      }
      break;
    }
  }
  return out;
}
