import * as assert from 'node:assert/strict';
import { OffsetMap } from '../../server/src/core/text/offsetMap';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { abbreviations, CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { mineFormulations, mineFormulationsOnWorker, mineFormulationsSplit } from '../../server/src/core/index/formulations';
import { bundledSeedsDir } from '../../server/src/core/sources/loader';
import { findQuotes, fullFormBefore, mineFile } from '../../server/src/core/index/miner';
import { inducedSort } from '../../server/src/core/text/inducedSort';
import { sortOnWorker, SuffixArray } from '../../server/src/core/text/suffixArray';
import { splitArticles } from '../../server/src/core/sources/structure';
import type { SourceText } from '../../server/src/core/types';

function sourceOf(text: string, file = '/virtual/a.txt'): SourceText {
  return { path: file, hash: 'x', encoding: 'utf-8', original: text, text, map: OffsetMap.identity(text.length) };
}

describe('suffix array', () => {
  it('counts and locates substrings, astral characters included', () => {
    const sa = SuffixArray.build('上海精神𠮷上海合作组织上海精神');
    assert.equal(sa.count('上海'), 3);
    assert.equal(sa.count('上海精神'), 2);
    assert.equal(sa.count('𠮷'), 1);
    assert.equal(sa.count('不存在'), 0);
    assert.deepEqual(sa.positions('上海精神'), [0, 12]);
  });
  it('agrees with a naive count on random text', () => {
    const alphabet = '中国人民共和发展的';
    let text = '';
    for (let i = 0; i < 3000; i++) text += alphabet[(i * 7919 + (i >> 3)) % alphabet.length];
    const sa = SuffixArray.build(text);
    for (const p of ['中国', '人民共', '的的', '发展的中']) {
      let naive = 0;
      for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) naive++;
      assert.equal(sa.count(p), naive, p);
    }
  });
  it('counts every pattern as a naive count does, at the edges of the code units too (searches start in a first character bucket)', () => {
    // The lowest and highest code units, surrogate halves, a separator and the text's ends.
    const alphabet = ['\u0000', '\n', 'a', '中', '国', '𠮷', '\uffff'];
    let seed = 99;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let text = '';
    while (text.length < 4000) text += alphabet[Math.floor(next() * alphabet.length)];
    const sa = SuffixArray.build(text);
    const patterns = ['\uffff', '\uffff\uffff', '\u0000', '\u0000\n', text.slice(0, 3), text.slice(-3), '\ud842', '\udfb7中', 'b', '中\uffff中'];
    for (let k = 0; k < 300; k++) {
      const at = Math.floor(next() * text.length);
      patterns.push(text.slice(at, at + 1 + Math.floor(next() * 5)));
    }
    for (const p of patterns) {
      let naive = 0;
      for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) naive++;
      assert.equal(sa.count(p), naive, JSON.stringify(p));
      assert.equal(sa.first(p), text.indexOf(p), JSON.stringify(p));
    }
  });
  it('samples a frequent pattern across its contexts, finds the first occurrence and those in a range', () => {
    // 中国 followed by 100 different continuations, 10 times each.
    let text = '';
    for (let r = 0; r < 10; r++) for (let c = 0; c < 100; c++) text += '中国' + String.fromCharCode(0x4e00 + c) + '。';
    const sa = SuffixArray.build(text);
    assert.equal(sa.count('中国'), 1000);
    const sample = sa.sample('中国', 50);
    assert.equal(sample.length, 50);
    assert.deepEqual(sample, [...sample].sort((a, b) => a - b));
    // Spread over the suffix order: 50 of the 100 different continuations, not the first few.
    assert.equal(new Set(sample.map((p) => text[p + 2])).size, 50);
    assert.deepEqual(sa.sample('中国一', 50), sa.positions('中国一'));
    assert.equal(sa.first('中国'), 0);
    assert.equal(sa.first('中国丁'), 4);
    assert.equal(sa.first('美国'), -1);
    assert.deepEqual(sa.within('中国', 4, 13), [4, 8, 12]);
  });
  it('sorts a large text on a worker thread to the same array as here', async () => {
    const alphabet = '中国人民共和发展的𠮷，。';
    let text = '';
    for (let i = 0; text.length < 300_000; i++) text += alphabet[(i * 7919 + (i >> 5)) % alphabet.length];
    const here = SuffixArray.build(text);
    const there = await SuffixArray.buildInWorker(text);
    assert.deepEqual(there?.sa, here.sa);
    assert.equal(there?.count('人民'), here.count('人民'));
    // Aborted: the thread stops and nothing is sorted here either.
    const abort = new AbortController();
    const pending = SuffixArray.buildInWorker(text, abort.signal);
    abort.abort();
    assert.equal(await pending, undefined);
    // The worker itself (buildInWorker falls back to sorting here when a thread fails).
    const symbols = Int32Array.from([2, 0, 1, 2, 0, 1, 0]);
    assert.deepEqual([...(await sortOnWorker(Int32Array.from(symbols), 2))], [...inducedSort(symbols, 2)]);
  });
  it('mines the same formulations on a worker thread as here', async () => {
    const dir = bundledSeedsDir();
    const texts = await Promise.all((await fs.readdir(dir)).filter((f) => f.endsWith('.txt')).map((f) => fs.readFile(path.join(dir, f), 'utf8')));
    const here = mineFormulations(texts);
    assert.ok(here.length > 20);
    assert.deepEqual(await mineFormulationsOnWorker(texts, { minChars: 0 }), here);
    // Aborted (a cancelled index): the thread stops and nothing is mined here either.
    const abort = new AbortController();
    const pending = mineFormulationsOnWorker(texts, { minChars: 0, signal: abort.signal });
    abort.abort();
    assert.equal(await pending, undefined);
  });
  it('mines the same formulations when a second thread takes the first pass over half of a large folder', async () => {
    // Over a million characters in one group (the split's threshold), in texts of different sizes,
    // so that the halves are uneven in files; the seeds beside them are a group too small to split.
    const dir = bundledSeedsDir();
    const seeds = await Promise.all((await fs.readdir(dir)).filter((f) => f.endsWith('.txt')).map((f) => fs.readFile(path.join(dir, f), 'utf8')));
    const big: string[] = [];
    for (let i = 0; big.reduce((n, t) => n + t.length, 0) < 1_100_000; i++) big.push(seeds[i % seeds.length].slice(0, 3000 + ((i * 7919) % 9000)).replace(/上海/g, i % 3 ? '上海' : '青岛'));
    const texts = [...seeds, ...big];
    const groups = texts.map((_, i) => (i < seeds.length ? 0 : 1));
    const here = mineFormulations(texts, groups);
    assert.ok(here.length > 20);
    assert.deepEqual(await mineFormulationsSplit(texts, groups), here);
    assert.deepEqual(await mineFormulationsSplit(big), mineFormulations(big));
  });
  it('holds each source folder to the minimum count of its own size, on a worker thread too', async () => {
    // A large folder asks more of a formulation than two uses; a small one beside it does not.
    const words = ['推进', '完善', '健全', '加强', '深化', '落实', '优化', '提升', '构建', '统筹'];
    const objects = ['城市治理体系', '公共服务供给', '基础设施网络', '生态环境保护', '社会保障制度', '营商环境建设', '科技创新能力', '区域协调发展'];
    const big: string[] = [];
    for (let i = 0; big.join('').length < 150_000; i++) big.push(`${words[i % 10]}${objects[(i * 7) % 8]}，第${i}项工作按期完成。`);
    const small = ['各方要践行真正的多边主义，反对单边主义。', '我们坚持真正的多边主义。'];
    const texts = [big.join(''), ...small];
    const has = (list: Array<{ text: string }>) => list.some((f) => f.text === '真正的多边主义');
    assert.equal(has(mineFormulations(texts)), false);
    const grouped = mineFormulations(texts, [1, 0, 0]);
    assert.equal(has(grouped), true);
    assert.ok(grouped.length > 1);
    assert.deepEqual(await mineFormulationsOnWorker(texts, { groups: [1, 0, 0], minChars: 0 }), grouped);
    // The indexer groups the bundled seeds apart from a large folder of the user's.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-groups-'));
    await fs.writeFile(path.join(dir, 'big.txt'), big.join(''));
    const index = await new Indexer({ folders: [dir], maxFileSize: 1e6 }).rebuild();
    assert.ok(index.term('真正的多边主义')?.kinds.has('formulation'));
    assert.ok(index.formulations.some((f) => f.text === '城市治理体系'));
  });
  it('sorts every suffix exactly as a naive sort does (random, periodic and one-symbol strings)', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const strings: number[][] = [[], [0], [1, 0], [0, 1], [0, 0], [0, 0, 0, 0, 0], [2, 1, 2, 1, 2, 1, 0]];
    for (let t = 0; t < 300; t++) {
      const len = 1 + Math.floor(next() * 60);
      const alphabet = 1 + Math.floor(next() * 4);
      strings.push(Array.from({ length: len }, () => Math.floor(next() * alphabet)));
    }
    // Long repeats, as in corpora where whole paragraphs recur.
    const block = Array.from({ length: 40 }, () => Math.floor(next() * 3));
    strings.push([...block, ...block, ...block, 1, ...block]);
    for (const str of strings) {
      const naive = str.map((_, i) => i).sort((a, b) => {
        for (let k = 0; ; k++) {
          if (a + k >= str.length) return -1;
          if (b + k >= str.length) return 1;
          if (str[a + k] !== str[b + k]) return str[a + k] - str[b + k];
        }
      });
      const upper = str.length ? Math.max(...str) : 0;
      assert.deepEqual([...inducedSort(Int32Array.from(str), upper)], naive, str.join(''));
    }
  });
});

describe('miner', () => {
  it('finds balanced quotations, nested ones included', () => {
    const q = findQuotes('践行“上海精神”和“‘一带一路’倡议”');
    assert.deepEqual(
      q.map((x) => [x.open, x.close, x.depth]),
      [
        [2, 7, 0],
        [9, 18, 0],
        [10, 15, 1],
      ],
    );
  });
  it('reads the full form before a parenthesised abbreviation', () => {
    assert.equal(fullFormBefore('各方支持上海合作组织', '上合组织'), '上海合作组织');
    assert.equal(fullFormBefore('印发《关于推动城市高质量发展的意见》', '意见'), '关于推动城市高质量发展的意见');
    // The name starts with the word its first character is in; a short form that is the name's own
    // first words is an alternative (第三国（地区）), unless it clips the name's last word.
    assert.equal(fullFormBefore('完善最低生活保障', '低保'), '最低生活保障');
    assert.equal(fullFormBefore('经海南至第三国', '地区'), undefined);
    assert.equal(fullFormBefore('允许外国航空公司承载经海南至第三国', '地区'), undefined);
    assert.equal(fullFormBefore('成立国家减灾委员会', '国家减灾委'), '国家减灾委员会');
    assert.equal(fullFormBefore('草原火灾扑救工作由当地森林', '草原'), undefined);
  });
  it('takes the name that ends a clause for （以下简称…） naming its own last words', () => {
    const text = ['标题一', '成立国务院第三次全国国土调查领导小组（以下简称领导小组），负责组织实施。领导小组办公室设在自然资源部。'].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    assert.deepEqual(v.aliases.map((a) => [a.alias, a.full]), [['领导小组', '国务院第三次全国国土调查领导小组']]);
  });
  it('mines definitions, aliases, titles and statements from one file', () => {
    const text = [
      '标题一',
      '上海合作组织（以下简称“上合组织”）创造性提出并践行互信、互利、平等、协商、尊重多样文明、谋求共同发展的“上海精神”。',
      '习近平主席强调：“安全是国家发展的前提，平安是人民幸福的生命线。”各方认真落实《上海合作组织宪章》。',
    ].join('\n');
    const src = sourceOf(text);
    const v = mineFile(src, splitArticles(text));
    assert.deepEqual(
      v.definitions.map((d) => [d.term, d.definition]),
      [['上海精神', '互信、互利、平等、协商、尊重多样文明、谋求共同发展']],
    );
    assert.deepEqual(v.aliases.map((a) => [a.alias, a.full]), [['上合组织', '上海合作组织']]);
    assert.ok(v.terms.some((t) => t.text === '上海合作组织宪章' && t.kind === 'title'));
    const st = v.statements.find((s) => s.text.startsWith('安全是国家发展的前提'));
    assert.ok(st);
    assert.equal(st.speaker, '习近平主席');
    // refs point at the exact words
    const d = v.definitions[0];
    assert.equal(text.slice(d.ref.start, d.ref.end), d.definition);
  });
  it('mines the items of enumerations as phrases, cut at word boundaries, not fragments of clauses', () => {
    const text = ['标题一', '发展首发经济、银发经济、冰雪经济等新业态。要坚持以文塑旅、以旅彰文，更因互信、城市抓落实。'].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    const listed = v.terms.filter((t) => t.kind === 'listed');
    assert.deepEqual(listed.map((t) => t.text), ['首发经济', '银发经济', '冰雪经济', '以文塑旅', '以旅彰文', '城市抓落实']);
    for (const t of listed) assert.equal(text.slice(t.refs[0].start, t.refs[0].end), t.text);
  });
  it('mines long runs without marks and long enumerations in linear time (no backtracking)', function () {
    this.timeout(20000);
    const run = '中国人民'.repeat(100000);
    // Also many parenthesised names and many enumerations before 的 in one paragraph.
    const text = ['标题一', run, '甲乙丙、'.repeat(50000) + '丁戊己。', run + '、' + run, '城市奖（上海奖）'.repeat(30000), '安全、舒适、绿色的好房子'.repeat(5000)].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    assert.ok(v.terms.filter((t) => t.kind === 'listed').every((t) => text.slice(t.refs[0].start, t.refs[0].end) === t.text));
  });
  it('mines Latin acronyms in parentheses with the name before them, not the verb', () => {
    const text = ['标题一', '完善城市信息模型（CIM）平台。强化第五代移动通信网络（5G）、千兆光网覆盖。', '细颗粒物（PM2.5）浓度下降。抓好贷款市场报价利率（LPR）改革，加大投入（2018年修正），校长（院长）负责。'].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    assert.deepEqual(
      v.aliases.map((a) => [a.alias, a.full]),
      [['CIM', '城市信息模型'], ['5G', '第五代移动通信网络'], ['PM2.5', '细颗粒物'], ['LPR', '贷款市场报价利率']],
    );
  });
  it('keeps a name in bare parentheses after a name with the same head as a term of its own, not notes', () => {
    const text = ['标题一', '持续提升世界城市日、全球可持续发展城市奖（上海奖）影响力。支持职业院校（含技工院校）和营地（基地）建设（试行）（以下统称营地）。'].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    const paired = v.terms.filter((t) => t.kind === 'paired');
    assert.deepEqual(paired.map((t) => t.text), ['上海奖', '基地']);
    assert.equal(text.slice(paired[0].refs[0].start, paired[0].refs[0].end), '上海奖');
  });
  it('reads definitions of unquoted names off enumerations of qualities and 是…的 sentences, not of possessors', () => {
    const text = [
      '标题一',
      '倡导和践行平等、互鉴、对话、包容的文明观。提出共商共建共享的全球治理观。落实“适用、经济、绿色、美观”建筑方针。',
      '文旅产业是涉及吃住行购娱等方方面面的综合性产业，在促进经济发展中作用突出。',
      '减少林地、草地、园地的农药使用量。在安全、经济、人文等领域取得一系列举世瞩目的历史性成就。顺应和平、发展、合作、共赢的时代潮流。',
    ].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    assert.deepEqual(
      v.definitions.map((d) => [d.term, d.definition, d.named]),
      [
        ['文明观', '平等、互鉴、对话、包容', false],
        ['全球治理观', '共商共建共享', false],
        ['建筑方针', '适用、经济、绿色、美观', false],
        ['文旅产业', '涉及吃住行购娱等方方面面的综合性产业', false],
        ['时代潮流', '和平、发展、合作、共赢', false],
      ],
    );
    for (const d of v.definitions) assert.equal(text.slice(d.ref.start, d.ref.end), d.definition);
  });
  it('names people after their office, with the country or organisation before it, and nothing else', () => {
    const text = ['标题一', '哈萨克斯坦总统托卡耶夫认为，前景广阔。印度总理莫迪表示。习近平主席在北京会见。大使用权。同白俄罗斯总统探讨合作。'].join('\n');
    const v = mineFile(sourceOf(text), splitArticles(text));
    assert.deepEqual(v.terms.filter((t) => t.kind === 'person').map((t) => t.text), ['托卡耶夫', '莫迪']);
    assert.deepEqual(v.definitions.map((d) => [d.term, d.definition]), [['托卡耶夫', '哈萨克斯坦总统'], ['莫迪', '印度总理']]);
  });
  it('derives abbreviations word by word', () => {
    const forms = (words: string[]) => abbreviations(words).map((a) => a.text);
    assert.ok(forms(['上海', '合作', '组织']).includes('上合组织'));
    assert.ok(!forms(['上海', '合作', '组织']).includes('上合组'));
    assert.deepEqual(abbreviations(['科技', '创新', '中心']), [{ text: '科创中心', clipped: ['科技', '创新'], clippedRuns: ['科创'] }]);
    // A compound word kept in part, or one word clipped alone, is ordinary wording (经济发展, 人应当).
    assert.deepEqual(forms(['经济社会', '发展']), []);
    assert.deepEqual(forms(['人民政府', '应当']), []);
  });
});

describe('corpus index over the bundled seeds', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });
  it('reads a meeting named by its place as the organisation’s (天津峰会 → 上海合作组织天津峰会), and nothing else so', () => {
    assert.equal(index.term('天津峰会')?.fullForm, '上海合作组织天津峰会');
    // Wording that merely follows the organisation's name somewhere is no name of it.
    for (const text of ['高质量发展', '贸易便利化', '可持续发展']) assert.equal(index.term(text)?.fullForm, undefined, text);
  });
  it('defines “上海精神” and maps 上合组织 to 上海合作组织', () => {
    assert.equal(index.term('上海精神')?.definition?.text, '互信、互利、平等、协商、尊重多样文明、谋求共同发展');
    assert.equal(index.term('上合组织')?.fullForm, '上海合作组织');
  });
  it('reads 上合, used alone before other words, as the organisation’s short form too', () => {
    assert.equal(index.term('上合')?.fullForm, '上海合作组织');
  });
  it('knows the recurring formulations', () => {
    for (const f of ['推动构建人类命运共同体', '共商共建共享', '真正的多边主义', '文旅产业']) assert.ok(index.term(f), f);
  });
  it('never learns the seeds’ typos as official phrasing', () => {
    for (const typo of ['二戰', '资旅产业', '资旅', '提升提升', '因地制宜宜', '精神']) assert.equal(index.term(typo), undefined, typo);
    for (const t of index.allTerms()) assert.ok(!/戰|提升提升|宜宜|资旅/.test(t.text), t.text);
  });
  it('maps source refs back to the original file', async () => {
    const ref = index.term('上海精神')!.definition!.ref;
    const place = index.placeOf(ref);
    const original = await fs.readFile(place.file, 'utf8');
    const line = original.split(/\r?\n/)[place.line];
    assert.equal(line.slice(place.character, place.character + 2), '互信');
  });
});

describe('indexer cache', () => {
  it('reuses unchanged files and re-mines only the changed one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-src-'));
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-cache-'));
    await fs.writeFile(path.join(dir, 'a.txt'), '第一篇\n践行“全过程人民民主”。\n');
    await fs.writeFile(path.join(dir, 'b.txt'), '第二篇\n推动“高质量发展”。\n');
    const opts = { folders: [dir], includeSeeds: false, maxFileSize: 1e6, cacheDir: cache };
    const first = new Indexer(opts);
    await first.rebuild();
    assert.equal(first.report?.cachedFiles, 0);
    const second = new Indexer(opts);
    await second.rebuild();
    assert.equal(second.report?.cachedFiles, 2);
    await fs.writeFile(path.join(dir, 'b.txt'), '第二篇\n推动“新质生产力”发展。\n');
    await fs.writeFile(path.join(dir, 'c.txt'), '第三篇\n坚持“两个毫不动摇”。\n');
    await second.rebuild();
    assert.equal(second.report?.files.length, 3);
    assert.equal(second.report?.cachedFiles, 1);
    assert.ok(second.index.term('新质生产力'));
    assert.equal(second.index.term('高质量发展'), undefined);
    await fs.rm(path.join(dir, 'a.txt'));
    await second.rebuild();
    assert.equal(second.index.term('全过程人民民主'), undefined);
    assert.equal(second.report?.files.length, 2);
  });
});

describe('damaged index cache', () => {
  it('mines again instead of trusting a cache of the wrong shape or a corrupted suffix array', async () => {
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-badcache-'));
    const opts = { folders: [], maxFileSize: 20e6, cacheDir: cache };
    const good = await new Indexer(opts).rebuild();
    const count = good.frequency('上海精神');
    const walk = async (dir: string): Promise<string[]> => {
      const out: string[] = [];
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...(await walk(p)));
        else out.push(p);
      }
      return out;
    };
    for (const f of await walk(cache)) {
      if (f.includes(`${path.sep}files${path.sep}`)) {
        const data = JSON.parse(await fs.readFile(f, 'utf8'));
        delete data.terms;
        await fs.writeFile(f, JSON.stringify(data));
      } else if (f.endsWith('.json')) await fs.writeFile(f, JSON.stringify({ formulations: 5 }));
      else if (f.endsWith('.sa')) {
        const buf = await fs.readFile(f);
        for (let i = 0; i < buf.length; i++) buf[i] = (i * 7919) & 255;
        await fs.writeFile(f, buf);
      }
    }
    const again = await new Indexer(opts).rebuild();
    assert.equal(again.frequency('上海精神'), count);
    assert.equal(again.term('上合组织')?.fullForm, '上海合作组织');
  });
});

describe('index cache: conclusions drawn across files', () => {
  it('gives the same terms from the cache as from the sources, and recomputes a damaged list of cut formulations or term table', async () => {
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-derived-'));
    const opts = { folders: [], maxFileSize: 20e6, cacheDir: cache };
    const cold = await new Indexer(opts).rebuild();
    const terms = (ix: typeof cold) => [...ix.allTerms()].map((t) => t.text).sort();
    // The miner's piece cut inside 人类命运共同体 is no term.
    assert.equal(cold.term('新型国际关系和构建人类'), undefined);
    const warm = await new Indexer(opts).rebuild();
    assert.deepEqual(terms(warm), terms(cold));
    // Counts and article counts come from the cache on a warm start: the same as counted.
    const stats = (ix: typeof cold) => [...ix.allTerms()].map((t) => `${t.text} ${t.count} ${t.articles}`).sort();
    assert.deepEqual(stats(warm), stats(cold));
    const metas = (await fs.readdir(cache, { recursive: true })).map(String).filter((f) => f.endsWith('.json') && f.includes('corpus'));
    let damaged = 0;
    for (const f of metas) {
      const data = JSON.parse(await fs.readFile(path.join(cache, f), 'utf8'));
      if (!Array.isArray(data.derived?.cutFormulations)) continue;
      data.derived.cutFormulations = 5;
      data.termTable.counts[0] = 'many';
      await fs.writeFile(path.join(cache, f), JSON.stringify(data));
      damaged++;
    }
    assert.equal(damaged, 1);
    const repaired = await new Indexer(opts).rebuild();
    assert.deepEqual(terms(repaired), terms(cold));
    assert.deepEqual(stats(repaired), stats(cold));
    // The restored table gives the same places and definitions as the merged one.
    const places = (ix: typeof cold) => [...ix.allTerms()].map((t) => `${t.text} ${t.refs.map((r) => `${path.basename(r.file)}:${r.article}:${r.start}-${r.end}`).join(',')} ${t.definition?.text ?? ''} ${t.fullForm ?? ''} ${[...t.kinds].join('+')}`);
    const restored = await new Indexer(opts).rebuild();
    assert.equal(restored.restored, true);
    assert.deepEqual(places(restored), places(cold));
    // A place outside the files: the table is refused and the terms are merged again.
    for (const f of metas) {
      const data = JSON.parse(await fs.readFile(path.join(cache, f), 'utf8'));
      const at = data.termTable.refs.indexOf(1);
      data.termTable.refs[at + 1] = 99;
      await fs.writeFile(path.join(cache, f), JSON.stringify(data));
    }
    const merged = await new Indexer(opts).rebuild();
    assert.equal(merged.restored, false);
    assert.deepEqual(places(merged), places(cold));
    // …and cached anew.
    const next = await new Indexer(opts).rebuild();
    assert.equal(next.restored, true);
    assert.deepEqual(places(next), places(cold));
  });
});

describe('sentence lookup on a very large source file', () => {
  it('indexes a file of 200,000 sentences (no call-stack limit) and finds one of them', () => {
    const { SentenceIndex } = require('../../server/src/core/index/sentences') as typeof import('../../server/src/core/index/sentences');
    const parts: string[] = [];
    for (let i = 0; i < 200_000; i++) parts.push(i === 123_456 ? '坚持以人民为中心的发展思想。' : `第${i}句。`);
    const text = parts.join('');
    const fi = {
      source: sourceOf(text, '/src/big.txt'),
      articles: [{ start: 0, end: text.length, title: 'big', markers: [], paragraphs: [] }],
      terms: [],
      definitions: [],
      aliases: [],
      statements: [],
    };
    const index = new SentenceIndex([fi]);
    assert.equal(index.all.length, 200_000);
    assert.equal(index.similar('坚持以人民为中心的发展思想', 0.5, 1)[0]?.sentence.text, '坚持以人民为中心的发展思想。');
  });
});

describe('short forms of a short form’s clipped part', () => {
  async function aliasesOf(text: string): Promise<Map<string, string>> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-stem-'));
    await fs.writeFile(path.join(dir, 'a.txt'), text);
    const index = await new Indexer({ folders: [dir], maxFileSize: 20e6 }).rebuild();
    return new Map([...index.allTerms()].filter((t) => t.fullForm && !t.refs.some((r) => !r.file.startsWith(dir))).map((t) => [t.text, t.fullForm!]));
  }
  it('names the body where the head word names one, else the clipped words', async () => {
    const org = await aliasesOf(
      '标题\n北京合作组织（以下简称北合组织）成立以来，北合组织不断发展。北合组织成员国讲好“北合故事”，打造“北合示范”。\n' +
        '澜沧江湄公河合作机制（以下简称澜湄合作机制）启动以来，澜湄合作机制成效显著，“澜湄速度”“澜湄效率”广受称道。\n',
    );
    assert.equal(org.get('北合组织'), '北京合作组织');
    assert.equal(org.get('北合'), '北京合作组织');
    // 机制 names no body: 澜湄 is 澜沧江湄公河, the words it clips.
    assert.equal(org.get('澜湄'), '澜沧江湄公河');
  });
  it('counts only uses that stand as words of their own', async () => {
    // 东北合作 and 北合组织 hold 北合, but not as a word standing alone before another.
    const org = await aliasesOf('标题\n北京合作组织（以下简称北合组织）成立以来，北合组织推动东北合作，北合组织不断发展。\n');
    assert.equal(org.get('北合组织'), '北京合作组织');
    assert.equal(org.get('北合'), undefined);
  });
});

describe('a term quoted very often', () => {
  it('merges 150,000 places of one term (no call-stack limit)', () => {
    const text = '“上海精神”'.repeat(150_000);
    const refs = Array.from({ length: 150_000 }, (_, i) => ({ file: '/src/a.txt', article: 0, start: i * 6 + 1, end: i * 6 + 5 }));
    const fi = {
      source: sourceOf(text, '/src/a.txt'),
      articles: [{ start: 0, end: text.length, title: 'a', markers: [], paragraphs: [] }],
      terms: [{ text: '上海精神', kind: 'quoted' as const, refs }],
      definitions: [],
      aliases: [],
      statements: [],
    };
    assert.equal(new CorpusIndex([fi]).term('上海精神')?.refs.length, 150_000);
  });
});
