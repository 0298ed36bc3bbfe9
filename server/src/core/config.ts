// The user's configuration: policy-lint.json or VS Code settings, same keys.
import type { Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface ReplaceEntry {
  /** Literal text to find (never a regular expression: no backtracking blow-ups). */
  pattern: string;
  expected: string;
  note?: string;
}

export interface PolicyConfig {
  sources: string[];
  rules: Record<string, RuleSetting>;
  replace: ReplaceEntry[];
  allow: string[];
  /** Source files above this many bytes are skipped. */
  maxSourceFileSize: number;
}

export const DEFAULT_MAX_SOURCE_FILE_SIZE = 20 * 1024 * 1024;

export function defaultConfig(): PolicyConfig {
  return { sources: [], rules: {}, replace: [], allow: [], maxSourceFileSize: DEFAULT_MAX_SOURCE_FILE_SIZE };
}
