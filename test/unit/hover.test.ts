import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { getHover } from '../../server/src/core/features/hover';

function hoverAt(index: CorpusIndex, marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.replace('‸', '');
  return { text, hover: getHover(index, text, offset) };
}

const LINK = /\[《([^\]]+)》 第(\d+)行\]\((file:\/\/\/[^)\s]+)#L(\d+)\)/g;

/** The links of a hover: title, 1-based line, file path. */
function links(markdown: string): Array<{ title: string; line: number; file: string }> {
  return [...markdown.matchAll(LINK)].map((m) => {
    assert.equal(m[2], m[4], 'link text and fragment name the same line');
    return { title: m[1], line: Number(m[4]), file: fileURLToPath(m[3]) };
  });
}

/** The original file's text from a 1-based line on, whitespace and line breaks dropped. */
function fromLine(file: string, line: number, count = 6): string {
  return readFileSync(file, 'utf8').split('\n').slice(line - 1, line - 1 + count).join('').replace(/\s/g, '');
}

describe('hover', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });

  it('shows a defined term: bold term, its definition, the defining sentence first, usage counts', () => {
    const { text, hover } = hoverAt(index, '以“上海‸精神”为指引，推动上海合作组织行稳致远。');
    assert.ok(hover);
    assert.equal(text.slice(hover.start, hover.end), '上海精神');
    const md = hover.markdown;
    assert.ok(md.startsWith('**上海精神**'), md);
    for (const s of ['互信', '尊重多样文明', '谋求共同发展']) assert.ok(md.includes(s), s);
    assert.ok(md.includes('互信、互利、平等、协商、尊重多样文明、谋求共同发展'));
    // The defining sentence, verbatim, is the first one shown.
    const firstQuote = md.split('\n').find((l) => l.startsWith('> '));
    assert.ok(firstQuote?.includes('创造性提出并践行互信、互利、平等、协商、尊重多样文明、谋求共同发展的“上海精神”'), firstQuote);
    assert.match(md, new RegExp(`来源中出现 ${index.frequency('上海精神')} 次，见于 \\d+ 篇文章`));
  });

  it('shows what the sources say a term is past its closing mark, and what a leader said of it', () => {
    // “上海精神”作为…国际关系新理念: the 作为 after the closing quotation mark describes the term.
    assert.ok(hoverAt(index, '“上海‸精神”是上海合作组织发展壮大的生命力所在。').hover?.markdown.includes('国际关系新理念'));
    // 习近平总书记强调：“加快推进韧性城市建设…”: a quotation of what was said about the term is shown.
    assert.ok(hoverAt(index, '着力建设韧性城‸市。').hover?.markdown.includes('健全城市安全预防体系'));
  });

  it('shows the sentences that give a figure with the cursor on its unit (80周‸年)', () => {
    const { text, hover } = hoverAt(index, '今年我们隆重纪念联合国成立80周‸年。');
    assert.equal(hover && text.slice(hover.start, hover.end), '80周年');
    assert.ok(hover?.markdown.includes('中国人民抗日战争暨世界反法西斯战争胜利80周年'));
    // (A per cent sign in the other width than the sources': 60% for their 60％.)
    assert.ok(hoverAt(index, '覆盖欧亚大陆60‸%以上面积。').hover?.markdown.includes('人口占世界近一半'));
  });

  it('shows a short source sentence, such as a heading, with the sentence that follows it', () => {
    const md = hoverAt(index, '坚持底线思维和极限思‸维。').hover?.markdown ?? '';
    assert.ok(md.includes('必须坚持底线思维和极限思维。建设安全可靠的韧性城市，把困难估计得更充分一些'), md);
  });

  it('links each source sentence to its article and line (file:// URI, 1-based #L fragment)', () => {
    const { hover } = hoverAt(index, '以“上海‸精神”为指引');
    const found = links(hover!.markdown);
    assert.ok(found.length >= 2 && found.length <= 3, `${found.length} links`);
    const titles = new Set(found.map((l) => l.title));
    assert.ok(titles.size >= 2, 'sentences from different articles');
    for (const l of found) {
      assert.match(l.file, /seeds[\\/]00[01]_[0-9a-f]+\.txt$/);
      assert.ok(fromLine(l.file, l.line).includes('上海精神'), `line ${l.line} of ${l.file}`);
      // The line itself holds the start of the term.
      assert.ok(readFileSync(l.file, 'utf8').split('\n')[l.line - 1].includes('上'));
    }
    assert.ok(hover!.markdown.includes('吴志成'), 'author of the defining article');
  });

  it('shows a sentence that says what the term has become among its sentences (上海合作组织已经成为…世界最大区域组织)', () => {
    const { hover } = hoverAt(index, '上海合作‸组织在国际舞台上的地位不断提升。');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('世界最大区域组织'), hover.markdown);
  });

  it('shows what the sources say a name is, from the use of it the sentence describes, also inside a phrase they repeat (联合国 in 维护联合国权威)', () => {
    // The sentence names 联合国 twice (…和联合国成立80周年的声明》强调：“联合国是…): its second use is the one it describes.
    const alone = hoverAt(index, '联合‸国成立80周年。');
    assert.ok(alone.hover?.markdown.includes('联合国是第二次世界大战最重要胜利成果之一'), alone.hover?.markdown);
    const inPhrase = hoverAt(index, '坚定维护联合‸国权威和地位。');
    assert.ok(inPhrase.hover);
    assert.equal(inPhrase.text.slice(inPhrase.hover.start, inPhrase.hover.end), '维护联合国权威');
    assert.ok(inPhrase.hover.markdown.includes('联合国是第二次世界大战最重要胜利成果之一'), inPhrase.hover.markdown);
    // Not for the verb of the phrase.
    assert.ok(!hoverAt(index, '坚定维‸护联合国权威和地位。').hover?.markdown.includes('最重要胜利成果之一'));
  });

  it('shows what the sources say a word is or means where no term is under the cursor (互信 → 互信是…，互信意味着…; 平等既是…; 互利则是…)', () => {
    const trust = hoverAt(index, '各方要不断加强互‸信。');
    assert.ok(trust.hover);
    assert.equal(trust.text.slice(trust.hover.start, trust.hover.end), '互信');
    assert.ok(trust.hover.markdown.includes('互信是国际合作发展的本质特征'), trust.hover.markdown);
    assert.ok(hoverAt(index, '坚持平‸等相待。').hover?.markdown.includes('平等既是联合国宪章宗旨'));
    // Inside a phrase found only by its shape (互利为合作之基, a listed item), the word's own sentences come too.
    assert.ok(hoverAt(index, '以互信、互‸利为合作之基。').hover?.markdown.includes('不损害对方利益'));
    // (Not a word the sources only use, nor the end of a longer word they describe: 政治互信是….)
    assert.equal(hoverAt(index, '今天天‸气很好').hover, undefined);
  });

  it('shows the sentences that give a figure of the sources (51‸24亿美元, 2‸6国), not a number they do not give', () => {
    const trade = hoverAt(index, '2024年中国同上合组织其他成员国贸易额达到51‸24亿美元。');
    assert.ok(trade.hover);
    assert.equal(trade.text.slice(trade.hover.start, trade.hover.end), '5124亿美元');
    assert.ok(trade.hover.markdown.includes('历史新高'), trade.hover.markdown);
    assert.ok(hoverAt(index, '累计贸易突破2‸.3万亿美元的目标已经实现。').hover?.markdown.includes('提前实现'));
    assert.equal(hoverAt(index, '全年接待游客37‸19万人次。').hover, undefined);
  });

  it('shows the sentences that use a name of two characters the dictionary tags as one (亚信)', () => {
    assert.ok(hoverAt(index, '同东盟、亚‸信等多边机制加强合作。').hover?.markdown.includes('亚信'));
  });

  it('shows a source sentence using a rare quoted term', () => {
    const { text, hover } = hoverAt(index, '推动政务服务“一网通‸办”。');
    assert.ok(hover);
    assert.equal(text.slice(hover.start, hover.end), '一网通办');
    assert.ok(hover.markdown.includes('城市运行'));
    assert.ok(hover.markdown.includes('推动政务服务“一网通办”、城市运行“一网统管”、公共服务“一网通享”。'), 'verbatim sentence');
    assert.equal(links(hover.markdown).length, 1);
  });

  it('shows the full form of an abbreviation, and the short forms of a full name', () => {
    const a = hoverAt(index, '上合‸组织各成员国');
    assert.ok(a.hover);
    assert.equal(a.text.slice(a.hover.start, a.hover.end), '上合组织');
    assert.match(a.hover.markdown, /\*\*全称\*\*：上海合作组织/);

    const b = hoverAt(index, '推动上海合‸作组织行稳致远');
    assert.ok(b.hover);
    assert.equal(b.text.slice(b.hover.start, b.hover.end), '上海合作组织');
    assert.match(b.hover.markdown, /\*\*简称\*\*：[^\n]*上合组织/);

    // A longer term holding a short form spells it out too.
    const c = hoverAt(index, '融入“上合组织大‸家庭”。');
    assert.ok(c.hover);
    assert.equal(c.text.slice(c.hover.start, c.hover.end), '上合组织大家庭');
    assert.match(c.hover.markdown, /\*\*其中简称\*\*：上合组织 → 上海合作组织/);
  });

  it('explains unquoted names the sources describe, before the longer wording around them', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['建设现代化人民城‸市。', '现代化人民城市', /\*\*含义\*\*：创新、宜居、美丽、韧性、文明、智慧/],
      ['践行平等包容的文明‸观。', '文明观', /\*\*含义\*\*：平等、互鉴、对话、包容/],
      ['落实建筑方‸针。', '建筑方针', /\*\*含义\*\*：适用、经济、绿色、美观/],
      ['推动文旅‸产业高质量发展。', '文旅产业', /\*\*含义\*\*：涉及吃住行购娱等方方面面的综合性产业/],
      ['持续提升上海‸奖影响力。', '上海奖', /全球可持续发展城市奖（上海奖）/],
      ['托卡耶‸夫认为，上合组织非常有前景。', '托卡耶夫', /\*\*身份\*\*：哈萨克斯坦总统/],
    ];
    for (const [marked, term, meaning] of cases) {
      const h = hoverAt(index, marked);
      assert.ok(h.hover, marked);
      assert.equal(h.text.slice(h.hover.start, h.hover.end), term);
      assert.match(h.hover.markdown, meaning);
    }
  });

  it('prefers the term the draft puts in quotation marks or title marks', () => {
    const a = hoverAt(index, '遵照《天津‸宣言》');
    assert.ok(a.hover);
    assert.equal(a.text.slice(a.hover.start, a.hover.end), '天津宣言');
    const b = hoverAt(index, '携手构建人类命‸运共同体');
    assert.ok(b.hover?.markdown.startsWith('**'));
  });

  it('shows where a verbatim quotation comes from', () => {
    const { text, hover } = hoverAt(index, '他说：“没有安全，就谈不‸上发展。”');
    assert.ok(hover);
    assert.equal(text.slice(hover.start, hover.end), '没有安全，就谈不上发展。');
    assert.ok(hover.markdown.includes('引文出处'));
    assert.ok(hover.markdown.includes('“没有安全，就谈不上发展”'));
    assert.ok(links(hover.markdown).length >= 1);
  });

  it('shows the nearest source sentence of a nearly exact quotation', () => {
    const { hover } = hoverAt(index, '习近平主席指出：“安全是国家发展的基‸础，平安是人民幸福的生命线。”');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('近似来源'));
    assert.ok(hover.markdown.includes('安全是国家发展的前提，平安是人民幸福的生命线。'));
    const [l] = links(hover.markdown);
    assert.ok(fromLine(l.file, l.line).includes('安全是国家发展的前提'));
  });

  it('shows the source sentences of wording that is no term, the longest around the cursor on word boundaries', () => {
    const { text, hover } = hoverAt(index, '上海合作组织已经成为世界最大区域‸组织。');
    assert.ok(hover);
    assert.equal(text.slice(hover.start, hover.end), '世界最大区域组织');
    assert.match(hover.markdown, /26国参与.*30万亿美元的世界最大区域组织/);
    assert.match(hover.markdown, /来源用语/);
    assert.equal(links(hover.markdown).length, 1);
    const b = hoverAt(index, '可探索建立闭环‸流程。');
    assert.equal(b.text.slice(b.hover!.start, b.hover!.end), '闭环流程');
    assert.ok(b.hover!.markdown.includes('监测—研判—预警—处置'));
    // Not opened or closed by a function word or the copula (联合国是, 在上合组织).
    const c = hoverAt(index, '联合‸国是现代国际关系体系的基石。');
    assert.ok(!c.hover || !/^是|是$/.test(c.text.slice(c.hover.start, c.hover.end)), c.hover?.markdown);
    const d = hoverAt(index, '在‸上合组织框架下');
    assert.ok(!d.hover || !d.text.slice(d.hover.start, d.hover.end).startsWith('在'));
    // A locative is no function word there (中|白 of 中白工业园), and the first character counts.
    const e = hoverAt(index, '‸中白工业园建设进展顺利。');
    assert.equal(e.text.slice(e.hover!.start, e.hover!.end), '中白工业园建设');
    assert.match(e.hover!.markdown, /白俄罗斯/);
  });

  it('shows the source sentences of a name of three characters the sources use (杜尚别), not of any word of three', () => {
    const { text, hover } = hoverAt(index, '在杜尚‸别，各方共商合作大计。');
    assert.equal(text.slice(hover!.start, hover!.end), '杜尚别');
    assert.match(hover!.markdown, /全方位开展友好交往和人文交流/);
    assert.equal(hoverAt(index, '我们‸常常这样做。').hover, undefined);
  });

  it('shows a quotation with the sentence right after it that attributes it', () => {
    const { hover } = hoverAt(index, '“有了雨露，大地才能繁‸荣”，这句谚语寓意深刻。');
    assert.ok(hover);
    assert.match(hover.markdown, /大地才能繁荣。”习近平主席曾引用乌兹别克斯坦谚语/);
  });

  it('shows the articles an author of the sources signed (陶希东)', () => {
    const { text, hover } = hoverAt(index, '陶希‸东在文章中强调要建设韧性城市。');
    assert.ok(hover);
    assert.equal(text.slice(hover.start, hover.end), '陶希东');
    assert.match(hover.markdown, /来源作者/);
    assert.match(hover.markdown, /《着力建设安全可靠的韧性城市》/);
    assert.equal(links(hover.markdown).length, 1);
  });

  it('shows nothing where no index entry is under the cursor', () => {
    assert.equal(hoverAt(index, '今天天‸气很好').hover, undefined);
    assert.equal(hoverAt(index, '他说：“今天天气‸很好，我们去公园。”').hover, undefined);
    assert.equal(hoverAt(CorpusIndex.empty(), '以“上海‸精神”为指引').hover, undefined);
  });

  it('is short', () => {
    for (const marked of ['以“上海‸精神”为指引', '上合‸组织', '推动构建人类命运‸共同体']) {
      const md = hoverAt(index, marked).hover!.markdown;
      assert.ok(md.length < 1500, `${marked}: ${md.length} chars`);
    }
  });
});
