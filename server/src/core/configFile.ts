// policy-lint.json: parsing with positions, validation and merging. A bad entry is reported (with
// its line and column) and dropped; the rest of the file still applies. Comments (// and /* */)
// and trailing commas are accepted, as in VS Code's own settings files.
import { defaultConfig, type PolicyConfig, type ReplaceEntry, type RuleSetting } from './config';
import { t } from './l10n';
import { lastAtOrBefore } from './text/sortedSearch';

export interface ConfigProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** Where in the config: `rules.duplicate`, `replace[3].pattern`; '' for the file as a whole. */
  key: string;
  message: string;
}

export const MAX_REPLACE_ENTRIES = 10_000;
export const MAX_PATTERN_LENGTH = 200;
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const KEYS = ['sources', 'rules', 'replace', 'allow', 'maxSourceFileSize', '$schema'];
const ENTRY_KEYS = ['pattern', 'expected', 'note'];

// ---- a small JSON parser that keeps offsets --------------------------------------------------

type Node =
  | { kind: 'object'; offset: number; props: Array<{ key: string; keyOffset: number; value: Node }> }
  | { kind: 'array'; offset: number; items: Node[] }
  | { kind: 'string'; offset: number; value: string }
  | { kind: 'number'; offset: number; value: number }
  | { kind: 'boolean'; offset: number; value: boolean }
  | { kind: 'null'; offset: number };

class SyntaxProblem extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/**
 * Deepest nesting of arrays and objects accepted. The parser is recursive: without a limit a file of
 * 10,000 '[' overflows the stack, and that RangeError escaped parseConfig and took the language
 * server down (issue 7). No valid configuration nests deeper than 3.
 */
const MAX_DEPTH = 64;

class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    if (this.text.charCodeAt(0) === 0xfeff) this.at = 1;
    const node = this.value();
    this.space();
    if (this.at < this.text.length) throw this.fail(t('JSON 结束后还有多余内容', 'unexpected text after the JSON value'));
    return node;
  }

  private fail(message: string, offset = this.at): SyntaxProblem {
    return new SyntaxProblem(offset, message);
  }

  private space(): void {
    const s = this.text;
    for (;;) {
      const c = s[this.at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') this.at++;
      else if (c === '/' && s[this.at + 1] === '/') {
        const nl = s.indexOf('\n', this.at);
        this.at = nl < 0 ? s.length : nl + 1;
      } else if (c === '/' && s[this.at + 1] === '*') {
        const close = s.indexOf('*/', this.at + 2);
        if (close < 0) throw this.fail(t('注释没有结束（缺少 */）', 'unterminated comment'));
        this.at = close + 2;
      } else return;
    }
  }

  private value(): Node {
    this.space();
    const offset = this.at;
    const c = this.text[this.at];
    if (c === '{' || c === '[') {
      if (this.depth >= MAX_DEPTH) throw this.fail(t(`嵌套超过 ${MAX_DEPTH} 层`, `nested more than ${MAX_DEPTH} levels deep`));
      this.depth++;
      const node = c === '{' ? this.object() : this.array();
      this.depth--;
      return node;
    }
    if (c === '"') return { kind: 'string', offset, value: this.string() };
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [
      ['true', { kind: 'boolean', offset, value: true }],
      ['false', { kind: 'boolean', offset, value: false }],
      ['null', { kind: 'null', offset }],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return node;
      }
    }
    if (c === undefined) throw this.fail(t('JSON 意外结束', 'unexpected end of JSON'));
    throw this.fail(t(`意外的字符「${c}」`, `unexpected character '${c}'`));
  }

  private object(): Node {
    const offset = this.at++;
    const props: Array<{ key: string; keyOffset: number; value: Node }> = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return { kind: 'object', offset, props };
      }
      if (this.text[this.at] !== '"') throw this.fail(t('此处应为属性名（带双引号的字符串）或「}」', "expected a property name in double quotes or '}'"));
      const keyOffset = this.at;
      const key = this.string();
      this.space();
      if (this.text[this.at] !== ':') throw this.fail(t('属性名后应为「:」', "expected ':' after the property name"));
      this.at++;
      props.push({ key, keyOffset, value: this.value() });
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') throw this.fail(t('此处应为「,」或「}」', "expected ',' or '}'"));
    }
  }

  private array(): Node {
    const offset = this.at++;
    const items: Node[] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === ']') {
        this.at++;
        return { kind: 'array', offset, items };
      }
      items.push(this.value());
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== ']') throw this.fail(t('此处应为「,」或「]」', "expected ',' or ']'"));
    }
  }

  private string(): string {
    const start = this.at++;
    let out = '';
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined || c === '\n') throw this.fail(t('字符串没有结束（缺少「"」）', 'unterminated string'), start);
      this.at++;
      if (c === '"') return out;
      if (c < ' ') throw this.fail(t('字符串中有控制字符', 'control character in string'), this.at - 1);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.at++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) out += simple[e];
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at, this.at + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.at, this.at + 4), 16));
        this.at += 4;
      } else throw this.fail(t('无效的转义序列', 'invalid escape sequence'), this.at - 2);
    }
  }

  private number(): Node {
    const offset = this.at;
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 64));
    if (!m) throw this.fail(t('无效的数字', 'invalid number'));
    this.at += m[0].length;
    return { kind: 'number', offset, value: Number(m[0]) };
  }
}

// ---- validation ----------------------------------------------------------------------------

/**
 * Offset → 1-based line and column. The line starts are computed once per file and searched: a
 * scan from the top for every problem made a file with 200,000 bad entries take minutes (issue 7).
 */
function positions(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    // The last line start at or before the offset (a line break itself belongs to the line it ends).
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
}

const KIND_ZH: Record<Node['kind'], string> = { object: '对象', array: '数组', string: '字符串', number: '数字', boolean: '布尔值', null: 'null' };

/** Control characters and line separators written as escapes (\\n, \\u2028), as JSON would. */
function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Parses policy-lint.json. Returns the usable configuration (defaults for what the file does not
 * set or sets wrongly) and one problem per dropped or suspicious entry.
 */
export function parseConfig(text: string, file: string, knownRules: readonly string[]): { config: PolicyConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const position = positions(text);
  // Keys and values are quoted in problems; a line break in one ("pa\\n") must not break the problem's line.
  const report = (offset: number, key: string, message: string) =>
    problems.push({ file, ...position(offset), key: escapeControls(key), message: escapeControls(message) });
  const expect = (node: Node, kind: Node['kind'], key: string): boolean => {
    if (node.kind === kind) return true;
    report(node.offset, key, t(`应为${KIND_ZH[kind]}，实际为${KIND_ZH[node.kind]}`, `expected ${kind}, found ${node.kind}`));
    return false;
  };

  let root: Node;
  try {
    root = new Parser(text).parse();
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    report(e.offset, '', t(`JSON 语法错误：${e.message}`, `JSON syntax error: ${e.message}`));
    return { config, problems };
  }
  if (!expect(root, 'object', '')) return { config, problems };
  if (root.kind !== 'object') return { config, problems };

  const seen = new Set<string>();
  for (const { key, keyOffset, value } of root.props) {
    if (seen.has(key)) report(keyOffset, key, t(`重复的配置项「${key}」，以最后一次为准`, `duplicate key '${key}'; the last one wins`));
    seen.add(key);
    switch (key) {
      case 'sources':
      case 'allow':
        config[key] = stringList(value, key);
        break;
      case 'rules':
        config.rules = rules(value);
        break;
      case 'replace':
        config.replace = replace(value);
        break;
      case 'maxSourceFileSize':
        if (expect(value, 'number', key) && value.kind === 'number') {
          if (value.value > 0 && Number.isFinite(value.value)) config.maxSourceFileSize = value.value;
          else report(value.offset, key, t('应为正数（字节数）', 'expected a positive number of bytes'));
        }
        break;
      case '$schema':
        break;
      default:
        report(keyOffset, key, t(`未知的配置项「${key}」（可用：${KEYS.slice(0, -1).join('、')}）`, `unknown key '${key}' (known: ${KEYS.slice(0, -1).join(', ')})`));
    }
  }
  return { config, problems };

  function stringList(node: Node, key: string): string[] {
    if (!expect(node, 'array', key) || node.kind !== 'array') return [];
    const out: string[] = [];
    node.items.forEach((item, i) => {
      if (!expect(item, 'string', `${key}[${i}]`) || item.kind !== 'string') return;
      if (item.value.trim() === '') report(item.offset, `${key}[${i}]`, t('空字符串，已忽略', 'empty string, ignored'));
      else out.push(item.value);
    });
    return out;
  }

  function rules(node: Node): Record<string, RuleSetting> {
    const out: Record<string, RuleSetting> = {};
    if (!expect(node, 'object', 'rules') || node.kind !== 'object') return out;
    for (const { key, keyOffset, value } of node.props) {
      const where = `rules.${key}`;
      if (!knownRules.includes(key)) {
        report(keyOffset, where, t(`未知的规则「${key}」（可用：${knownRules.join('、')}）`, `unknown rule '${key}' (known: ${knownRules.join(', ')})`));
        continue;
      }
      if (value.kind === 'string' && (SETTINGS as readonly string[]).includes(value.value)) out[key] = value.value as RuleSetting;
      else report(value.offset, where, t(`无效的级别，应为 ${SETTINGS.join('、')} 之一`, `invalid severity; expected one of ${SETTINGS.join(', ')}`));
    }
    return out;
  }

  function replace(node: Node): ReplaceEntry[] {
    const out: ReplaceEntry[] = [];
    if (!expect(node, 'array', 'replace') || node.kind !== 'array') return out;
    node.items.forEach((item, i) => {
      const where = `replace[${i}]`;
      if (i === MAX_REPLACE_ENTRIES) {
        report(item.offset, where, t(`替换规则过多，只使用前 ${MAX_REPLACE_ENTRIES} 条`, `too many replace entries; only the first ${MAX_REPLACE_ENTRIES} are used`));
      }
      if (i >= MAX_REPLACE_ENTRIES) return;
      if (!expect(item, 'object', where) || item.kind !== 'object') return;
      const fields = new Map(item.props.map((p) => [p.key, p]));
      for (const p of item.props) {
        if (!ENTRY_KEYS.includes(p.key)) report(p.keyOffset, `${where}.${p.key}`, t(`未知的字段「${p.key}」（可用：pattern、expected、note）`, `unknown field '${p.key}' (known: pattern, expected, note)`));
      }
      const pattern = fields.get('pattern')?.value;
      const expected = fields.get('expected')?.value;
      const note = fields.get('note')?.value;
      let ok = true;
      if (!pattern) {
        report(item.offset, `${where}.pattern`, t('缺少 pattern（要查找的文字）', 'missing pattern (the text to find)'));
        ok = false;
      } else if (!expect(pattern, 'string', `${where}.pattern`) || pattern.kind !== 'string') ok = false;
      else if (pattern.value === '') {
        report(pattern.offset, `${where}.pattern`, t('pattern 不能为空', 'pattern must not be empty'));
        ok = false;
      } else if (pattern.value.length > MAX_PATTERN_LENGTH) {
        report(pattern.offset, `${where}.pattern`, t(`pattern 过长（超过 ${MAX_PATTERN_LENGTH} 个字符），已忽略`, `pattern longer than ${MAX_PATTERN_LENGTH} characters, ignored`));
        ok = false;
      }
      if (!expected) {
        report(item.offset, `${where}.expected`, t('缺少 expected（正确的写法）', 'missing expected (the right text)'));
        ok = false;
      } else if (!expect(expected, 'string', `${where}.expected`) || expected.kind !== 'string') ok = false;
      else if (pattern?.kind === 'string' && expected.value === pattern.value) {
        report(expected.offset, `${where}.expected`, t('expected 与 pattern 相同，此条无效', 'expected equals pattern; the entry does nothing'));
        ok = false;
      }
      let noteText: string | undefined;
      if (note && expect(note, 'string', `${where}.note`) && note.kind === 'string') noteText = note.value;
      if (ok && pattern?.kind === 'string' && expected?.kind === 'string') {
        out.push(noteText === undefined ? { pattern: pattern.value, expected: expected.value } : { pattern: pattern.value, expected: expected.value, note: noteText });
      }
    });
    return out;
  }
}

/**
 * `override` on top of `base`: lists are joined (sources and allow without duplicates; a replace
 * entry of the override replaces the base's entry with the same pattern), rule settings are merged
 * per rule, and maxSourceFileSize is the override's when it has one.
 */
export function mergeConfig(base: PolicyConfig, override: Partial<PolicyConfig>): PolicyConfig {
  const union = (a: string[], b: string[] = []) => [...new Set([...a, ...b])];
  const patterns = new Set((override.replace ?? []).map((e) => e.pattern));
  return {
    sources: union(base.sources, override.sources),
    rules: { ...base.rules, ...override.rules },
    replace: [...base.replace.filter((e) => !patterns.has(e.pattern)), ...(override.replace ?? [])],
    allow: union(base.allow, override.allow),
    maxSourceFileSize: override.maxSourceFileSize ?? base.maxSourceFileSize,
  };
}
