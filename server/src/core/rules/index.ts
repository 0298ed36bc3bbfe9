// The one list of rules. Adding a rule: write rules/<name>.ts exporting a Rule, add it here.
import { duplicateRule } from './duplicate';
import { punctuationRule } from './punctuation';
import { quoteMismatchRule } from './quoteMismatch';
import { termTypoRule } from './termTypo';
import type { Rule } from './types';
import { userRule } from './userRule';
import { variantCharRule } from './variantChar';

export const RULES: readonly Rule[] = [variantCharRule, duplicateRule, termTypoRule, quoteMismatchRule, punctuationRule, userRule];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
