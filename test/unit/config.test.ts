import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_SOURCE_FILE_SIZE, defaultConfig } from '../../server/src/core/config';
import { MAX_PATTERN_LENGTH, MAX_REPLACE_ENTRIES, mergeConfig, parseConfig } from '../../server/src/core/configFile';

const RULES = ['variant-char', 'duplicate', 'term-typo', 'quote-mismatch', 'punctuation', 'user-rule'];
const parse = (text: string) => parseConfig(text, '/p/policy-lint.json', RULES);
const where = (r: ReturnType<typeof parse>) => r.problems.map((p) => [p.key, p.line, p.column]);

describe('policy-lint.json', () => {
  it('reads a valid file', () => {
    const r = parse(
      JSON.stringify(
        {
          sources: ['sources', 'more'],
          rules: { duplicate: 'error', punctuation: 'off' },
          replace: [{ pattern: '资旅', expected: '文旅', note: '简称' }, { pattern: '倡义', expected: '倡议' }],
          allow: ['中共中央'],
          maxSourceFileSize: 1000,
        },
        null,
        2,
      ),
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config, {
      sources: ['sources', 'more'],
      rules: { duplicate: 'error', punctuation: 'off' },
      replace: [
        { pattern: '资旅', expected: '文旅', note: '简称' },
        { pattern: '倡义', expected: '倡议' },
      ],
      allow: ['中共中央'],
      maxSourceFileSize: 1000,
    });
  });

  it('accepts an empty object, comments, trailing commas and a BOM', () => {
    assert.deepEqual(parse('{}'), { config: defaultConfig(), problems: [] });
    const r = parse('\ufeff{\n  // sources\n  "sources": ["a",], /* b */\n}\n');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config.sources, ['a']);
  });

  it('reports syntax errors with line and column and falls back to defaults', () => {
    const r = parse('{\n  "sources": ["a"]\n  "allow": []\n}');
    assert.deepEqual(where(r), [['', 3, 3]]);
    assert.match(r.problems[0].message, /JSON 语法错误/);
    assert.equal(r.problems[0].file, '/p/policy-lint.json');
    assert.deepEqual(r.config, defaultConfig());
    assert.deepEqual(where(parse('{"a": "unterminated\n}')), [['', 1, 7]]);
    assert.deepEqual(where(parse('')), [['', 1, 1]]);
    assert.deepEqual(where(parse('{} x')), [['', 1, 4]]);
    assert.deepEqual(where(parse('[1, 2]')), [['', 1, 1]]);
  });

  it('drops wrong entries, names their key and line, and keeps the rest', () => {
    const text = [
      '{',
      '  "sources": ["ok", 3, ""],',
      '  "rules": { "duplicate": "loud", "no-such-rule": "error", "punctuation": "off" },',
      '  "replace": [',
      '    { "pattern": "资旅", "expected": "文旅" },',
      '    { "pattern": "", "expected": "x" },',
      '    { "expected": "x" },',
      '    { "pattern": 5, "expected": "x" },',
      '    { "pattern": "a", "expected": "b", "note": 1, "extra": true },',
      '    "string",',
      '    { "pattern": "同", "expected": "同" }',
      '  ],',
      '  "allow": "中共中央",',
      '  "maxSourceFileSize": -1,',
      '  "colour": "red"',
      '}',
    ].join('\n');
    const r = parse(text);
    assert.deepEqual(where(r), [
      ['sources[1]', 2, 21],
      ['sources[2]', 2, 24],
      ['rules.duplicate', 3, 27],
      ['rules.no-such-rule', 3, 35],
      ['replace[1].pattern', 6, 18],
      ['replace[2].pattern', 7, 5],
      ['replace[3].pattern', 8, 18],
      ['replace[4].extra', 9, 51],
      ['replace[4].note', 9, 48],
      ['replace[5]', 10, 5],
      ['replace[6].expected', 11, 35],
      ['allow', 13, 12],
      ['maxSourceFileSize', 14, 24],
      ['colour', 15, 3],
    ]);
    assert.deepEqual(r.config, {
      sources: ['ok'],
      rules: { punctuation: 'off' },
      replace: [
        { pattern: '资旅', expected: '文旅' },
        { pattern: 'a', expected: 'b' },
      ],
      allow: [],
      maxSourceFileSize: DEFAULT_MAX_SOURCE_FILE_SIZE,
    });
    for (const p of r.problems) assert.ok(p.message.length > 0);
    assert.match(r.problems.find((p) => p.key === 'rules.no-such-rule')!.message, /未知的规则/);
    assert.match(r.problems.find((p) => p.key === 'colour')!.message, /未知的配置项/);
  });

  it('caps the replace list and the pattern length', () => {
    const many = Array.from({ length: MAX_REPLACE_ENTRIES + 5 }, (_, i) => ({ pattern: `p${i}`, expected: `e${i}` }));
    many[3].pattern = '长'.repeat(MAX_PATTERN_LENGTH + 1);
    const r = parse(JSON.stringify({ replace: many }));
    assert.equal(r.config.replace.length, MAX_REPLACE_ENTRIES - 1);
    assert.deepEqual(
      r.problems.map((p) => p.key),
      ['replace[3].pattern', `replace[${MAX_REPLACE_ENTRIES}]`],
    );
    assert.match(r.problems[1].message, /替换规则过多/);
  });

  it('reports a duplicate key and uses the last value', () => {
    const r = parse('{"allow": ["a"],\n "allow": ["b"]}');
    assert.deepEqual(where(r), [['allow', 2, 2]]);
    assert.deepEqual(r.config.allow, ['b']);
  });

  it('merges an override on top of a base', () => {
    const base = { ...defaultConfig(), sources: ['a'], rules: { duplicate: 'error' as const, punctuation: 'off' as const }, allow: ['x'], replace: [{ pattern: '甲', expected: '乙' }, { pattern: '丙', expected: '丁' }] };
    const merged = mergeConfig(base, { sources: ['a', 'b'], rules: { punctuation: 'warning' }, allow: ['y'], replace: [{ pattern: '丙', expected: '戊' }] });
    assert.deepEqual(merged, {
      sources: ['a', 'b'],
      rules: { duplicate: 'error', punctuation: 'warning' },
      allow: ['x', 'y'],
      replace: [
        { pattern: '甲', expected: '乙' },
        { pattern: '丙', expected: '戊' },
      ],
      maxSourceFileSize: DEFAULT_MAX_SOURCE_FILE_SIZE,
    });
    assert.equal(mergeConfig(base, { maxSourceFileSize: 5 }).maxSourceFileSize, 5);
    assert.deepEqual(mergeConfig(base, {}), base);
  });
});
