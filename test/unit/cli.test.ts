import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'bin/policy-lint.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, POLICY_LINT_LANG: 'zh-cn' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('policy-lint CLI', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-cli-'));
  });

  it('index --json lists every seed article, the definition of “上海精神” and the alias 上合组织', () => {
    const r = run(['index', '--json']);
    assert.equal(r.code, 0, r.err);
    const data = JSON.parse(r.out);
    const titles = data.files.flatMap((f: { articles: Array<{ title: string }> }) => f.articles.map((a) => a.title));
    for (const t of ['弘扬“上海精神” 携手迈向人类命运共同体', '着力建设安全可靠的韧性城市', '助力扩大国际人文交流合作 积极推动文旅产业“走出去”']) assert.ok(titles.includes(t), t);
    assert.ok(data.definitions.some((d: { term: string; definition: string }) => d.term === '上海精神' && d.definition === '互信、互利、平等、协商、尊重多样文明、谋求共同发展'));
    assert.ok(data.aliases.some((a: { alias: string; full: string }) => a.alias === '上合组织' && a.full === '上海合作组织'));
    const terms = new Set(data.terms.map((t: { text: string }) => t.text));
    for (const typo of ['二戰', '资旅产业', '提升提升', '因地制宜宜', '精神']) assert.ok(!terms.has(typo), typo);
    assert.ok(data.time_ms >= 0 && data.peak_rss_mb > 0);
  });

  it('check reports findings as JSON with UTF-16 offsets and exits 1', async () => {
    const file = path.join(dir, 'draft.md');
    const text = '𠮷弘扬正确二戰史观，有助于提升提升城市设施韧性。';
    await fs.writeFile(file, text);
    const r = run(['check', '--format', 'json', file]);
    assert.equal(r.code, 1, r.err);
    const items = JSON.parse(r.out) as Array<{ offset: number; length: number; rule: string; replacements: string[]; line: number; column: number }>;
    const variant = items.find((d) => d.rule === 'variant-char')!;
    assert.equal(text.slice(variant.offset, variant.offset + variant.length), '戰');
    assert.deepEqual(variant.replacements, ['战']);
    assert.ok(items.some((d) => d.rule === 'duplicate'));
  });

  it('check exits 0 on clean text and prints a summary', async () => {
    const file = path.join(dir, 'clean.md');
    await fs.writeFile(file, '人人参与、人人负责，结出累累硕果。\n');
    const r = run(['check', file]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /未发现问题/);
  });

  it('reads GB18030 drafts and fixes safe problems in place, keeping the encoding', async () => {
    const file = path.join(dir, 'gbk.txt');
    // 弘扬二戰史观 in GB18030
    const iconv = await import('iconv-lite');
    await fs.writeFile(file, iconv.encode('弘扬正确二戰史观。', 'gb18030'));
    const r = run(['check', '--fix', file]);
    assert.match(r.out, /已修正 1 处/);
    assert.equal(iconv.decode(await fs.readFile(file), 'gb18030'), '弘扬正确二战史观。');
  });

  it('exits 2 with a one-line message for a missing file or a bad option', () => {
    const missing = run(['check', path.join(dir, 'nope.md')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.err.trim().split('\n').length, 1);
    assert.doesNotMatch(missing.err, /at .*\.js/);
    assert.equal(run(['check', '--bogus']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
  });
});
