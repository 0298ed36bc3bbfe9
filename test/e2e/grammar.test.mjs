// The draft grammar (syntaxes/policy-draft.tmLanguage.json) tokenized by the same engine VS Code
// uses (vscode-textmate + the Oniguruma WASM build), and the language configuration's pairs.
// Run: npm run test:grammar
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GRAMMAR = join(ROOT, 'syntaxes', 'policy-draft.tmLanguage.json');
const LANGUAGE_CONFIG = join(ROOT, 'syntaxes', 'language-configuration.json');

let grammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'text.policy-draft' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  grammar = await registry.loadGrammar('text.policy-draft');
  assert.ok(grammar, 'grammar loads');
});

/** Tokenizes a document; returns, per character (UTF-16 index in the whole text), its scope list. */
function tokenize(text) {
  const lines = text.split('\n');
  const scopesAt = [];
  let state = vsctm.INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    for (const tok of r.tokens) for (let i = tok.startIndex; i < Math.min(tok.endIndex, line.length); i++) scopesAt.push(tok.scopes);
    scopesAt.push(['<newline>']);
    state = r.ruleStack;
  }
  return scopesAt;
}

/** The scopes shared by every character of `needle` (its `nth` occurrence) in `text`. */
function scopesOf(text, needle, nth = 0) {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not in the text`);
  }
  const all = tokenize(text);
  let common = all[at];
  for (let i = at + 1; i < at + needle.length; i++) common = common.filter((s) => all[i].includes(s));
  return common;
}

const has = (scopes, prefix) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
function assertScope(text, needle, prefix, nth = 0) {
  const s = scopesOf(text, needle, nth);
  assert.ok(has(s, prefix), `"${needle}" should have ${prefix}; got ${s.join(' ')}`);
}
function assertNoScope(text, needle, prefix, nth = 0) {
  const s = scopesOf(text, needle, nth);
  assert.ok(!has(s, prefix), `"${needle}" should not have ${prefix}; got ${s.join(' ')}`);
}

describe('grammar text.policy-draft: headings', () => {
  it('第一章 / 第一编 / 第一部分 and 第一节', () => {
    const t = '第一章 总则\n\n第二编 分则\n\n第三部分 保障\n\n第一节 目标任务\n';
    assertScope(t, '第一章', 'markup.heading.1');
    assertScope(t, '第一章', 'punctuation.definition.heading');
    assertScope(t, '总则', 'entity.name.section');
    assertScope(t, '分则', 'markup.heading.1');
    assertScope(t, '保障', 'markup.heading.1');
    assertScope(t, '目标任务', 'markup.heading.2');
  });

  it('一、 （一） 1. 1． （1） levels', () => {
    const t = '一、合作之基在于互信\n（一）提高中小城市承载能力\n1. 坚持人民至上\n2．坚持系统观念\n（1）加强组织领导\n';
    assertScope(t, '一、', 'punctuation.definition.heading');
    assertScope(t, '合作之基在于互信', 'markup.heading.3');
    assertScope(t, '合作之基在于互信', 'entity.name.section');
    assertScope(t, '提高中小城市承载能力', 'markup.heading.4');
    assertScope(t, '坚持人民至上', 'markup.heading.5');
    assertScope(t, '坚持系统观念', 'markup.heading.5');
    assertScope(t, '加强组织领导', 'markup.heading.6');
  });

  it('a run-in heading ends at the first 。 and the body after it is plain text', () => {
    const t = '（三）提高中小城市和县城承载能力。推进以县城为重要载体的城镇化建设。';
    assertScope(t, '承载能力', 'markup.heading');
    assertNoScope(t, '推进以县城', 'markup.heading');
    assertNoScope(t, '。', 'markup.heading');
  });

  it('Markdown # headings hold inline scopes', () => {
    const t = '# 携手践行“上海精神” 共建美好家园\n\n### 三级标题\n';
    assertScope(t, '携手践行', 'markup.heading');
    assertScope(t, '携手践行', 'entity.name.section');
    assertScope(t, '#', 'punctuation.definition.heading');
    assertScope(t, '上海精神', 'string.quoted.double');
    assertScope(t, '上海精神', 'markup.heading');
    assertScope(t, '三级标题', 'markup.heading');
  });

  it('indented headings (full-width space) and not-headings', () => {
    const t = '\u3000\u3000二、发展之要在于务实\n1.5亿人口\n一、\n#话题标签\n在（一）项中\n';
    assertScope(t, '发展之要在于务实', 'markup.heading.3');
    assertNoScope(t, '1.5亿', 'markup.heading');
    assertScope(t, '1.5亿', 'constant.numeric');
    assertNoScope(t, '一、', 'markup.heading');
    assertNoScope(t, '话题标签', 'markup.heading');
    assertNoScope(t, '（一）', 'markup.heading', 0);
    assertNoScope(t, '（一）', 'comment', 0);
  });
});

describe('grammar text.policy-draft: quotations, titles, notes', () => {
  it('“…” is a double-quoted string and ‘…’ nests inside it', () => {
    const t = '习近平主席指出：“我们践行‘上海精神’而取得成功。”这为各方指明了方向。';
    assertScope(t, '我们践行', 'string.quoted.double');
    assertScope(t, '上海精神', 'string.quoted.single');
    assertScope(t, '上海精神', 'string.quoted.double');
    assertScope(t, '“', 'punctuation.definition.string.begin');
    assertScope(t, '”', 'punctuation.definition.string.end');
    assertNoScope(t, '这为各方', 'string');
  });

  it('an unclosed “ stops at the blank line', () => {
    const t = '他说：“未闭合的引号\n\n下一段正文。';
    assertScope(t, '未闭合的引号', 'string.quoted.double');
    assertNoScope(t, '下一段正文', 'string');
  });

  it('《…》 is a title (italic, entity.name.section) and may hold quotes and 〈…〉', () => {
    const t = '据《习近平推动“上海精神”焕发时代光彩》报道，《论〈实践论〉》一文。';
    assertScope(t, '习近平推动', 'markup.italic');
    assertScope(t, '习近平推动', 'entity.name.section');
    assertScope(t, '上海精神', 'string.quoted.double');
    assertScope(t, '上海精神', 'markup.italic');
    assertScope(t, '《', 'punctuation.definition.title.begin');
    assertScope(t, '实践论', 'meta.title.inner');
    assertNoScope(t, '报道', 'markup.italic');
  });

  it('（…） is a note shown as a comment, nested notes included', () => {
    const t = '（新华社北京8月28日电）上合组织（上海合作组织（SCO）的简称）成立于2001年。';
    assertScope(t, '新华社北京', 'comment');
    assertScope(t, 'SCO', 'comment');
    assertScope(t, '的简称', 'comment');
    assertNoScope(t, '成立于', 'comment');
    assertNoScope(t, '上合组织', 'comment');
  });

  it('【…】 is a label; 「…」 and 『…』 are strings', () => {
    const t = '【编者按】他说「好『很好』」。';
    assertScope(t, '编者按', 'entity.name.tag');
    assertScope(t, '好', 'string.quoted.other');
    assertScope(t, '很好', 'string.quoted.other.white-corner');
  });
});

describe('grammar text.policy-draft: numbers and dates', () => {
  it('dates', () => {
    const t = '2025年8月28日，8月29日，2025年9月，2001年，二〇二五年八月二十八日，九月三日。';
    for (const d of ['2025年8月28日', '8月29日', '2025年9月', '2001年', '二〇二五年八月二十八日', '九月三日']) {
      assertScope(t, d, 'constant.numeric.date');
    }
  });

  it('quantities: the number is constant.numeric, the unit keyword.other.unit', () => {
    const t = '纪念抗战胜利80周年，贸易额达5124亿美元，增长12.5%，1,200余家企业，提高3个百分点，G20峰会。';
    assertScope(t, '80', 'constant.numeric');
    assertScope(t, '周年', 'keyword.other.unit');
    assertScope(t, '5124亿', 'constant.numeric');
    assertScope(t, '美元', 'keyword.other.unit');
    assertScope(t, '12.5', 'constant.numeric');
    assertScope(t, '%', 'keyword.other.unit');
    assertScope(t, '1,200余', 'constant.numeric');
    assertScope(t, '个百分点', 'keyword.other.unit');
    const all = tokenize(t);
    const g = t.indexOf('G20');
    for (let i = g; i < g + 3; i++) assert.ok(!has(all[i], 'constant.numeric'), `G20[${i - g}] is not a number`);
    assertNoScope(t, '纪念抗战胜利', 'constant.numeric');
  });

  it('fenced code and HTML comments are left alone', () => {
    const t = '```\n“不是引文” 2025年\n```\n<!-- 编辑备注：“待核” -->\n正文“引文”';
    assertNoScope(t, '不是引文', 'string');
    assertNoScope(t, '2025年', 'constant.numeric');
    assertScope(t, '编辑备注', 'comment');
    assertScope(t, '引文', 'string.quoted.double', 1);
  });
});

describe('language configuration and manifest', () => {
  const config = JSON.parse(readFileSync(LANGUAGE_CONFIG, 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('pairs “” ‘’ 《》 （） 【】 are brackets, auto-closing and surrounding pairs', () => {
    const pairs = [['“', '”'], ['‘', '’'], ['《', '》'], ['（', '）'], ['【', '】']];
    for (const [open, close] of pairs) {
      assert.ok(config.brackets.some(([o, c]) => o === open && c === close), `bracket ${open}${close}`);
      assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), `auto-closing ${open}${close}`);
      assert.ok(config.surroundingPairs.some(([o, c]) => o === open && c === close), `surrounding ${open}${close}`);
      assert.ok(config.autoCloseBefore.includes('，') && config.autoCloseBefore.includes('。'));
    }
  });

  it('the word pattern splits at Chinese punctuation', () => {
    const re = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
    assert.deepEqual('秉持“上海精神”，推动构建人类命运共同体。'.match(re), ['秉持', '上海精神', '推动构建人类命运共同体']);
  });

  it('package.json points at the grammar and the configuration', () => {
    const g = pkg.contributes.grammars.find((x) => x.language === 'policy-draft');
    assert.equal(g.scopeName, 'text.policy-draft');
    assert.equal(join(ROOT, g.path), GRAMMAR);
    const l = pkg.contributes.languages.find((x) => x.id === 'policy-draft');
    assert.equal(join(ROOT, l.configuration), LANGUAGE_CONFIG);
    assert.equal(JSON.parse(readFileSync(GRAMMAR, 'utf8')).scopeName, 'text.policy-draft');
  });
});

describe('grammar on the sample drafts', () => {
  it('examples/commentary.draft.md: headings, quotes, no runaway scopes', () => {
    const t = readFileSync(join(ROOT, 'examples', 'commentary.draft.md'), 'utf8').replace(/\r\n/g, '\n');
    assertScope(t, '合作之基在于互信', 'markup.heading.3');
    assertScope(t, '安全是国家发展的基础', 'string.quoted.double');
    // every paragraph starts outside a string: nothing runs on from an earlier one
    const all = tokenize(t);
    let at = 0;
    for (const line of t.split('\n')) {
      if (line.trim()) assert.ok(!all[at].some((s) => s.startsWith('string') || s.startsWith('comment')), `line starts inside a string: ${line}`);
      at += line.length + 1;
    }
  });
});
