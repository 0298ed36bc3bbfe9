import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { quoteMismatchRule } from '../../server/src/core/rules/quoteMismatch';
import { termTypoRule } from '../../server/src/core/rules/termTypo';
import { applyFirst, runRule } from '../helpers/rules';
import { createPolicyService } from '../../server/src/core/service';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** term-typo's findings on `text` against `index`, as [wrong text, first replacement]. */
function typoFixes(index: CorpusIndex, text: string): Array<[string, string]> {
  return runRule(termTypoRule, text, index).map((f) => [f.text, f.replacements[0]]);
}

/** An index of one source file with the given text, without the seeds. */
async function indexOfSource(prefix: string, text: string): Promise<CorpusIndex> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await writeFile(join(dir, 'a.txt'), text);
  return new Indexer({ folders: [dir], includeSeeds: false, maxFileSize: 1e6 }).rebuild();
}

describe('term-typo and quote-mismatch against the bundled seeds', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });
  const fixed = (text: string, findings: Array<{ start: number; end: number; replacements: string[] }>) => {
    let out = text;
    for (const f of [...findings].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.replacements[0] + out.slice(f.end);
    return out;
  };

  /** Each draft is corrected to its right form by the rule's first replacements. */
  const correctsEach = (pairs: Array<[string, string]>, one = false) => {
    for (const [wrong, right] of pairs) {
      const f = runRule(termTypoRule, wrong, index);
      if (one) assert.equal(f.length, 1, `${wrong}: ${JSON.stringify(f)}`);
      assert.equal(fixed(wrong, f), right, JSON.stringify(f));
    }
  };

  it('corrects a term with one wrong character', () => {
    correctsEach([
      ['提高我国资旅产业在国际市场上的竞争力。', '提高我国文旅产业在国际市场上的竞争力。'],
      ['携手推动构建人类命运共同休。', '携手推动构建人类命运共同体。'],
      // A look-alike at the term's edge with no words beyond it to belong to (共同休。).
      ['携手构建人类命运共同休。', '携手构建人类命运共同体。'],
      ['需要各方践行真正的多边注意。', '需要各方践行真正的多边主义。'],
      ['政务服务“一网通半”。', '政务服务“一网通办”。'],
      // A number typed for a word of the same sound is a slip; a number for a number is an update.
      ['高质量共建一带议路。', '高质量共建一带一路。'],
    ], true);
  });

  it('corrects a slip of sound in an idiom of the dictionary (长治久按 → 长治久安)', () => {
    correctsEach([
      ['为地区长治久按提供坚实保障。', '为地区长治久安提供坚实保障。'],
      ['养殖户叫苦不跌，价格持续低迷。', '养殖户叫苦不迭，价格持续低迷。'],
      ['要因第制宜推进改革。', '要因地制宜推进改革。'],
      // The slip breaks the idiom, and its last character joins the next word (举世|嘱|目的).
      ['上合组织取得了举世嘱目的成就。', '上合组织取得了举世瞩目的成就。'],
      // Longer idioms (成语) too, and a nearly identical glyph (末 for 未).
      ['维护公共安全必须防患于未燃。', '维护公共安全必须防患于未然。'],
      ['真正做到防患于末然。', '真正做到防患于未然。'],
      // A homophone that makes a word inside the idiom; the dictionary's own rare misspelling.
      ['我们要一如继往弘扬“上海精神”。', '我们要一如既往弘扬“上海精神”。'],
      ['各国青年朋友谈笑风声，好不热闹。', '各国青年朋友谈笑风生，好不热闹。'],
      // A draft sentence close to a source sentence that has the idiom right: the idiom decides
      // (the seeds write 防微杜渐 in an enumeration too).
      ['既要对小概率“黑天鹅”事件保持强大抵御力和快速恢复力，更要防危杜渐，构筑有效的主动免疫系统。', '既要对小概率“黑天鹅”事件保持强大抵御力和快速恢复力，更要防微杜渐，构筑有效的主动免疫系统。'],
    ]);
  });

  it('corrects a word of the same sound put in place of half an idiom (未雨筹谋 → 未雨绸缪)', () => {
    correctsEach([['要做到未雨筹谋、常备不懈。', '要做到未雨绸缪、常备不懈。']], true);
    // The words that introduce a quoted clause may stand outside it (the seeds quote “建议本组织商签
    // 反极端主义公约”), unlike a term's own words (上海“精神”).
    assert.deepEqual(runRule(termTypoRule, '习近平主席建议“本组织商签反极端主义公约”。', index), []);
    assert.equal(runRule(termTypoRule, '在上海“精神”指引下。', index).length, 1);
    // …or a name of theirs that heads a longer name they quote (“上海合作组织可持续发展年”).
    const year = runRule(termTypoRule, '习近平主席建议将2025年确定为上海合作组织“可持续发展年”。', index);
    assert.deepEqual(year.map((f) => [f.text, f.replacements[0]]), [['上海合作组织“可持续发展年”', '“上海合作组织可持续发展年”']]);
    // A sentence near one of the seeds' (国家发展改革委要会同有关部门…) vouches for no look-alike that
    // is one of the commonest words (相关 for 有关).
    assert.deepEqual(runRule(termTypoRule, '（国家发展改革委会同相关部门负责）', index), []);
    // An idiom's character is heard as the idiom reads it: 见 of 初见成效 is jiàn, not the xiàn of 显.
    assert.deepEqual(runRule(termTypoRule, '推进供给侧结构性改革等方面已初显成效。', index), []);
    // …a rare word, as an input method offers it: a common one is the draft's (期间 beside 计件工资).
    assert.deepEqual(runRule(termTypoRule, '偿还拖欠的职工在岗期间工资和补缴社会保险费。', index), []);
    // Two characters of another sound, or one in each half, are other wording.
    for (const text of ['各方要加快成势。', '要未风筹缪。']) assert.deepEqual(runRule(termTypoRule, text, index), [], text);
  });

  it('corrects any one character of a long idiom in classical wording (防范于未然), not of a modern phrase tagged as one', () => {
    correctsEach([
      ['维护公共安全必须防范于未然。', '维护公共安全必须防患于未然。'],
      ['改革发展任重而道近。', '改革发展任重而道远。'],
    ], true);
    // 进一步提高 is in the dictionary's idioms; 进一步提出 is other wording. A number is an update.
    for (const text of ['习近平主席进一步提出全球治理倡议。', '受益群众数以千万计。']) assert.deepEqual(runRule(termTypoRule, text, index), [], text);
  });

  it('leaves idioms alone where the change is no slip of sound or the words stand on their own', () => {
    for (const text of ['东风湖与洞庭湖仅一堤之隔。', '在进一步深化改革中取得突破。', '全国各族人民勠力同心。', '开展丰富多采的活动，坚忍不拔，势不可当。']) {
      assert.deepEqual(runRule(termTypoRule, text, index), [], text);
    }
  });

  it('corrects a homophone that breaks a word of an item the sources list (全球文明倡意 → 倡议)', () => {
    correctsEach([
      ['这是继全球发展倡议、全球安全倡议、全球文明倡意之后的又一重要倡议。', '这是继全球发展倡议、全球安全倡议、全球文明倡议之后的又一重要倡议。'],
    ], true);
    // Another word of the same sound that is a word (倡导) or a rarer reading (齐 read jì) is other wording.
    for (const text of ['全球文明倡导交流互鉴。']) assert.deepEqual(runRule(termTypoRule, text, index), [], text);
  });

  it('corrects a homophone that breaks a word of the sources’ wording that is no term (行稳至远 → 行稳致远)', () => {
    correctsEach([
      ['一定能在变乱交织的世界中行稳至远。', '一定能在变乱交织的世界中行稳致远。'],
      ['上合组织因安全需要应孕而生。', '上合组织因安全需要应运而生。'],
    ], true);
    const f = runRule(termTypoRule, '一定能在变乱交织的世界中行稳至远。', index);
    assert.ok(f[0].related?.length, 'links the source place');
    // A word the source's characters make only across its own words (落实|习近平 holds no 实习).
    assert.deepEqual(runRule(termTypoRule, '这是习近平主席6月在北京会见时强调的。', index), []);
    // Nor a source word whose other character the draft writes in a common word of its own (校区|与
    // for the seeds' 区域).
    assert.deepEqual(runRule(termTypoRule, '探索在澳门大学横琴校区与合作区之间建设新型智慧口岸。', index), []);
  });

  it('corrects a less common word of the same sound in a term the sources use again and again (任性城市 → 韧性城市)', () => {
    correctsEach([['建设任性城市，必须坚持人民至上、生命至上。', '建设韧性城市，必须坚持人民至上、生命至上。']], true);
  });

  it('corrects a rare dictionary word that is a look-alike slip inside a term (共亨 → 共享)', () => {
    const text = '坚持共商共建共亨原则。';
    const f = runRule(termTypoRule, text, index);
    assert.equal(fixed(text, f), '坚持共商共建共享原则。');
  });

  it('compares clause by clause when a sentence mixes source clauses with new words', () => {
    const text = '推动文旅产业“走出去”，要深入挖掘中华文化的丰富内函。';
    const f = runRule(termTypoRule, text, index);
    assert.equal(fixed(text, f), '推动文旅产业“走出去”，要深入挖掘中华文化的丰富内涵。');
    assert.ok(f[0].related?.[0].file.endsWith('001_3eab038d21c3af15.txt'));
    // Also when the sentence as a whole resembles another source sentence (the one listing 首发经济…),
    // and the slip makes a real word of another sense (新知) where the source's phrase is 新质生产力.
    const mixed = '立足城市资源禀赋和基础条件，因地制宜发展新知生产力，发展首发经济、银发经济、冰雪经济、低空经济，培育消费新场景。';
    assert.equal(fixed(mixed, runRule(termTypoRule, mixed, index)), mixed.replace('新知', '新质'));
  });

  it('compares a source clause repeated inside a sentence with words of its own before it', () => {
    // The source: “上海精神”作为…倡导的国际关系新理念，超越文明冲突、冷战思维、零和博弈等陈旧观念，成为…
    const text = '这一国际关系新理念超越文明冲突、冷战思维、零和博奕等陈旧观念，成为凝聚各成员国的精神纽带。';
    assert.equal(fixed(text, runRule(termTypoRule, text, index)), text.replace('博奕', '博弈'));
  });

  it('corrects a homophone that ends a long run of the sources’ wording where the draft goes on in its own (生命线安全工称监管平台)', () => {
    // The seeds write 城市基础设施生命线安全工程建设…; 工称 and 称监 are no words.
    assert.deepEqual(typoFixes(index, '建设了城市基础设施生命线安全工称监管平台。'), [['称', '程']]);
    // A short run of theirs says nothing of the next character.
    assert.deepEqual(typoFixes(index, '加强安全工称监管。'), []);
  });

  it('corrects a common word of two the sources use typed with a character of the same sound (布署 → 部署, 遵寻 → 遵循, 促近 → 促进), not words or names the dictionary lacks', () => {
    assert.deepEqual(typoFixes(index, '对做好城市工作作出系统布署。'), [['布', '部']]);
    assert.deepEqual(typoFixes(index, '为各成员国的人文交流提供了遵寻。'), [['寻', '循']]);
    assert.deepEqual(typoFixes(index, '全球发展倡议、全球安全倡议相互促近、相得益彰。'), [['近', '进']]);
    // (A kept character that is a word alone, a number, a name the HMM reads, a word the sources use.)
    for (const text of ['二是瞒报漏报。', '原世界卫生组织总干事陈冯富珍出席。', '加强优质奶源基地建设。', '中国正以更加开放的姿态拥抱世界。', '要认真部署各项工作。']) {
      assert.deepEqual(typoFixes(index, text), [], text);
    }
  });

  it('corrects a character of nearly the same look at the edge of a long run of the sources’ wording (冬季清洁取缓 → 取暖), not a word of the draft or a short run', () => {
    // The seeds write 推进北方地区冬季清洁取暖。; 取缓 is no word, 取暖 is one.
    assert.deepEqual(typoFixes(index, '推进北方地区冬季清洁取缓；减少一次性消费品消耗。'), [['缓', '暖']]);
    assert.deepEqual(typoFixes(index, '冬季取缓。'), []);
    assert.deepEqual(typoFixes(index, '推进北方地区冬季清洁取暖。'), []);
  });

  it('corrects any character inside six of the sources’ characters on each side that breaks a word of theirs and makes none (联合国宪竟 → 宪章, 长期陆邻友好 → 睦邻)', async () => {
    // Neither sound nor look ties 竟 to 章 or 陆 to 睦: the run and the broken word do.
    assert.deepEqual(typoFixes(index, '以国际法为基础的国际秩序、以联合国宪竟宗旨和原则为基础的国际关系基本准则。'), [['竟', '章']]);
    assert.deepEqual(typoFixes(index, '《上海合作组织成员国长期陆邻友好合作条约》未来5年实施纲要。'), [['陆', '睦']]);
    // Not beside a grammatical word, in a pattern the writer fills (派得更准 beside their 分得更准), nor where
    // their word is a rare entry of the dictionary (绿廊, counted 3 times); nor with a shorter run on one side.
    const own = await indexOfSource('pl-run-broken-', '报告\n推动热线接得更快、分得更准、办得更实。推动建设城市滨河绿廊生态景观带建设。\n');
    assert.deepEqual(typoFixes(own, '推动热线接得更快、派得更准、办得更实。'), []);
    assert.deepEqual(typoFixes(own, '推动建设城市滨河绿岭生态景观带建设。'), []);
    assert.deepEqual(typoFixes(index, '坚持联合国宪竟宗旨。'), []);
  });

  it('restores a character left out of a foreign name the dictionary lacks, inside the sources’ wording (米尔约耶夫 → 米尔济约耶夫)', () => {
    assert.deepEqual(typoFixes(index, '在撒马尔罕，习近平主席为米尔约耶夫总统准备了一份国礼。'), [['尔', '尔济']]);
  });

  it('corrects a character somewhat like its own that breaks a common word of a longer term of the sources (上海合作组织废展 → 发展)', async () => {
    assert.deepEqual(typoFixes(index, '推动上海合作组织废展取得更大成效。'), [['废', '发']]);
    assert.deepEqual(typoFixes(index, '各地积极探索城市安全岚险的有效路径。'), [['岚', '风']]);
    // A word the dictionary lacks (巴方, 运维) in a four-character phrase is the draft's.
    const own = await indexOfSource('pl-broken-', '标题\n支持地方发展。支持地方改革。加强安全运行。加强安全运行。\n');
    assert.deepEqual(typoFixes(own, '中方支持巴方发展，加强安全运维。'), []);
  });

  it('corrects an item of a list that ends in a word of the sound the other items end in (治理任性 → 治理韧性), with no sources too', async () => {
    assert.deepEqual(typoFixes(index, '空间韧性、生态韧性、治理任性相互关联。'), [['任性', '韧性']]);
    assert.deepEqual(typoFixes(CorpusIndex.empty(), '除涉及国家按泉、公共安全、金融安全、生态安全外。'), [['按泉', '安全']]);
    // With one other item alone, the sources must write the item with its ending (人民之上、生命至上 → 人民至上).
    assert.deepEqual(typoFixes(index, '坚持人民之上、生命至上，是做好城市工作的根本。'), [['之上', '至上']]);
    assert.deepEqual(typoFixes(CorpusIndex.empty(), '坚持人民之上、生命至上。'), []);
    // (Not the last item cut to the length of the one before: 北京师|范大学 beside 北京市.)
    const own = await indexOfSource('pl-items-', '会议\n北京市、河北省负责同志参加。\n');
    assert.deepEqual(typoFixes(own, '北京市、河北省、北京师范大学负责同志参加。'), []);
    // Names that end alike in characters, not in a word: 图书馆、美术馆; 湛江市、…港市.
    assert.deepEqual(typoFixes(CorpusIndex.empty(), '建设图书馆、美术馆、博物馆，推进城市韧性、经济韧性。'), []);
  });

  it('reports slips a character apart in a source sentence as one finding (连排连调 → 联排联调)', () => {
    // The source: …健全洪涝联排联调机制，提升城市排水防涝能力。
    assert.deepEqual(typoFixes(index, '要健全洪涝连排连调机制，提升城市排水防涝能力。'), [['连排连', '联排联']]);
  });

  it('places a sentence within a long source sentence by a piece found once in it', () => {
    // The source: 2013年以来，…，以与时俱进的理论品格和中国理念丰富发展“上海精神”的时代内涵，…
    // A diff over the whole source tied the draft's 以 to that of 以来 and split the match.
    const text = '要以与时俱进的理论品格丰富发展“上海精神”的时代内含。';
    const f = runRule(termTypoRule, text, index);
    assert.equal(fixed(text, f), '要以与时俱进的理论品格丰富发展“上海精神”的时代内涵。', JSON.stringify(f));
  });

  it('moves quotation marks that split a term', () => {
    const text = '在上海“精神”指引下，各方团结协作。';
    const f = runRule(termTypoRule, text, index);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '上海“精神”');
    assert.equal(f[0].replacements[0], '“上海精神”');
    // The characters after the closing mark may belong inside too; a term quoted once is enough.
    // A homophone that makes a word, inside quotation marks around exactly the term: the term.
    const quoted = '“一代一路”倡议同各方发展战略加速对接。';
    assert.equal(fixed(quoted, runRule(termTypoRule, quoted, index)), '“一带一路”倡议同各方发展战略加速对接。');
    const after = '共建“一带”一路，建设“好”房子，展示美丽“中国”形象。';
    assert.equal(fixed(after, runRule(termTypoRule, after, index)), '共建“一带一路”，建设“好房子”，展示“美丽中国”形象。');
    // A character stressed inside a phrase is style: the term is not split at one point but two.
    assert.deepEqual(runRule(termTypoRule, '城市运行一网“统”管，建设“好房子”。', index), []);
    assert.equal(runRule(termTypoRule, '城市运行一网“统管”。', index).length, 1);
    // A term of the sources taken into the quotation of the term they quote after it.
    const wider = '推动“文旅产业走出去”，扩大高水平对外开放。';
    assert.equal(fixed(wider, runRule(termTypoRule, wider, index)), '推动文旅产业“走出去”，扩大高水平对外开放。');
    // …or the end of the wording the sources write before the quoted term (文旅“产业走出去”).
    const part = '推动文旅“产业走出去”，既是展示国家形象的重要途径。';
    assert.equal(fixed(part, runRule(termTypoRule, part, index)), '推动文旅产业“走出去”，既是展示国家形象的重要途径。');
    // Not where the sources never write those characters before the term: 要“产业走出去” is a quotation.
    assert.deepEqual(runRule(termTypoRule, '有人说要“产业走出去”。', index), []);
  });

  it('stays silent on correct wording and legitimate variants', () => {
    for (const text of [
      '推动文旅产业“走出去”，携手构建人类命运共同体。',
      '坚持共商共建共享原则，践行真正的多边主义。',
      '推进城市更新，推动城市高质量发展。',
      '全球发展倡议、全球安全倡议、全球文明倡议。',
      '2024年，中国同上海合作组织其他成员国贸易额达到5124亿美元。',
    ]) {
      assert.deepEqual(runRule(termTypoRule, text, index), [], text);
    }
  });

  it('gives positions in UTF-16 units with astral characters and CRLF', () => {
    const text = '𠮷𠮷\r\n提高资旅产业竞争力。';
    const f = runRule(termTypoRule, text, index);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '资');
  });

  it('restores two items joined by 和 that traded places (正能量和稳定性 → 稳定性和正能量)', () => {
    const text = '习近平强调：“面对变乱交织的国际形势，上海合作组织要看准方向、坚定信心，高效行动、更有作为，为世界注入更多正能量和稳定性。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['正能量和稳定性', '稳定性和正能量']]);
  });

  it('restores two words that traded places in a quotation as one change (人文合作交流 → 交流合作), where the diff fixed one and left the other', () => {
    for (const [text, wrong, right] of [
      ['党的二十届三中全会《决定》提出：“推动走出去、请进来管理便利化，扩大国际人文合作交流。”', '合作交流', '交流合作'],
      ['要坚持“以文塑旅、以旅彰文，推动文化和旅游发展融合”。', '发展融合', '融合发展'],
    ]) {
      const f = runRule(quoteMismatchRule, text, index);
      assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [[wrong, right]], text);
    }
    // (Quoted as the source has it: nothing.)
    assert.deepEqual(runRule(quoteMismatchRule, '《决定》提出：“推动走出去、请进来管理便利化，扩大国际人文交流合作。”', index), []);
  });

  it('restores an item of the source\'s enumeration left out of a quotation, or removes one added', () => {
    const dropped = '《意见》要求坚持“管行业必须管安全、管生产经营必须管安全”，督促落实。';
    const f = runRule(quoteMismatchRule, dropped, index);
    // (The range touches the items on both sides of the gap: 安全、|管.)
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['全、管', '全、管业务必须管安全、管']]);
    const added = '《意见》要求坚持“管行业必须管安全、管业务必须管安全、管服务必须管安全、管生产经营必须管安全”。';
    const g = runRule(quoteMismatchRule, added, index);
    assert.deepEqual(g.map((x) => [x.text, x.replacements[0]]), [['管服务必须管安全、', '']]);
    // Quoting the first items only is no misquote.
    assert.deepEqual(runRule(quoteMismatchRule, '《意见》要求坚持“管行业必须管安全、管业务必须管安全”。', index), []);
  });

  it('restores a clause of two items left out of a quotation in one finding', () => {
    const text = '会议提出：“推进城市基础设施生命线安全工程项目建设，加快老旧管道改造升级；严格限制超高层建筑，全面提升房屋安全保障水平；加强社会治安整体防控，切实维护城市公共安全。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['平；加', '平；强化城市自然灾害防治，统筹城市防洪体系和内涝治理；加']]);
  });

  it('compares a quotation that stops where a clause of the source does, its last word included (融合 → 协同)', () => {
    const text = '落实《意见》“加强原始创新和关键核心技术攻关，强化科技创新与产业创新融合”要求。';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['融合', '协同']]);
  });

  it('compares a quotation that marks the source’s own quotation with single marks (秉持‘上海精神’ for 秉持“上海精神”), and stops at a clause of it', () => {
    const text = '有学者指出，上海合作组织“秉持‘上海精神’，充分尊重成员国的文明差异性”，在交流中增进了解。';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['差异', '多样']]);
    assert.deepEqual(runRule(quoteMismatchRule, text.replace('差异性', '多样性'), index), []);
    // A change at the inner marks makes another slogan of the same words, no misquote.
    assert.deepEqual(runRule(quoteMismatchRule, '中方积极践行“弘扬‘上海精神’：上合组织在行动”的响亮口号。', index), []);
    // …but a long quotation that repeats its source sentence all but a character misquotes it, whatever the mark beside.
    const long = runRule(quoteMismatchRule, '习近平主席指出：“回首来路，尽管乱云飞渡，我们践行‘上海精神’因而取得成功。”', index);
    assert.deepEqual(long.map((x) => [x.text, x.replacements[0]]), [['因', '']]);
  });

  it('takes a character added at a quotation\'s end as part of a change right beside it (发展的基础 → 发展之基), not as framing words', () => {
    const f = runRule(quoteMismatchRule, '从“坚持安全为先，巩固本组织发展的基础”，再到具体行动。', index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['的基础', '之基']]);
  });

  it('replaces a last word changed where the source\'s word ends a character later (根基 → 基础)', () => {
    const text = '习近平主席宣布“全方位开展友好交往和人文交流，增进各国人民相互了解和传统友谊，筑牢本组织发展的社会民意根基”。';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['根基', '基础']]);
  });

  it('reports edits one shared character apart as one change of wording (预防 → 防控)', () => {
    const text = '习近平总书记强调：“加快推进韧性城市建设，健全城市安全防控体系，强化城市基本运行保障体系，提高防灾减灾救灾能力。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['防控', '预防']]);
  });

  it('flags the differing words of a near quotation, with the source wording and place', () => {
    const text = '习近平主席指出：“安全是国家发展的基础，平安是人民幸福的生命线。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '基础');
    assert.equal(f[0].replacements[0], '前提');
    assert.match(f[0].message, /安全是国家发展的前提/);
    assert.ok(f[0].related?.[0].file.endsWith('.txt'));
  });

  it('deletes words added to a quotation, saying the source has none', () => {
    const text = '习近平主席指出：“安全是国家发展的重要前提，平安是人民幸福的生命线。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(text.slice(f[0].start, f[0].end), '重要');
    assert.deepEqual(f[0].replacements, ['']);
    assert.match(f[0].message, /来源没有「重要」/);
  });

  it('corrects a quoted phrase that sounds exactly like a term the sources quote, where they quote it so', () => {
    const text = '推动政务服务“一网通办”、城市运行“一网通关”、公共服务“一网通享”。';
    const f = runRule(termTypoRule, text, index);
    assert.deepEqual(f.map((x) => [text.slice(x.start, x.end), x.replacements[0]]), [['通关', '统管']]);
    // Two slips without the sources' surroundings may be another phrase (海关“一网通关”).
    assert.deepEqual(runRule(termTypoRule, '海关实行“一网通关”改革。', index), []);
  });

  it('corrects a name spelled out before an acronym a character or two off the sources\' full form of it (城市信息化模型（CIM） → 城市信息模型)', () => {
    const fixed = (text: string) => applyFirst(text, runRule(termTypoRule, text, index));
    assert.equal(fixed('完善城市信息化模型（CIM）平台。'), '完善城市信息模型（CIM）平台。');
    assert.equal(fixed('完善城市信模型（CIM）平台。'), '完善城市信息模型（CIM）平台。');
    assert.equal(fixed('强化第五代移动通讯网络（5G）覆盖。'), '强化第五代移动通信网络（5G）覆盖。');
    // (As they spell it, or another name altogether before the acronym: nothing.)
    for (const text of ['完善城市信息模型（CIM）平台。', '建设建筑信息模型（BIM）平台。', '发展城市智能模型（CIM）。']) assert.deepEqual(runRule(termTypoRule, text, index), [], text);
  });

  it('reports a misquoted short saying as quote-mismatch where term-typo flags the same word (“这要归功于中方”)', () => {
    const findings = createPolicyService({ index }).check('上合组织非常有前景，“这要归功于中方”。');
    assert.deepEqual(findings.map((f) => [f.rule, f.replacements[0]]), [['quote-mismatch', '国']]);
  });

  it('moves a closing mark put before the end of what the sources quote (“上海合作组织”＋会议 → “上海合作组织＋”会议)', () => {
    assert.deepEqual(typoFixes(index, '习近平主席在“上海合作组织”＋会议上宣布。'), [['“上海合作组织”＋', '“上海合作组织＋”']]);
    for (const text of ['习近平主席在“上海合作组织＋”会议上宣布。', '弘扬“上海精神”，推动合作。', '坚持“上海精神”和“一带一路”倡议。']) assert.deepEqual(typoFixes(index, text), [], text);
  });

  it('corrects a quotation they never write one character off a term they quote again and again, whatever its sound (“上合组织大家族” → 大家庭)', () => {
    assert.deepEqual(typoFixes(index, '各国携手建设“上合组织大家族”，共同应对挑战。'), [['族', '庭']]);
    assert.deepEqual(typoFixes(index, '共建“上合组织大家园”。'), [['园', '庭']]);
    // As they quote it, unquoted (another phrase may share most of it), or a term of four: nothing.
    for (const text of ['携手构建“上合组织大家庭”。', '建设上合组织大家族。', '践行“上海精髓”。']) assert.deepEqual(typoFixes(index, text), [], text);
  });

  it('leaves a quoted term with a changed number alone: the next plan, not a slip (“十五五” after their “十四五”)', async () => {
    const sources = await indexOfSource('pl-quoted-number-', '编制“十四五规划纲要”。落实“十四五规划纲要”。完善“城市治理体系”。推进“城市治理体系”。');
    assert.deepEqual(typoFixes(sources, '编制“十五五规划纲要”。'), []);
    assert.deepEqual(typoFixes(sources, '推进“城市治里体系”。').map(([, fix]) => fix), ['理']);
  });

  it('corrects the office of a person the sources name with another (印度总统莫迪 → 总理), not one they give so', () => {
    assert.deepEqual(typoFixes(index, '印度总统莫迪表示，十分期待赴华出席峰会。'), [['总统', '总理']]);
    assert.deepEqual(typoFixes(index, '哈萨克斯坦总理托卡耶夫认为。'), [['总理', '总统']]);
    for (const text of ['印度总理莫迪表示期待。', '哈萨克斯坦总统托卡耶夫认为。', '印度总统穆尔穆访华。']) assert.deepEqual(typoFixes(index, text), [], text);
  });

  it('moves the closing mark of a short term the sources quote once with the words after it (“小而美民生项目” → “小而美”民生项目)', () => {
    assert.deepEqual(typoFixes(index, '习近平主席提出实施100个“小而美民生项目”。'), [['“小而美民生项目”', '“小而美”民生项目']]);
    assert.deepEqual(typoFixes(index, '习近平主席提出实施100个“小而美”民生项目。'), []);
  });

  it('corrects the conjunction of a name the sources write with another (应对安全威胁和挑战综合中心 → 与), not the same words outside a name', async () => {
    assert.deepEqual(typoFixes(index, '成立上合组织应对安全威胁和挑战综合中心。'), [['和', '与']]);
    assert.deepEqual(typoFixes(index, '成立上合组织应对安全威胁与挑战综合中心。'), []);
    const own = await indexOfSource('policy-name-conj-', '各国携手应对安全威胁与挑战。\n成立应对安全威胁与挑战综合中心。\n');
    // (Their words with another conjunction, going on without a name's head: wording, not a name.)
    assert.deepEqual(typoFixes(own, '各国携手应对安全威胁和挑战，共谋发展。'), []);
    assert.deepEqual(typoFixes(own, '成立应对安全威胁和挑战综合中心。'), [['和', '与']]);
  });

  it('corrects an author of a byline typed with a homophone after the surname (李嘉威 → 李佳威), not the name as written nor a longer word', () => {
    const fixes = (text: string) => runRule(termTypoRule, text, index).map((x) => [text.slice(x.start, x.end), x.replacements[0]]);
    assert.deepEqual(fixes('李嘉威在评论文章中指出，我国文旅产业发展潜力巨大。'), [['嘉', '佳']]);
    assert.deepEqual(fixes('李佳威在评论文章中指出，陶希东认为。'), []);
  });

  it('corrects one homophone in a term of three characters the sources quote once, and in a chain of steps joined by dashes', () => {
    const fixes = (text: string) => runRule(termTypoRule, text, index).map((x) => [text.slice(x.start, x.end), x.replacements[0]]);
    assert.deepEqual(fixes('品牌项目越办越红火，促进成员国人民“心连通”，为本地区带来福祉。'), [['连', '联']]);
    assert.deepEqual(fixes('应探索建立覆盖多领域的“检测—研判—预警—处置”闭环流程。'), [['检', '监']]);
    // (Quoted as the sources quote them, nothing.)
    assert.deepEqual(fixes('促进人民“心联通”，建立“监测—研判—预警—处置”闭环流程。'), []);
  });

  it('reads a quotation after a turned quotation mark as a quotation of its own', () => {
    const text = '从严厉打击“三股势力“到商签公约。习近平主席曾引用谚语：“有了和平，国家才能兴盛；有了雨露，大地才能繁荣。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [text.slice(x.start, x.end), x.replacements[0]]), [['盛', '旺']]);
  });

  it('replaces the whole last word of a quotation closed as a whole sentence (保障 for 生命线)', () => {
    for (const [word, right] of [['保障', '生命线'], ['基础', '生命线'], ['生命', '生命线']]) {
      const text = `习近平主席强调：“安全是国家发展的前提，平安是人民幸福的${word}。”面对风险挑战。`;
      const f = runRule(quoteMismatchRule, text, index);
      assert.equal(fixed(text, f), text.replace(`幸福的${word}`, `幸福的${right}`), JSON.stringify(f));
    }
  });

  it('flags the last words of a source sentence left out of a quotation closed as a whole sentence', () => {
    const text = '《决定》提出：“推动走出去、请进来管理便利化，扩大国际人文交流。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.deepEqual(f.map((x) => [text.slice(x.start, x.end), x.replacements[0]]), [['流', '流合作']]);
    assert.match(f[0].message, /还有「合作」/);
    // Quoted as part of the draft's own sentence, or cut at a comma, it is a partial quotation.
    assert.deepEqual(runRule(quoteMismatchRule, '《决定》提出要“推动走出去、请进来管理便利化，扩大国际人文交流”。', index), []);
    assert.deepEqual(runRule(quoteMismatchRule, '《决定》提出：“推动走出去、请进来管理便利化。”', index), []);
  });

  it('shows words left out of a quotation between the characters around the gap', () => {
    const text = '习近平主席指出：“安全是国家发展的前提，平安是人民幸福的线。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(text.slice(f[0].start, f[0].end), '的线');
    assert.deepEqual(f[0].replacements, ['的生命线']);
  });

  it('compares with the one quotation of a source sentence that strings several together', () => {
    // The seeds have “…”“没有安全，就谈不上发展”“…” in one sentence: the quoted piece is the wording.
    const text = '习近平主席强调，“没有安全，就谈不上进步”，深刻阐明了安全与发展的关系。';
    const f = runRule(quoteMismatchRule, text, index);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(text.slice(f[0].start, f[0].end), '进步');
    assert.deepEqual(f[0].replacements, ['发展']);
    assert.match(f[0].message, /原文：“没有安全，就谈不上发展”/);
  });

  it('compares wording only when the source sentence is itself a quotation', () => {
    const text = '习近平主席强调：“上海合作组织发展最牢固的基础在于文明互鉴，最深厚的力量在于民心相同。”';
    const f = runRule(quoteMismatchRule, text, index);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), '同');
    assert.deepEqual(f[0].replacements, ['通']);
  });

  it('reports words of a quotation that trade places as one finding that restores the order', () => {
    for (const [text, written, source] of [
      ['习近平主席指出：“上海合作组织发展最牢固的基础在于民心相通，最深厚的力量在于文明互鉴。”', '民心相通，最深厚的力量在于文明互鉴', '文明互鉴，最深厚的力量在于民心相通'],
      ['会议提出“以建设创新、美丽、宜居、韧性、文明、智慧的现代化人民城市为目标”。', '美丽、宜居', '宜居、美丽'],
      // Enumerated items in another order: too much for a character diff, one move all the same.
      ['三份成果文件共同发出“要合作不要对抗、要团结不要分裂、要公正不要霸权”的时代强音。', '合作不要对抗、要团结不要分裂', '团结不要分裂、要合作不要对抗'],
    ]) {
      const f = runRule(quoteMismatchRule, text, index);
      assert.deepEqual(f.map((x) => [text.slice(x.start, x.end), x.replacements[0]]), [[written, source]], text);
    }
    // A verb put after its object is other wording, not a move (the seeds: 推动构建人类命运共同体).
    assert.deepEqual(runRule(quoteMismatchRule, '文章强调“推动人类命运共同体构建”。', index), []);
  });

  it('never asks for the sources’ own slips where the draft quotes or repeats them right', () => {
    // The seeds write 二戰 (a traditional character), 提升提升 and 资旅产业 (beside their usual 文旅产业).
    for (const text of [
      '文章指出：“上海合作组织要勇担大义、笃行大道，弘扬正确二战史观，坚定维护二战胜利成果，共同维护战后国际秩序。”',
      '上海合作组织要勇担大义、笃行大道，弘扬正确二战史观，坚定维护二战胜利成果，共同维护战后国际秩序。',
      '文章指出：“加强市政基础设施安全管理，推进数字化、网络化、智能化新型城市基础设施建设，有助于提升城市设施韧性、管理韧性、空间韧性，推动城市安全发展。”',
      '文章指出：“展望未来，必须把党中央决策部署落到实处，创造出更加丰富的优质供给，提高我国文旅产业在国际市场上的竞争力，进一步推动文旅产业“走出去”。”',
    ]) {
      assert.deepEqual([...runRule(quoteMismatchRule, text, index), ...runRule(termTypoRule, text, index)], [], text);
    }
  });

  it('stays silent on exact quotes, fragments and quotes with no near source', () => {
    for (const text of [
      '习近平主席指出：“安全是国家发展的前提，平安是人民幸福的生命线。”',
      '正如“没有安全，就谈不上发展”所言。',
      '“绿水青山就是金山银山”的理念深入人心。',
    ]) {
      assert.deepEqual(runRule(quoteMismatchRule, text, index), [], text);
    }
  });

  it('corrects the slip of a copied source sentence even where the sentence vouches for the rest of its wording', () => {
    // The seeds write 提高我国资旅产业在国际市场上的竞争力 once (文旅产业 elsewhere): a draft sentence that
    // nearly repeats theirs is no authority for their slip.
    for (const before of ['', '要', '我们要']) assert.deepEqual(typoFixes(index, `${before}提高我国资旅产业在国际市场上的竞争力。`), [['资', '文']]);
    assert.deepEqual(typoFixes(index, '要提高我国文旅产业在国际市场上的竞争力。'), []);
  });

  it('corrects a person’s name with a character of the same sound to the sources’ transliteration (托卡爷夫, 托卡也夫 → 托卡耶夫)', () => {
    assert.deepEqual(typoFixes(index, '哈萨克斯坦总统托卡爷夫出席会议。'), [['爷', '耶']]);
    assert.deepEqual(typoFixes(index, '会见托卡也夫总统。'), [['也', '耶']]);
    assert.deepEqual(typoFixes(index, '托卡耶夫总统表示支持。'), []);
  });

  it('corrects a look-alike at the edge of a four-character term the sources quote again and again (上海精社 → 上海精神)', () => {
    assert.deepEqual(typoFixes(index, '弘扬上海精社，推动合作。'), [['社', '神']]);
    assert.deepEqual(typoFixes(index, '我们要坚定不移弘扬上海精社，久久为功。'), [['社', '神']]);
    assert.deepEqual(typoFixes(index, '弘扬上海精神，推动合作。'), []);
    // …or a short form of theirs (上合组织, 39 uses).
    assert.deepEqual(typoFixes(index, '推动上合组缭高质量发展。'), [['缭', '织']]);
  });

  it('corrects a look-alike at the edge of a term that is seldom a word alone (推动亨质量发展), not a verb of the sentence there (占西部地区)', async () => {
    assert.deepEqual(typoFixes(index, '推动亨质量发展。'), [['亨', '高']]);
    const own = await indexOfSource('pl-edge-', '标题\n推进中西部地区发展。支持中西部地区承接产业转移。中西部地区要加快发展。\n');
    assert.deepEqual(typoFixes(own, '经济总量占西部地区比重超过三成。'), []);
  });

  it('corrects a look-alike at the edge of a term used a few times where it stands alone as a character seldom a word (全球治玫), not a word of the sentence (抓实推进, 使全社会)', async () => {
    const own = await indexOfSource(
      'pl-edge-few-',
      '标题\n完善全球治理。参与全球治理。改革全球治理。要扎实推进改革。扎实推进发展。扎实推进开放。健全社会保障。健全社会救助。健全社会治理。\n',
    );
    assert.deepEqual(typoFixes(own, '我们要积极推进全球治玫。'), [['玫', '理']]);
    assert.deepEqual(typoFixes(own, '要抓实推进各项工作。'), []);
    assert.deepEqual(typoFixes(own, '倡导全民阅读，使全社会充满活力。'), []);
  });

  it('corrects a commoner look-alike at the end of a term before a mark, where no next word may take it (文旅产亚“走出去”)', async () => {
    const own = await indexOfSource('pl-edge-mark-', '标题\n发展文旅产业。壮大文旅产业。推动文旅产业升级。\n');
    assert.deepEqual(typoFixes(own, '推动文旅产亚“走出去”。'), [['亚', '业']]);
    // Before a word it may take (亚洲), or at the start after a mark, it is the sentence's.
    assert.deepEqual(typoFixes(own, '推动文旅产亚洲合作。'), []);
  });

  it('reads a measure word with nothing before it to count as a stray character (风险盏测预警 → 监测)', () => {
    assert.deepEqual(typoFixes(index, '健全风险盏测预警体系。'), [['盏', '监']]);
    assert.deepEqual(typoFixes(index, '健全风险监测预警体系，点亮一盏盏灯。'), []);
  });

  it('corrects a slip in a compound of the dictionary that the sources use (保户主义, 公共服物), not another word', async () => {
    assert.deepEqual(typoFixes(index, '各国要共同反对保户主义。'), [['户', '护']]);
    assert.deepEqual(typoFixes(index, '完善公共服物体系。'), [['物', '务']]);
    // Words of their own: 保守主义 (a compound too), 基础设置 (设置 beside the sources' 基础设施).
    assert.deepEqual(typoFixes(index, '反对保守主义，调整基础设置。'), []);
    // A compound the sources use once only is not their wording yet.
    const once = await indexOfSource('pl-compound-', '标题\n会议指出，要抵制贸易保护主义。\n');
    assert.deepEqual(typoFixes(once, '保户主义的主张不得人心。'), []);
  });

  it('corrects a stray rare character in a compound of the dictionary the sources never use (中央政冶局), not a common word or a name it seldom counts', async () => {
    const other = await indexOfSource('pl-compound-none-', '标题\n会议指出，要做好秋收工作。\n');
    assert.deepEqual(typoFixes(other, '他是中央政冶局委员。'), [['冶', '治']]);
    assert.deepEqual(typoFixes(other, '国家知识铲权局负责。'), [['铲', '产']]);
    // 愿 is a word of its own (新加坡元 is no slip here); 中电集团 and 三氯甲烷 are names the dictionary
    // seldom counts, as likely one of the many it lacks (中免集团, 三氟甲烷).
    assert.deepEqual(typoFixes(other, '新加坡愿积极促进合作。'), []);
    assert.deepEqual(typoFixes(other, '中免集团三亚市内免税店，有效控制三氟甲烷排放。'), []);
    // Two characters off, or one left out, is another wording when the sources do not use the compound.
    assert.deepEqual(typoFixes(other, '推进新一代无线通信网络建设，长江中下游区。'), []);
  });

  it('reads a rare word of the dictionary inside such a compound as a piece of the slip (萨马尔|罕 → 撒马尔罕), not a rare word that is the whole window (历史纪录)', async () => {
    const other = await indexOfSource('pl-compound-piece-', '标题\n会议指出，要做好秋收工作。\n');
    assert.deepEqual(typoFixes(other, '习近平主席出席上合组织萨马尔罕峰会期间会见了各方领导人。'), [['萨', '撒']]);
    assert.deepEqual(typoFixes(other, '贸易额达到创历史纪录的8900亿美元。'), []);
  });
});

describe('term-typo: deliberate words next to a source term', () => {
  let index: CorpusIndex;
  before(async () => {
    const para = '各地要做好“检查工作”，落实“文化遗产日”活动安排，支持“中西部地区”发展。';
    index = await indexOfSource('pl-term-', `通知\n${para}\n${para}\n${para}\n`);
  });

  it('leaves a common word inside a compound alone (检察 in 检察工作 is not 检查)', () => {
    assert.deepEqual(runRule(termTypoRule, '各项检察工作取得新成效。', index), []);
  });

  it('leaves a common one-character word at the edge alone (大|保护, 占|西部)', () => {
    assert.deepEqual(runRule(termTypoRule, '构建文化遗产大保护格局。', index), []);
    assert.deepEqual(runRule(termTypoRule, '经济总量占西部地区比重超过三成。', index), []);
  });

  it('still corrects a homophone slip at the edge of the same terms', () => {
    const f = runRule(termTypoRule, '支持钟西部地区发展。', index);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.deepEqual(f[0].replacements, ['中']);
  });
});

describe('term-typo: the object of a formulation that starts with its verb', () => {
  let index: CorpusIndex;
  before(async () => {
    // Mined as the formulation 提出全球治理倡议; its object never stands alone in the sources.
    const lines = ['习近平主席提出全球治理倡议。', '中方提出全球治理倡议，赢得广泛支持。', '今年提出全球治理倡议意义重大。'];
    index = await indexOfSource('pl-object-', `通讯\n${lines.join('\n')}\n`);
  });

  it('corrects a slip in the object where the draft uses it after other words', () => {
    assert.ok(index.term('提出全球治理倡议'), 'the fixture mines the formulation');
    // The index takes its object as a term of its own (hover and completion know it too).
    assert.equal(index.term('全球治理倡议')?.count, 3);
    const f = runRule(termTypoRule, '各方积极响应全球治理倡义。', index);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.deepEqual(f[0].replacements, ['议']);
  });

  it('stays silent on the object written correctly', () => {
    assert.deepEqual(runRule(termTypoRule, '各方积极响应全球治理倡议。', index), []);
  });
});

describe('quote-mismatch: other phrases and updated numbers are not misquotes', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await indexOfSource('pl-quote-', '通知\n会议要求：“加快培育一批全球百强创新型企业和领军人才。”\n会议审议通过“制定国民经济和社会发展第十四个五年规划”的建议。\n');
  });

  it('leaves a quote alone whose last words differ from the middle of a longer source sentence', () => {
    assert.deepEqual(runRule(quoteMismatchRule, '该市首次登顶“全球百强创新集群”榜首。', index), []);
  });

  it('leaves a quote alone that differs only in a number (an update)', () => {
    assert.deepEqual(runRule(quoteMismatchRule, '全会研究“制定国民经济和社会发展第十五个五年规划”的建议。', index), []);
  });


  it('flags a short quoted saying of the sources with a word changed (“这要归因于中国”), not a short quoted name', async () => {
    const own = await indexOfSource('pl-short-quote-', '报道\n他认为，上合组织非常有前景，“这要归功于中国”。各方推进“城市更新行动”。\n');
    const f = runRule(quoteMismatchRule, '他说，上合组织非常有前景，“这要归因于中国”。', own);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['因', '功']]);
    assert.deepEqual(runRule(quoteMismatchRule, '推进“城市更新计划”。', own), []);
    // (Nor a name of a thing with 的: “春天的盛会” beside “春天的事业”.)
    const spring = await indexOfSource('pl-short-name-', '报道\n共赴“春天的事业”。\n');
    assert.deepEqual(runRule(quoteMismatchRule, '共赴“春天的盛会”。', spring), []);
  });


  it('still flags a misquote at the end of a whole source sentence', () => {
    const f = runRule(quoteMismatchRule, '会议要求：“加快培育一批全球百强创新型企业和领军人材。”', index);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.deepEqual(f[0].replacements, ['才']);
  });
});

describe('term-typo: items the sources list once', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await indexOfSource('pl-listed-', '意见\n提升服务质量和国际化水平，打造业态丰富、品牌集聚、环境舒适、特色鲜明的国际旅游消费胜地。\n');
  });

  it('corrects a homophone in the usual reading that breaks a word of the item', () => {
    const f = runRule(termTypoRule, '打造业态丰富、品牌急聚的消费胜地。', index);
    assert.deepEqual(f.map((x) => x.replacements[0]), ['集']);
  });

  it('leaves a word of a rarer reading alone (齐聚: 齐 may be read jì)', () => {
    assert.deepEqual(runRule(termTypoRule, '今年有超过3400个中外品牌齐聚亮相。', index), []);
  });
});

describe('term-typo: the sources’ wording that is no term', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await indexOfSource('pl-wording-', '报告\n国家发展改革委主任接受国务院委托作报告。推动组织行稳致远。\n');
  });

  it('corrects a character of the same sound that breaks one of its words', () => {
    assert.deepEqual(runRule(termTypoRule, '推动合作行稳至远。', index).map((f) => f.replacements[0]), ['致']);
  });

  it('leaves characters alone whose source counterpart is cut from a longer word (接受|国务院 is no 接受国务)', () => {
    assert.deepEqual(runRule(termTypoRule, '郑栅洁受国务院委托作报告。', index), []);
  });
});

describe('term-typo: 截止 before a point in time', () => {
  const noSources = new Indexer({ folders: [], includeSeeds: false, maxFileSize: 1e6 }).rebuild();

  it('corrects 截止 that takes a time as its object to 截至, with or without sources', async () => {
    const index = await noSources;
    for (const [wrong, right] of [
      ['截止2024年底，超过一半的城市建成监管平台。', '截至2024年底，超过一半的城市建成监管平台。'],
      ['截止目前，已完成改造项目120个。', '截至目前，已完成改造项目120个。'],
      ['报名截止10月1日。', '报名截至10月1日。'],
    ]) {
      const f = runRule(termTypoRule, wrong, index);
      assert.equal(f.length, 1, JSON.stringify(f));
      assert.deepEqual([f[0].text, f[0].replacements], ['截止', ['截至']]);
      assert.equal(wrong.slice(0, f[0].start) + '截至' + wrong.slice(f[0].end), right);
    }
  });

  it('leaves 截止 that takes no object alone', async () => {
    const index = await noSources;
    assert.deepEqual(runRule(termTypoRule, '申报截止时间为3月8日，截止到2024年，报名于月底截止，截止日期前提交。截至今年6月底完成。', index), []);
  });

  it('numbers a plenary session by the Central Committee\'s term (二十大三中全会 → 二十届三中全会), with or without sources', async () => {
    const index = await noSources;
    assert.deepEqual(typoFixes(index, '党的二十大三中全会《决定》提出。'), [['大', '届']]);
    assert.deepEqual(typoFixes(index, '党的十九大四中全会以来。'), [['大', '届']]);
    assert.deepEqual(typoFixes(index, '党的二十届三中全会和党的二十大报告。'), []);
  });
});

describe('term-typo: characters swapped, left out or added, and look-alikes in idioms', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });
  const fixes = (text: string) => typoFixes(index, text);

  it('restores two neighbouring characters of a term typed in each other’s place, unless they make a word', () => {
    assert.deepEqual(fixes('建设更加紧密的上海合作组织命运同共体。'), [['同共', '共同']]);
    // 运命 is a word: alone it may be meant; inside six characters of the sources' wording it is a slip.
    assert.deepEqual(fixes('运命共同体。'), []);
    assert.deepEqual(fixes('构建人类运命共同体。'), [['运命', '命运']]);
  });

  it('restores a word of the same usual sound in a term whose other words name it, common word or not (三股实力 → 三股势力), not where those words are common', () => {
    assert.deepEqual(fixes('各方严厉打击三股实力，维护了地区安全与稳定。'), [['实', '势']]);
    assert.deepEqual(fixes('要坚决打击三股势力。'), []);
    // 城市 is written everywhere: 任性 stands or falls by the term's own standing (see the established term).
    assert.deepEqual(fixes('他们的实力城市很强。'), []);
    // …or mostly in the term: 民心 twice of three times in 民心相通 (民心相同 → 民心相通).
    assert.deepEqual(fixes('文旅交流是促进民心相同的重要途径。'), [['同', '通']]);
  });

  it('leaves two items of a list in the order the sources also write them elsewhere (依法治理、综合治理)', async () => {
    const once = await indexOfSource('policy-list-once-', '坚持系统治理、依法治理、综合治理、源头治理。\n');
    assert.deepEqual(typoFixes(once, '坚持系统治理、综合治理、依法治理、源头治理。'), [['综合治理、依法治理', '依法治理、综合治理']]);
    const both = await indexOfSource('policy-list-both-', '坚持系统治理、依法治理、综合治理、源头治理。\n推进综合治理、依法治理。\n');
    assert.deepEqual(typoFixes(both, '坚持系统治理、综合治理、依法治理、源头治理。'), []);
  });

  it('restores a list of four items or more the sources write, two neighbouring items swapped or a word of an inner item changed', () => {
    assert.deepEqual(fixes('倡导和践行平等、互鉴、包容、对话的文明观。'), [['包容、对话', '对话、包容']]);
    assert.deepEqual(fixes('践行互信、平等、互利、协商、尊重多样文明、谋求共同发展的“上海精神”。'), [['平等、互利', '互利、平等']]);
    assert.deepEqual(fixes('践行互信、互利、平等、协商、尊重多元文明、谋求共同发展的“上海精神”。'), [['元', '样']]);
    // The first items swapped, the last two (the last running on into other words), words left out of an item.
    assert.deepEqual(fixes('创造性提出并践行互利、互信、平等、协商、尊重多样文明、谋求共同发展的“上海精神”。'), [['互利、互信', '互信、互利']]);
    assert.deepEqual(fixes('进入更加团结、更加协作、更有作为、更富活力的高质量发展新阶段。'), [['更有作为、更富活力', '更富活力、更有作为']]);
    assert.deepEqual(fixes('发表关于维护国际能源安全、维护粮食安全、应对气候变化、维护供应链安全稳定多元化等多份声明。'), [['护粮', '护国际粮']]);
    // Three items of six characters are a list of theirs too.
    assert.deepEqual(fixes('许多国家同中方一道践行全球发展倡议、全球文明倡议、全球安全倡议。'), [['全球文明倡议、全球安全倡议', '全球安全倡议、全球文明倡议']]);
    // The list as they write it, a list of the draft's own, and an item of other words altogether stand.
    for (const text of ['倡导和践行平等、互鉴、对话、包容的文明观。', '坚持安全、经济、人文、文化合作。', '践行互信、互利、平等、协商、包容互鉴、谋求共同发展的理念。', '顺应和平、发展、合作、共享的时代潮流。']) assert.deepEqual(fixes(text), [], text);
  });

  it('restores the last two words of a name the sources quote again and again typed in each other’s place (上海组织合作), not of other wording', async () => {
    assert.deepEqual(fixes('上海组织合作从“上海五国”会晤机制走来。'), [['上海组织合作', '上海合作组织']]);
    // Wording the sources write without quoting it as a name may come in either order.
    const own = await indexOfSource('policy-head-swap-', '加强文化遗产保护传承利用。\n推动文化遗产保护传承利用。\n');
    assert.deepEqual(typoFixes(own, '做好文化遗产保护利用传承工作。'), []);
  });

  it('restores two parts of a long term typed in each other’s order, unless the sources write that order', () => {
    assert.deepEqual(fixes('上合组织率先提出共商共享共建的全球治理观。'), [['享共建', '建共享']]);
    // Four characters are too short to tell a slip from another order (共享共建 is written too).
    assert.deepEqual(fixes('坚持共享共建。'), []);
  });

  it('restores a character of a term left out where the gap leaves two characters that are no word', () => {
    // (The source sentence it repeats puts the character back after the one before the gap.)
    assert.deepEqual(fixes('我愿提出全球治倡议，同各国一道。'), [['治', '治理']]);
    assert.deepEqual(fixes('推动构建上海合作组织命运共体。'), [['共体', '共同体']]);
    // A function word left out as a word of its own is wording (安全可靠|的|韧性城市).
    assert.deepEqual(fixes('着力建设安全可靠韧性城市。'), []);
    // A name the sources quote again and again, whatever the characters that meet (合组 is a word).
    assert.deepEqual(fixes('上海合组织必将在变局中展现更大作为。'), [['合组', '合作组']]);
    // …and whatever words they make (上|合作|组织).
    assert.deepEqual(fixes('我深刻体会到，上合作组织的发展壮大离不开中国。'), [['上合', '上海合']]);
    // …and so is a long term the sources use again, whatever words the rest makes (理会 is one).
    assert.deepEqual(fixes('上海合作组织成员国元首理会第二十五次会议在天津举行。'), [['理会', '理事会']]);
    // What is left of the term's word is a word too, but far rarer than it (同体 beside 共同体).
    assert.deepEqual(fixes('向着构建人类命运同体的美好明天坚定前行。'), [['运同', '运共同']]);
  });

  it('restores a homophone in a run of the sources’ wording, not a look-alike nor a word they use', async () => {
    const own = await indexOfSource('policy-run-', '要坚持以文塑旅、以旅彰文，推动文化和旅游融合发展。\n习近平主席提出，要推动世界多极化更加平等有序。\n各地制订了方案。要制定好各项政策措施并抓好落实。\n');
    const run = (text: string) => typoFixes(own, text);
    // No source sentence is like these as a whole: the runs of six characters and more are.
    assert.deepEqual(run('关键在于坚持以文塑旅、以旅张文，深入挖掘中华文化的丰富内涵。'), [['张', '彰']]);
    assert.deepEqual(run('上合组织推动世界多级化更加平等有序、经济全球化更加普惠包容。'), [['级', '极']]);
    // 制订 is the sources' own word too; 指 only looks like 提.
    assert.deepEqual(run('我们要制订好各项政策措施并抓好落实，久久为功。'), []);
    assert.deepEqual(run('正如习近平主席指出的，各国要加强合作。'), []);
  });

  it('restores a near homophone inside six characters of the sources’ wording on each side, even in a word (崇德向上 → 崇德向善)', async () => {
    const own = await indexOfSource('policy-fuzzy-run-', '塑造城市特色风貌。植根中华优秀传统文化，建设崇德向善的文明城市，彰显中国气质。\n推动上海合作组织行稳致远。要落实上合组织成员国共同发展的倡议。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('《意见》提出，植根中华优秀传统文化，建设崇德向上的文明城市，彰显民族气质。'), [['上', '善']]);
    // Fewer of theirs on a side: 向上 is the draft's word.
    assert.deepEqual(run('我们要建设崇德向上的文明城市。'), []);
    // Six of theirs on one side are enough where the slip breaks their word into no word (树造|城市特色风貌).
    const side = await indexOfSource('policy-fuzzy-side-', '（十九）塑造城市特色风貌。植根中华优秀传统文化，彰显中国气质、中国风范。\n促进制造业数字化转型，发展智能制造。\n');
    assert.deepEqual(typoFixes(side, '才能在树造城市特色风貌中展显中国气质、中国风范。'), [['树', '塑'], ['展', '彰']]);
    // (Not a new word the HMM reads there: 数智化 beside 数字化.)
    assert.deepEqual(typoFixes(side, '各地加快技术改造升级，促进制造业数智化转型的步伐明显加快。'), []);
    // A character standing alone in the draft, of their character's sound, needs five of theirs (形|稳|致远).
    assert.deepEqual(run('这道出了上合组织形稳致远的深层密码。'), [['形', '行']]);
    // Not a word that carries every sentence, at a clause's start (，是 beside 落实).
    assert.deepEqual(run('这一成果，是上合组织成员国共同发展的见证。'), []);
    assert.deepEqual(run('这一成果，时上合组织成员国共同发展的见证。'), [['时', '实']]);
  });

  it('restores a character of a word of the sources left out between two long runs of their wording, not a word of its own', async () => {
    const own = await indexOfSource('policy-gap-run-', '加快城市基础设施生命线安全工程建设，推动重要设施。\n韧性城市建设中还面临不少挑战，合作潜力也愈发强劲。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('今年城市基础设施生命安全工程建设全面推进。'), [['命', '命线']]);
    // 中 and 也 are words of their own: left out, they are wording.
    assert.deepEqual(run('看到韧性城市建设还面临不少挑战，合作潜力愈发强劲。'), []);
  });

  it('restores a character left out of a word of two of the sources whose other character the draft strands (非物|文化遗产)', async () => {
    const own = await indexOfSource('policy-gap-two-', '加强文物资源保护管理利用和非物质文化遗产保护利用传承。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('我市加强文物资源保护管理利用和非物文化遗产保护利用传承。'), [['物', '物质']]);
  });

  it('restores a homophone beside a mark inside a run of the sources’ wording (银发经纪、冰雪经济)', async () => {
    const own = await indexOfSource('policy-mark-run-', '发展首发经济、银发经济、冰雪经济、低空经济，培育消费新场景。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('我市首发经济、银发经纪、冰雪经济等新业态培育不足，亟待加强。'), [['纪', '济']]);
  });

  it('restores two neighbouring characters swapped into a word inside six of the sources’ wording (国际文人交流 → 国际人文交流)', async () => {
    const own = await indexOfSource('policy-swap-run-', '深化国际人文交流合作，促进民心相通。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('要深化国际文人交流合作。'), [['文人', '人文']]);
    assert.deepEqual(run('古代文人交流诗文。'), []);
    // Grammatical words move with the sentence, and a word the sources use is theirs in either order.
    const other = await indexOfSource('policy-swap-run-2-', '全面从严治党面临的新形势新任务。\n中华文明延绵不断、赓续传承。\n文明绵延至今。\n');
    assert.deepEqual(runRule(termTypoRule, '全面从严治党面临新的形势任务。', other), []);
    assert.deepEqual(runRule(termTypoRule, '中华文明绵延不断、赓续传承。', other), []);
  });

  it('restores two neighbouring characters swapped beside a mark of the sources’ wording (融合、住职平衡, 加强“急平两用”, 在阿塔斯纳，)', async () => {
    assert.deepEqual(typoFixes(index, '促进产城融合、住职平衡。'), [['住职', '职住']]);
    assert.deepEqual(typoFixes(index, '要加强“急平两用”公共基础设施建设。'), [['急平', '平急']]);
    assert.deepEqual(typoFixes(index, '在阿塔斯纳，中哈两国文化中心揭牌。'), [['塔斯', '斯塔']]);
    // (Not where the sources write the wording as the draft does, nor with too little of theirs around.)
    for (const text of ['促进产城融合、职住平衡。', '住职平衡。']) assert.deepEqual(typoFixes(index, text), [], text);
    // (Two words of the draft's own, 连接|南北, beside a wording of theirs, 连南接北.)
    const own = await indexOfSource('policy-swap-mark-', '中部地区发挥承东启西、连南接北的区位优势。\n');
    assert.deepEqual(typoFixes(own, '中部地区发挥承东启西、连接南北的优势。'), []);
    // (Each side of a bilateral relation names itself first: 哈中关系 beside the sources' 中哈.)
    assert.deepEqual(typoFixes(index, '两国元首共同出席哈中两国文化中心揭牌仪式。'), []);
  });

  it('restores a word of two typed as another word of its sound inside a run of the sources’ wording (全声明周期 → 全生命周期)', async () => {
    const own = await indexOfSource('policy-word-run-', '建立房屋安全体检、房屋安全管理资金、房屋质量安全保险等房屋全生命周期安全管理制度。\n发表联合声明。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('我市将探索建立房屋全声明周期安全管理制度，提升房屋安全水平。'), [['声明', '生命']]);
    assert.deepEqual(run('双方发表联合声明，推动合作。'), []);
  });

  it('restores a homophone ending a clause after six characters of the sources’ wording (安全赤字、治理赤子，)', async () => {
    const own = await indexOfSource('policy-run-end-', '为消弭和平赤字、发展赤字、安全赤字、治理赤字贡献力量。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('着力解决发展赤字、安全赤字、治理赤子，促进世界和平。'), [['子', '字']]);
  });

  it('moves out of a quotation the words the sources write after the term they quote (“适用、经济、绿色、美观建筑方针”)', async () => {
    const text = '落实“适用、经济、绿色、美观建筑方针”，加强建筑设计管理。';
    assert.deepEqual(fixes(text), [['“适用、经济、绿色、美观建筑方针”', '“适用、经济、绿色、美观”建筑方针']]);
    // …two characters too, a head noun the sources never quote with it (official texts write
    // “一带一路”倡议, “放管服”改革 hundreds of times, the whole quoted hardly ever).
    assert.deepEqual(fixes('大力推进安全、舒适、绿色、智慧的“好房子建设”。'), [['“好房子建设”', '“好房子”建设']]);
    const own = await indexOfSource('policy-quote-after-', '深化“最多跑一次”改革。\n推进“最多跑一次”改革。\n');
    assert.deepEqual(typoFixes(own, '而“最多跑一次改革”深入人心。'), [['“最多跑一次改革”', '“最多跑一次”改革']]);
    // Not where the sources quote the whole too, nor a tail they never write after the quoted term.
    const both = await indexOfSource('policy-quote-both-', '深化“最多跑一次”改革。\n推进“最多跑一次改革”。\n');
    assert.deepEqual(typoFixes(both, '而“最多跑一次改革”深入人心。'), []);
    assert.deepEqual(typoFixes(own, '而“最多跑一次经验”深入人心。'), []);
  });

  it('takes no common word typed for another in a near-verbatim sentence for a slip unless it looks or sounds like it (推进 for 推动)', () => {
    assert.deepEqual(fixes('推进城市生活污水管网全覆盖，巩固城市黑臭水体治理成效，建设幸福河湖、美丽河湖。'), []);
    assert.deepEqual(fixes('支持老旧住房自主更新、原折原建。'), [['折', '拆']]);
  });

  it('takes a clause of twelve characters or more of a source sentence as near-verbatim, beside words of the draft’s own', async () => {
    const own = await indexOfSource('policy-clause-', '科学制定实施城市更新专项规划，一体化推进城市体检和城市更新，创造宜业、宜居、宜乐、宜游的良好城市环境。\n各地要制定好各项政策措施并抓好落实。\n各地制订了方案。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('二是同步推进。我市一体化推进城市体验和城市更新，改造利用老旧厂房，建设口袋公园，推进绿地开放共享。'), [['验', '检']]);
    // A homophone that makes a word the sources use (制订) is wording in a clause, and so is a
    // pronoun's word, the draft's own standpoint (我市 for 我国).
    assert.deepEqual(run('我们要制订好各项政策措施并抓好落实，久久为功。'), []);
    const ours = await indexOfSource('policy-clause-our-', '越来越多的外国游客在我国赏风景、品人文，感受中华文化之美。\n');
    assert.deepEqual(runRule(termTypoRule, '近年来，越来越多的外国游客在我市赏风景、品人文，深入感受城市魅力。', ours), []);
  });

  it('takes a common word left of a term’s word for other wording (现代 of 现代化)', async () => {
    const own = await indexOfSource('policy-gap-', '全面建设社会主义现代化国家。\n到本世纪中叶建成社会主义现代化国家。\n向社会主义现代化国家迈进。\n');
    const run = (text: string) => typoFixes(own, text);
    assert.deepEqual(run('全面建设社会主义现代国家。'), []);
  });

  it('deletes a character added to a term only where it may be taken for its neighbour', () => {
    assert.deepEqual(fixes('推进全球治理新倡议。'), []);
  });

  it('corrects a look-alike in a common idiom that makes no word (如火如茶 → 如火如荼), not wordplay', () => {
    assert.deepEqual(fixes('近年来，数字政府建设如火如茶，不少城市加快转型。'), [['茶', '荼']]);
    assert.deepEqual(fixes('一部部脍灸人口的作品走向世界。'), [['灸', '炙']]);
    assert.deepEqual(fixes('两村只有一堤之隔。'), []);
  });

  it('corrects a misspelling of an idiom the dictionary lists rarely beside it (美仑美奂, 各行其事), not a variant of its own (坚忍不拔, 丰富多采)', () => {
    assert.deepEqual(fixes('看看美仑美奂的古建筑。'), [['仑', '轮']]);
    assert.deepEqual(fixes('避免各行其事、同质竞争。'), [['事', '是']]);
    assert.deepEqual(fixes('杜绝培训内容名不符实。'), [['符', '副']]);
    for (const text of ['培养坚忍不拔的意志。', '内容丰富多采。', '一时群情激愤。']) assert.deepEqual(fixes(text), [], text);
  });

  it('corrects a homophone in an idiom the dictionary tags as a name, whose halves it counts a few times only (默守成规 → 墨守成规)', () => {
    assert.deepEqual(fixes('城市更新不能默守成规。'), [['默', '墨']]);
    assert.deepEqual(fixes('城市更新不能墨守成规。'), []);
  });

  it('corrects a homophone that breaks a word inside a longer word of the sources (文化底韵 → 文化底蕴)', () => {
    assert.deepEqual(fixes('城市更新还要守护好城市的文化底韵。'), [['韵', '蕴']]);
  });
  it('corrects a rare variant spelling the dictionary lists where the sources write the usual one (数字挛生 → 数字孪生)', () => {
    assert.deepEqual(fixes('一些城市构建城市数字挛生模型。'), [['挛', '孪']]);
  });
});

describe('term-typo: a term the sources quote, quoted with one character more or less', () => {
  let index: CorpusIndex;
  let seedIndex: CorpusIndex;
  before(async () => {
    seedIndex = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
    index = await indexOfSource('pl-quoted-gap-', '推进“高效办成一件事”改革。深化“高效办成一件事”。推动“数据多跑路、群众少跑腿”。');
  });

  it('deletes a character added to the quoted term, or restores one left out of a word of it', () => {
    const fixes = (text: string) => typoFixes(index, text);
    assert.deepEqual(fixes('推动“高效办成一件事情”扩面增效。'), [['情', '']]);
    assert.deepEqual(fixes('推动“高效办成一件”扩面增效。'), []);
    // A quoted term of four characters too; a numeral added inside it is no count.
    assert.deepEqual(typoFixes(seedIndex, '以“一网统一管”为抓手，推动城市运行。'), [['一', '']]);
  });
});

describe('index: the sources’ own slips, told from coinages of theirs', () => {
  let index: CorpusIndex;
  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-slips-'));
    const files: Record<string, string> = {
      // A slip: twice among seven of the right form, in the same file.
      'a.txt': '要推动文旅产业发展。壮大文旅产业规模。文旅产业是综合性产业。做强文旅产业品牌。优化文旅产业布局。培育文旅产业集群。繁荣文旅产业市场。提高资旅产业竞争力。扩大资旅产业开放。',
      // Another file's wording, in a file that never writes 文旅产业.
      'b.txt': '推动文创产业发展。壮大文创产业。',
      // A slot that three words fill.
      'c.txt': '推进多规合一。深化多规合一。实现多规合一。落实多规合一。完善多规合一。优化多规合一。推动多规合一。开展多审合一。推行多审合一。实行多测合一。推动多测合一。',
      // An item of a list beside its model.
      'd.txt': '推进“一网通办”。深化“一网通办”。实现“一网通办”。推动“一网通办”。做好“一网通办”。优化“一网通办”。完善“一网通办”。推动城市运行“一网统管”、政务服务“一网通办”、公共服务“一网通享”。实现“一网通享”。',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    index = await new Indexer({ folders: [dir], includeSeeds: false, maxFileSize: 1e6 }).rebuild();
  });

  it('takes a rare form beside the right one in the same file for a slip, and corrects it in a draft', () => {
    assert.equal(index.typoCorrection('资旅产业'), '文旅产业');
    assert.deepEqual(typoFixes(index, '我们要提高资旅产业竞争力。'), [['资', '文']]);
  });

  it('keeps as wording a form of another file, one of several in a slot, and one listed beside its model', () => {
    for (const coinage of ['文创产业', '多审合一', '多测合一', '一网通享']) {
      assert.equal(index.typoCorrection(coinage), undefined, coinage);
      assert.ok(index.term(coinage), coinage);
    }
    assert.deepEqual(typoFixes(index, '全面推行多审合一、多测合一改革。公共服务“一网通享”。'), []);
  });
});

describe('term-typo: items of the sources’ lists they use again and again', () => {
  let index: CorpusIndex;
  before(async () => {
    // 改革开放史, an item of a list (no formulation: 史 ends no phrase), used 21 times.
    index = await indexOfSource('pl-listed-', Array.from({ length: 21 }, (_, i) => `第${i + 1}期学习党史、新中国史、改革开放史、社会主义发展史。`).join(''));
  });

  it('are terms: a homophone at their edge is a slip (改革开放使)', () => {
    assert.deepEqual(typoFixes(index, '要认真学习改革开放使。'), [['使', '史']]);
  });

  it('but one of the words that carry every sentence there is the sentence’s (改革开放|是)', () => {
    assert.deepEqual(typoFixes(index, '他强调，改革开放是事业发展的根本动力。'), []);
    assert.deepEqual(typoFixes(index, '改革开放和社会主义现代化建设。'), []);
  });
});

describe('term-typo: titles and names of the sources miswritten', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });

  it('gives a title a slip away from one of the sources its words (《中共中央国务院推动…》 → 关于推动), with the source place', () => {
    const found = runRule(termTypoRule, '不久前印发的《中共中央国务院推动城市高质量发展的意见》提出明确要求。', index);
    assert.deepEqual(found.map((f) => [f.text, f.replacements[0]]), [['院', '院关于']]);
    assert.match(found[0].message, /《中共中央国务院关于推动城市高质量发展的意见》/);
    assert.ok(found[0].related);
    // (Two neighbouring characters swapped, one of the same sound.)
    assert.deepEqual(typoFixes(index, '印发《中共中央国务院关于动推城市高质量发展的意见》。'), [['动推', '推动']]);
    // (A near-synonym word of the title's, a character shared: 推进 for 推动, 协议 for 协定 — the kind too.)
    assert.deepEqual(typoFixes(index, '要落实好《中共中央国务院关于推进城市高质量发展的意见》。'), [['进', '动']]);
    assert.deepEqual(typoFixes(index, '从商签《上海合作组织贸易便利化协议》，到发表声明。'), [['议', '定']]);
  });

  it('puts two words of a name of the sources back in their order (教育数字联盟 → 数字教育联盟, 全球城市可持续发展奖 → 可持续发展城市奖)', () => {
    assert.deepEqual(typoFixes(index, '中方倡议成立上海合作组织教育数字联盟，为青年一代打开新的成长空间。'), [['教育数字', '数字教育']]);
    assert.deepEqual(typoFixes(index, '持续提升世界城市日、全球城市可持续发展奖（上海奖）影响力。'), [['城市可持续发展', '可持续发展城市']]);
    // (The sources' order elsewhere before the same words, and grammatical words, stand.)
    for (const text of ['中方倡议成立上海合作组织数字教育联盟。', '推动城市可持续发展。']) assert.deepEqual(typoFixes(index, text), [], text);
  });

  it('corrects a homophone ending a person\'s name of the sources after six of their characters (塔吉克斯坦总统拉赫孟也表示 → 拉赫蒙)', () => {
    assert.deepEqual(typoFixes(index, '塔吉克斯坦总统拉赫孟也表示坚定支持系列全球倡议。'), [['孟', '蒙']]);
    assert.deepEqual(typoFixes(index, '塔吉克斯坦总统拉赫蒙也表示坚定支持系列全球倡议。'), []);
  });

  it('corrects a character of another look in a person\'s name of the sources, with their words around it (卢卡甲科 → 卢卡申科)', () => {
    assert.deepEqual(typoFixes(index, '习近平主席在北京会见白俄罗斯总统卢卡甲科时指出，要进一步加强合作。'), [['甲', '申']]);
    // (A character of no likeness at all is not taken for it.)
    assert.deepEqual(typoFixes(index, '习近平主席在北京会见白俄罗斯总统卢卡东科时指出，要进一步加强合作。'), []);
  });

  it('deletes a character added between two runs of the sources\' wording they write joined (综合性中心 → 综合中心), not a word of the draft\'s', async () => {
    assert.deepEqual(typoFixes(index, '加快成立上合组织应对安全威胁与挑战综合性中心及其分支机构。'), [['性', '']]);
    // (A character doubled is duplicate's.)
    assert.deepEqual(typoFixes(index, '来华出席上海合作组织成员国国外长理事会会议。'), []);
    const theirs = await indexOfSource('pl-added-', '实现从量的积累向质的飞跃，推动高质量发展。');
    assert.deepEqual(typoFixes(theirs, '我国科技实力实现从量的积累迈向质的飞跃。'), []);
  });

  it('leaves a list swapped inside a long quotation to the quote rule, which compares it with its source sentence', () => {
    const text = '习近平主席强调：“和平、合作、发展、共赢的时代潮流没有变，但冷战思维、霸权主义、保护主义阴霾不散。”';
    assert.deepEqual(typoFixes(index, text), []);
    assert.deepEqual(runRule(quoteMismatchRule, text, index).map((f) => [f.text, f.replacements[0]]), [['合作、发展', '发展、合作']]);
    // (Unquoted, the list is term-typo's.)
    assert.deepEqual(typoFixes(index, '倡导和践行平等、互鉴、包容、对话的文明观。'), [['包容、对话', '对话、包容']]);
  });

  it('flags a figure changed in a quoted statement (“中方建议将2024年确定为…” for 2025年)', () => {
    const f = runRule(quoteMismatchRule, '习近平主席说：“实现现代化是本组织国家的共同目标。中方建议将2024年确定为‘上海合作组织可持续发展年’。”', index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['4', '5']]);
  });

  it('restores a quoted list of the sources\' with an item left out or its items in another order (“宜业、宜居、宜游” → 宜乐), not a list of the draft\'s', () => {
    const quoteFixes = (text: string) => runRule(quoteMismatchRule, text, index).map((f) => [f.text, f.replacements[0]]);
    assert.deepEqual(quoteFixes('创造“宜业、宜居、宜游”的良好城市环境。'), [['宜业、宜居、宜游', '宜业、宜居、宜乐、宜游']]);
    assert.deepEqual(quoteFixes('落实“适用、经济、美观、绿色”建筑方针。'), [['适用、经济、美观、绿色', '适用、经济、绿色、美观']]);
    for (const text of ['创造“宜业、宜居、宜乐、宜游”的良好城市环境。', '坚持“安全、经济、绿色”原则。']) assert.deepEqual(quoteFixes(text), [], text);
  });

  it('takes a time word changed for another as an update, like a number (26日下午 beside their 上午)', async () => {
    const theirs = await indexOfSource('pl-times-', '十四届全国人大常委会第十九次委员长会议26日上午在京举行。赵乐际委员长主持会议。');
    assert.deepEqual(typoFixes(theirs, '十四届全国人大常委会第十九次委员长会议26日下午在京举行。赵乐际委员长主持会议。'), []);
    // (A slip of another word in the same sentence is still one.)
    assert.deepEqual(typoFixes(theirs, '十四届全国人大常委会第十九次委员长会议26日上午在京举行。赵乐际委员长主特会议。'), [['特', '持']]);
  });

  it('leaves another document alone: another word (not a near-synonym of the title\'s), a number, a space, a short form', async () => {
    for (const text of ['印发《中共中央国务院关于推动城市绿色发展的意见》。', '印发《中共中央国务院关于推动城市更新发展的意见》。', '贯彻《中共中央 国务院关于推动城市高质量发展的意见》。', '落实《意见》要求。']) {
      assert.deepEqual(typoFixes(index, text), [], text);
    }
    const years = await indexOfSource('pl-titles-', '印发《全民健身计划（2021—2025年）》，落实《乡村振兴战略规划（2018—2022年）》。');
    assert.deepEqual(typoFixes(years, '落实《全民健身计划（2016—2020年）》。'), []);
  });
});
