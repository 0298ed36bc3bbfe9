import * as assert from 'node:assert/strict';
import type { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { punctuationRule } from '../../server/src/core/rules/punctuation';
import { applyFirst, runRule } from '../helpers/rules';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (text: string) => runRule(punctuationRule, text);
const fixed = (text: string) => applyFirst(text, run(text));
const flagged = (text: string) => run(text).map((f) => [f.text, f.start, f.replacements] as const);

describe('rule punctuation', () => {
  describe('unpaired marks', () => {
    it('flags a lonely opening mark without a fix', () => {
      const text = '以“上海精神为指引，向着构建人类命运共同体的美好明天，初心坚定如磐。';
      assert.deepEqual(flagged(text), [['“', 1, []]]);
      assert.match(run(text)[0].message, /「“」没有配对的「”」/);
      assert.deepEqual(flagged('从出版《上海合作组织发展历程，到发表声明。'), [['《', 3, []]]);
      // (A title that ends in a kind of document at the clause mark is closed there.)
      assert.deepEqual(flagged('从商签《上海合作组织贸易便利化协定，到发表声明。'), [['《上海合作组织贸易便利化协定', 3, ['《上海合作组织贸易便利化协定》']]]);
    });

    it('flags a lonely 《 at the start of a closed paragraph: only quotations run over paragraphs', () => {
      assert.deepEqual(flagged('《意见还就强化有力有效的监管作出部署。'), [['《', 0, []]]);
      // A title broken across lines (no end mark) goes on in the next one — not past a clause of the sentence.
      assert.deepEqual(flagged('《中共中央 国务院关于推动城市\n高质量发展的意见》'), []);
      assert.deepEqual(flagged('《中共中央 国务院关于推动城市'), []);
      assert.deepEqual(flagged('城市更新要向存量要空间。《意见提出，改造利用老旧厂房，让空间“活”起来，\n\n下一段。').map(([mark]) => mark), ['《', '，']);
    });

    it('flags lonely closing marks and crossed pairs', () => {
      assert.deepEqual(flagged('要坚持上海精神”，推动合作。'), [['”', 7, []]]);
      assert.deepEqual(flagged('他说“要读《论语”。'), [['《', 5, []]]);
      assert.deepEqual(flagged('实施【重点工程。'), [['【', 2, []]]);
    });

    it('deletes a mark typed twice, the copy without a partner', () => {
      assert.equal(fixed('各方一致通过《天津宣言》》，指明方向。'), '各方一致通过《天津宣言》，指明方向。');
      assert.equal(fixed('各方一致通过《《天津宣言》，指明方向。'), '各方一致通过《天津宣言》，指明方向。');
      assert.equal(fixed('坚持“上海精神””，推动合作。'), '坚持“上海精神”，推动合作。');
      assert.match(run('通过《天津宣言》》。')[0].message, /多余的「》」/);
    });

    it('turns a quotation mark that faces the wrong way', () => {
      assert.equal(fixed('弘扬“上海精神“，推动合作。'), '弘扬“上海精神”，推动合作。');
      assert.equal(fixed('迈向”量子霸权”，意义重大。'), '迈向“量子霸权”，意义重大。');
      assert.match(run('弘扬“上海精神“。')[0].message, /引号方向有误/);
    });

    it('turns both marks of a pair facing away from each other', () => {
      assert.equal(fixed('他说”我们要团结合作“，大家都同意。'), '他说“我们要团结合作”，大家都同意。');
      assert.equal(fixed('所谓’平安‘，就是安全。'), '所谓‘平安’，就是安全。');
      // Not a reversed pair: a quotation closing after a paragraph's start, another opening at its end.
      assert.deepEqual(run('共同繁荣。”习近平主席强调：“'), []);
    });

    it('replaces a closing mark of another kind typed for the opening mark’s partner', () => {
      assert.equal(fixed('峰会批准的《上合组织未来10年发展战略〉，为组织擘画蓝图。'), '峰会批准的《上合组织未来10年发展战略》，为组织擘画蓝图。');
      assert.equal(fixed('更不能搞“一刀切’。要落实责任。'), '更不能搞“一刀切”。要落实责任。');
      assert.deepEqual(flagged('更不能搞“一刀切’。'), [['’', 8, ['”']]]);
      assert.equal(fixed('落实三中全会《决定>和《意见》部署。'), '落实三中全会《决定》和《意见》部署。');
      // A quotation mark before a document's name closed by 》 is the slip, inside brackets too.
      assert.equal(fixed('《关于推动城市高质量发展的意见》（以下简称“意见》）印发。'), '《关于推动城市高质量发展的意见》（以下简称《意见》）印发。');
      assert.equal(fixed('坚决反对“一刀切》做法。'), '坚决反对“一刀切”做法。');
      // Marks between them: no guess (他说“好‘的”: the ‘ is lonely, the quotation is closed).
      assert.deepEqual(flagged('他说“好‘的”。'), [['‘', 4, []]]);
    });

    it('accepts balanced and nested marks', () => {
      for (const text of [
        '习近平主席指出：“安全是国家发展的前提，‘平安’是人民幸福的生命线。”',
        '《中华人民共和国宪法》（2018年修正）和【附件】。',
        '国发〔2016〕1号，见（一）。',
        '细颗粒物（PM2.5)浓度下降。',
      ]) {
        assert.deepEqual(
          run(text).filter((f) => /没有配对/.test(f.message)),
          [],
          text,
        );
      }
    });

    it('lets quotations and parentheses run over several paragraphs', () => {
      for (const text of [
        '“有了和平，国家才能兴旺。\n“有了雨露，大地才能繁荣。”',
        '习近平主席指出：“安全是发展的前提。\n\n平安是人民幸福的生命线。”',
        '共同繁荣。”',
        '发展的道路。”习近平主席说',
        '1）加强组织领导。',
        '一）加强组织领导。',
        '国务院办公厅关于印发《政府网站集约化\n试点工作方案》的通知',
      ]) {
        assert.deepEqual(run(text), [], text);
      }
    });

    it('flags a quotation left open where no paragraph goes on with it', () => {
      // The last paragraph, or one followed by a paragraph that neither reopens nor closes a quotation.
      for (const text of ['习近平主席强调：“我愿提出全球治理倡议，同各国一道，携手迈向人类命运共同体。', '他指出：“安全是发展的前提。\n下一段另起话题。', '“有了和平，国家才能兴旺。']) {
        assert.deepEqual(flagged(text).map(([mark, , fix]) => [mark, fix]), [['“', []]], text);
      }
    });
  });

  describe('dashes and ellipses', () => {
    it('turns hyphens typed for a dash into ——', () => {
      assert.equal(fixed('改革开放--这是决定当代中国命运的关键一招。'), '改革开放——这是决定当代中国命运的关键一招。');
      assert.equal(fixed('两个“毫不动摇”－－是一贯方针。'), '两个“毫不动摇”——是一贯方针。');
      assert.equal(fixed('--论上海合作组织天津峰会'), '——论上海合作组织天津峰会');
    });

    it('leaves ranges, tables and code alone', () => {
      for (const text of ['2016—2020年', '关于兰州—西宁城市群发展规划', '|---|---|', 'x--y', '地表水Ⅰ－Ⅲ类水体', '力争用3－5年时间']) {
        assert.deepEqual(run(text), [], text);
      }
    });

    it('turns a lone … in Chinese text into ……', () => {
      assert.equal(fixed('我们要继续努力…'), '我们要继续努力……');
      assert.equal(fixed('推进改革…，加快发展'), '推进改革……，加快发展');
      assert.deepEqual(run('我们要继续努力……'), []);
      assert.deepEqual(run('www.gov.cn/…/…'), []);
    });
  });

  describe('pause marks and stops GB/T 15834 does not use', () => {
    it('deletes 、 between neighbouring numerals of an approximate number, not in ordinal lists or headings', () => {
      assert.equal(fixed('在峰会前的两、三个月里，这三、四十年间'), '在峰会前的两三个月里，这三四十年间');
      assert.deepEqual(run('第一、二批试点，一、二、三个方面，三、四个意识，二、四个月，小学一、二年级'), []);
    });

    it('deletes 、 before the conjunction of the last item, not before a word it begins', () => {
      assert.equal(fixed('加装电梯、停车位、和充电桩，学习、宣传、以及落实'), '加装电梯、停车位和充电桩，学习、宣传以及落实');
      assert.deepEqual(run('发展、和平、安全，北京、和田，处置、及时报告，代表、与会嘉宾，求同存异、和合共生'), []);
      // A rare word the conjunction would begin (和文) is not read where the sentence reads 和|文化.
      assert.equal(fixed('在教育、科技、和文化旅游等领域合作'), '在教育、科技和文化旅游等领域合作');
      assert.deepEqual(run('推动经济、政治、和平发展，统计存款、保险准备金、或有金融工具'), []);
    });

    it('deletes 、 before 等 that closes a list, and between 三 and 五', () => {
      assert.equal(fixed('对供水、排水、燃气、等市政基础设施，用三、五年时间'), '对供水、排水、燃气等市政基础设施，用三五年时间');
      assert.deepEqual(run('人才、等级、等待，考核报告、评语、等次或者鉴定'), []);
      assert.equal(fixed('大力推进安全、舒适、绿色、智慧、的“好房子”建设。'), '大力推进安全、舒适、绿色、智慧的“好房子”建设。');
      assert.deepEqual(run('城市、的确需要更新。'), []);
      assert.equal(fixed('初级产品销售额占比仍达五、六成，产值增长两、三倍。'), '初级产品销售额占比仍达五六成，产值增长两三倍。');
    });

    it('gives an Arabic list number 「.」, and makes a mark after a number inside Chinese text full-width', () => {
      assert.equal(fixed('2、深化“一网统管”应用。'), '2.深化“一网统管”应用。');
      // Inside a paragraph, after the clause before it, the number is bracketed.
      assert.equal(fixed('（1）完善供给机制；2、深入挖掘文化内涵。'), '（1）完善供给机制；（2）深入挖掘文化内涵。');
      assert.equal(fixed('同比增长18.5%;举办文旅活动'), '同比增长18.5%；举办文旅活动');
      assert.deepEqual(run('型号wz122,探索突破；比例为3:2；2024、2025年'), []);
    });

    it('deletes a full stop after an ellipsis', () => {
      assert.equal(fixed('感受中国传统文化魅力……。不同文明交流互鉴'), '感受中国传统文化魅力……不同文明交流互鉴');
    });
  });

  describe('a pause mark next to a sentence end', () => {
    it('keeps the end mark alone (，。 、。 。，)', () => {
      assert.equal(fixed('我们要统筹发展和安全，。下一步'), '我们要统筹发展和安全。下一步');
      assert.equal(fixed('推进改革。，加快发展'), '推进改革。加快发展');
      assert.equal(fixed('这是为什么；？'), '这是为什么？');
      assert.deepEqual(run('真的吗？！是的。'), []);
    });
  });

  describe('half-width marks in Chinese text', () => {
    it('converts , ; : ? ! between Chinese characters', () => {
      assert.equal(fixed('坚持共商共建共享原则,推进“一带一路”建设,加快进程。'), '坚持共商共建共享原则，推进“一带一路”建设，加快进程。');
      assert.equal(fixed('健全政策制度;增强政策协同性。'), '健全政策制度；增强政策协同性。');
      assert.equal(fixed('时间:2025年9月1日'), '时间：2025年9月1日');
      assert.equal(fixed('这是为什么?'), '这是为什么？');
      assert.equal(fixed('热烈祝贺!'), '热烈祝贺！');
      assert.equal(fixed('2024年,中国同各国贸易额增长。'), '2024年，中国同各国贸易额增长。');
      // At the end of a line too.
      assert.equal(fixed('各位同志、各位朋友:\n\n今天，我们在这里相聚。'), '各位同志、各位朋友：\n\n今天，我们在这里相聚。');
      assert.equal(fixed('会议强调,'), '会议强调，');
    });

    it('puts a comma after an ordinal opening a sentence (第三、 → 第三，), not in a list of ordinals', () => {
      assert.equal(fixed('第一，要抓创新。第三、要在提升供给水平上下功夫。首先、要加强领导。'), '第一，要抓创新。第三，要在提升供给水平上下功夫。首先，要加强领导。');
      // …or a clause: 首先、 and 第一、 opening a point after a comma.
      assert.equal(fixed('做好住房工作，首先、要大力推进。推动文旅产业“走出去”，第一、要深入挖掘。'), '做好住房工作，首先，要大力推进。推动文旅产业“走出去”，第一，要深入挖掘。');
      assert.equal(fixed('（二）、着力建设韧性城市。\n(3)、加强组织领导。'), '（二）着力建设韧性城市。\n(3)加强组织领导。');
      for (const text of ['推动第一、二、三产业融合发展。', '第一、第二批试点。', '实现了一、二产业联动。', '获得第一、第二名。', '一季度，第一、二产业增长。']) assert.deepEqual(run(text), [], text);
    });

    it('converts a Chinese sentence-final period and list numbers', () => {
      assert.equal(fixed('这是第一句.这是第二句.'), '这是第一句。这是第二句。');
      assert.equal(fixed('一.总体要求'), '一、总体要求');
      assert.equal(fixed('工作正在推进...各方积极参与。'), '工作正在推进……各方积极参与。');
    });

    it('leaves numbers, URLs, English and numbering alone', () => {
      for (const text of [
        '增长3.5%，达到1,234亿元，时间为10:30。',
        '详见www.gov.cn网站，邮箱gov@example.cn。',
        'Shanghai Cooperation Organization (SCO), founded in 2001.',
        '1.加强组织领导。2.强化保障。',
        '第1.2条，GB/T 15834-2011，e.g. U.S.A.',
        '见图1(a)和表2(b)。',
        '函数f(x)的值。',
        '详见 https://例子.中国/政策:解读，或致信 张三@例子.中国。',
      ]) {
        assert.deepEqual(run(text), [], text);
      }
    });

    it('closes a bracket that introduces a short form or an acronym after it (（以下简称《意见》, （CIM平台)', () => {
      assert.equal(fixed('印发的《中共中央国务院关于推动城市高质量发展的意见》（以下简称《意见》对增强城市安全韧性作出部署。'), '印发的《中共中央国务院关于推动城市高质量发展的意见》（以下简称《意见》）对增强城市安全韧性作出部署。');
      assert.equal(fixed('党中央作出的决断（以下简称“两个确立”，意义重大。'), '党中央作出的决断（以下简称“两个确立”），意义重大。');
      // …and one around an acronym that Chinese follows at once.
      assert.equal(fixed('要完善城市信息模型（CIM平台，推动运行。'), '要完善城市信息模型（CIM）平台，推动运行。');
      assert.equal(fixed('强化第五代移动通信网络（5G、千兆光网覆盖。'), '强化第五代移动通信网络（5G）、千兆光网覆盖。');
      // …or a clause mark.
      assert.equal(fixed('做实做强上海合作组织（SCO。'), '做实做强上海合作组织（SCO）。');
      assert.equal(fixed('加入世界贸易组织（WTO，开放水平提高。'), '加入世界贸易组织（WTO），开放水平提高。');
      // Anything else after the acronym leaves the place of the closing mark unknown: flagged only.
      assert.deepEqual(run('加入世界贸易组织（WTO 2001年以后，开放水平提高。').map((f) => f.replacements), [[]]);
    });

    it('turns a comma after the first item of a list into 、 where the items share their last character', () => {
      assert.equal(fixed('推进数字化，网络化、智能化新型城市基础设施建设。'), '推进数字化、网络化、智能化新型城市基础设施建设。');
      // A clause of its own before the comma, or a list its items do not mark as one, stays.
      for (const text of ['近年来，数字化、网络化、智能化加快推进。', '多个非遗集市点亮夜色，青花、玲珑等传统陶瓷亮相。']) assert.deepEqual(run(text), [], text);
    });

    it('parts predicates of 是 in parallel with a comma, not 、 (…的现代化、是… → ，), and leaves 是否, short phrases alone', () => {
      assert.equal(fixed('中国式现代化是人口规模巨大的现代化、是全体人民共同富裕的现代化。'), '中国式现代化是人口规模巨大的现代化，是全体人民共同富裕的现代化。');
      for (const text of ['这是否、是非曲直要分清。', '关键是抓落实、是真抓实干。']) assert.deepEqual(run(text), [], text);
    });

    it('deletes an opening quotation mark that opens nothing before a clause mark (动摇”“，)', () => {
      assert.equal(fixed('要坚持“两个毫不动摇”“，促进民营经济发展壮大。'), '要坚持“两个毫不动摇”，促进民营经济发展壮大。');
      // At a paragraph's end it may open a quotation that goes on in the next one.
      assert.deepEqual(run('他指出：“'), []);
    });

    it('drops the full stop of a quotation that is part of the sentence (“…发展。”的重要论述), not before 的确', () => {
      assert.equal(fixed('学习关于“要推动文旅产业高质量发展。”的重要论述。'), '学习关于“要推动文旅产业高质量发展”的重要论述。');
      assert.deepEqual(run('他说：“好。”的确如此。'), []);
    });

    it('ends a quotation the text goes on after with a full stop, not a semicolon', () => {
      assert.equal(fixed('《决定》提出：“扩大国际人文交流合作；”这些部署意义重大。'), '《决定》提出：“扩大国际人文交流合作。”这些部署意义重大。');
      assert.deepEqual(run('他说：“要团结；”“要合作。”'), []);
    });

    it('closes a lonely 《 before a title that ends in a kind of document at a clause mark, and only there', () => {
      assert.equal(fixed('市政府办公厅已印发《全市城市体检工作方案，各区要对照落实。'), '市政府办公厅已印发《全市城市体检工作方案》，各区要对照落实。');
      // Any other title's end is unknowable: flagged without a fix.
      const other = run('他读了《红楼梦，很喜欢。');
      assert.deepEqual(other.map((f) => [f.text, f.replacements]), [['《', []]]);
    });

    it('converts half-width parentheses and quotes around Chinese text', () => {
      assert.equal(fixed('加大煤层气(煤矿瓦斯)开发利用力度。'), '加大煤层气（煤矿瓦斯）开发利用力度。');
      assert.equal(fixed('坚持"上海精神"不动摇。'), '坚持“上海精神”不动摇。');
      assert.equal(fixed("所谓'小院高墙'。"), '所谓‘小院高墙’。');
      // A quoted term is one slip with one fix; a quoted passage is marked at its two marks.
      assert.deepEqual(run('坚持"上海精神"不动摇。').map((f) => [f.text, f.replacements]), [['"上海精神"', ['“上海精神”']]]);
      assert.deepEqual(run('他说"我们一定要把这件事办好，办扎实"。').map((f) => f.text), ['"', '"']);
      // A pair of mixed widths in a Chinese sentence, whatever it holds (网络(5G）、).
      assert.equal(fixed('细颗粒物（PM2.5)浓度（城市)。'), '细颗粒物（PM2.5）浓度（城市）。');
      assert.equal(fixed('强化第五代移动通信网络(5G）、千兆光网覆盖。'), '强化第五代移动通信网络（5G）、千兆光网覆盖。');
      // Inside a Chinese sentence, whatever they hold (GB/T 15834).
      assert.equal(fixed('完善城市信息模型(CIM)平台，上合组织(SCO)成立于2001年。'), '完善城市信息模型（CIM）平台，上合组织（SCO）成立于2001年。');
    });

    it('fixes one ASCII quotation mark that pairs with a Chinese one (“走走看看")', () => {
      assert.equal(fixed('游客喜欢“走走看看"的旅游方式。'), '游客喜欢“走走看看”的旅游方式。');
      assert.equal(fixed('他说"走走看看”。'), '他说“走走看看”。');
    });

    it('leaves ASCII quotes around English alone, and around Chinese quoted inside English', () => {
      assert.deepEqual(run('他说"hello world"。China\'s growth.'), []);
      assert.deepEqual(run('The "上海精神" spirit guides the SCO; the "[查看原文](url)" link was removed.'), []);
      assert.equal(fixed('"上海精神"是上合组织的灵魂。'), '“上海精神”是上合组织的灵魂。');
      // (At a line's start too; the comma after the closing mark is fixed once the mark is Chinese.)
      assert.equal(fixed('他说：\n"我们没考好,一起自习吧",男孩说。'), '他说：\n“我们没考好，一起自习吧”,男孩说。');
      assert.equal(fixed(fixed('他说：\n"我们没考好,一起自习吧",男孩说。')), '他说：\n“我们没考好，一起自习吧”，男孩说。');
    });
  });

  describe('spaces around Chinese marks, and the full-width full stop', () => {
    it('deletes a space before a mark or after a pause inside a sentence, and turns ． into 。', () => {
      assert.equal(fixed('已成为深受欢迎的国际公共产品 。'), '已成为深受欢迎的国际公共产品。');
      assert.equal(fixed('各方要加强协调配合　，推动合作。'), '各方要加强协调配合，推动合作。');
      assert.equal(fixed('加强协调，  推动合作；  共谋发展。'), '加强协调，推动合作；共谋发展。');
      assert.equal(fixed('要提高城市防灾减灾救灾能力．'), '要提高城市防灾减灾救灾能力。');
      assert.match(run('国际公共产品 。')[0].message, /「。」前不空格/);
      assert.match(run('防灾能力．')[0].message, /不用「．」/);
    });

    it('turns a full stop after a number or per cent ending a Chinese sentence into 。, not a decimal point', () => {
      assert.equal(fixed('中部地区比重超过30%.'), '中部地区比重超过30%。');
      assert.equal(fixed('经费比重为6.91%.'), '经费比重为6.91%。');
      assert.equal(fixed('全年增长了30.下一步要巩固。'), '全年增长了30。下一步要巩固。');
      for (const text of ['价格为3.5元。', '版本号为2.0.1', 'GDP grew 5.2%.']) assert.deepEqual(flagged(text), [], text);
    });

    it('leaves spaces between sentences, indentation, a form’s blanks and full-width decimals alone', () => {
      for (const text of ['推动合作。 下一步要加强协调。', '　　推动合作，共谋发展。', '填表单位：　　　　填表时间：　　年　月　日', '增长１．５个百分点。', 'Hello , world.']) assert.deepEqual(flagged(text), [], text);
    });
  });

  describe('doubled marks', () => {
    it('deletes the extra mark', () => {
      assert.equal(fixed('我们要坚持，，推动发展。。'), '我们要坚持，推动发展。');
      assert.equal(fixed('真的吗？？太好了！！'), '真的吗？太好了！');
      assert.equal(fixed('一是、、二是'), '一是、二是');
      // Marked whole, as repeated words are: which copy is the extra one varies.
      assert.deepEqual(run('协调运行新模式，，让服务更好。').map((f) => [f.text, f.replacements]), [['，，', ['，']]]);
    });

    it('turns three dashes or more into the two of a dash', () => {
      assert.equal(fixed('而是一笔宝贵财富———独特的文旅资源。'), '而是一笔宝贵财富——独特的文旅资源。');
    });

    it('flags a closing quotation mark after the last words before the full stop that no mark of the paragraph opens (…的追求”。)', () => {
      assert.deepEqual(run('同样体现了以系统思维提升治理效能的追求”。').map((f) => f.text), ['”']);
      // A quotation over paragraphs may close at the end of a later one.
      assert.deepEqual(run('推动构建人类命运共同体。”'), []);
    });

    it('turns 。。。 into an ellipsis', () => {
      assert.equal(fixed('工作正在推进。。。各方积极参与。'), '工作正在推进……各方积极参与。');
      assert.deepEqual(run('工作正在推进……各方积极参与。'), []);
    });
  });

  it('deletes a half-width space between characters of a sentence, not in titles, datelines, article numbers, quotations or letter-spaced headings', () => {
    assert.equal(fixed('用好市民服务 热线，让群众满意。'), '用好市民服务热线，让群众满意。');
    for (const text of [
      '第一条 为了规范管理，制定本办法。',
      '新华社北京9月20日电 消费是最终需求。',
      '重 点 任 务 分 工',
      '组织开设“锚定现代化 改革再深化”等栏目。',
      '按照《中共中央 国务院关于深化国有企业改革的指导意见》要求。',
      '推动上海合作组织 行稳致远',
      '司　敏（女）　济南市中心医院。',
    ]) assert.deepEqual(run(text), [], text);
  });

  it('turns the commas of a list of short items closed by 等 into 、 (非遗，文物，文创，美食等), not a clause before two items', () => {
    assert.equal(fixed('围绕非遗，文物，文创，美食等领域打造产品。'), '围绕非遗、文物、文创、美食等领域打造产品。');
    assert.deepEqual(run('报废损失，转让财产损失，坏账损失，自然灾害等不可抗力因素。'), []);
    assert.deepEqual(run('其中，北京等22个地区达标。'), []);
    // The clause before the piece the list begins in is none of its items.
    assert.equal(fixed('深入挖掘文化内涵，围绕非遗，文物，文创，美食等领域打造产品。'), '深入挖掘文化内涵，围绕非遗、文物、文创、美食等领域打造产品。');
  });

  it('turns a comma before the last item of a 、 list closed by 等 into 、 (燃气、桥梁，供水排水等), not one that begins another list or parts actions', () => {
    assert.equal(fixed('基本覆盖燃气、桥梁，供水排水等重点领域。'), '基本覆盖燃气、桥梁、供水排水等重点领域。');
    // The last item a thing by its head (休闲|体验), or items all of one length whatever verb they begin with.
    assert.equal(fixed('结合实际开展文化展示、特色商业，休闲体验等。'), '结合实际开展文化展示、特色商业、休闲体验等。');
    assert.equal(fixed('让养老、托育、就医，购物等需求在家门口就能得到满足。'), '让养老、托育、就医、购物等需求在家门口就能得到满足。');
    // Items of five or six characters, things all (职工技能大赛、雪地足球赛，青年交流营等) — not pieces of one
    // length that are clauses (防聋治聋工作，加强对麻风病等).
    assert.equal(fixed('职工技能大赛、雪地足球赛，青年交流营等系列活动成功举办。'), '职工技能大赛、雪地足球赛、青年交流营等系列活动成功举办。');
    for (const text of ['开展防盲治盲、防聋治聋工作，加强对麻风病等传染病的防控。', '（农业农村部、科技部牵头，国家林草局等按职责分工负责）', '完善电子商务与快递物流数据保护、开放共享规则，建立数据中断等风险评估制度。']) assert.deepEqual(run(text), [], text);
    for (const text of ['保证药品及时生产、配送，医疗机构等采购方要及时结算货款。', '积极适用国际条约、国际惯例，平等保护各方当事人合法权益。', '自然灾害主要包括干旱、洪涝灾害，台风、风雹等气象灾害。', '点亮夜色，青花、玲珑等传统陶瓷。', '坚持优者上、庸者下、劣者汰，对巡视等工作中发现的问题。', '进行科学预测、综合研判，确定风险等级并制定预案。']) {
      assert.deepEqual(run(text), [], text);
    }
  });

  it('moves the full stop of a quotation that is part of the writer’s sentence outside it (要“…更有作为。”各成员国 → ”。), not after a colon', () => {
    assert.equal(fixed('上合组织要“看准方向、坚定信心，高效行动、更有作为。”各成员国应当携手。'), '上合组织要“看准方向、坚定信心，高效行动、更有作为”。各成员国应当携手。');
    assert.equal(fixed('创造“宜业、宜居、宜乐、宜游的良好城市环境。”'), '创造“宜业、宜居、宜乐、宜游的良好城市环境”。');
    for (const text of ['习近平主席强调：“要更有作为。”各成员国应当携手。', '“要更有作为。”各成员国应当携手。', '他说：“好。”我们走。']) assert.deepEqual(run(text), [], text);
    // After a verb of saying the quoted sentence lacks its colon.
    assert.equal(fixed('习近平总书记指出“加快推进韧性城市建设。”会议提出：“要建设。”'), '习近平总书记指出：“加快推进韧性城市建设。”会议提出：“要建设。”');
    assert.equal(fixed('主席郑重宣示“我愿提出全球治理倡议，同各国一道。”这段论述。'), '主席郑重宣示：“我愿提出全球治理倡议，同各国一道。”这段论述。');
    assert.equal(fixed('习近平总书记强调“加快推进韧性城市建设。”会议提出：“要建设。”'), '习近平总书记强调“加快推进韧性城市建设”。会议提出：“要建设。”');
    // 强调 and 提出 before a quoted sentence of clauses: its colon is missing (another quotation may follow).
    assert.equal(fixed('习近平总书记强调“加快推进韧性城市建设，提高防灾减灾救灾能力。”会议提出：“要建设。”'), '习近平总书记强调：“加快推进韧性城市建设，提高防灾减灾救灾能力。”会议提出：“要建设。”');
    assert.equal(fixed('主席强调“安全是发展的前提，平安是幸福的生命线。”“没有安全，就谈不上发展。”'), '主席强调：“安全是发展的前提，平安是幸福的生命线。”“没有安全，就谈不上发展。”');
    assert.deepEqual(run('上合组织要“看准方向。”“坚定信心。”'), []);
    // Opened after a comma of the writer's sentence, not after a verb of saying and its comma (its colon is
    // missing: see below), nor a quotation of sentences.
    assert.equal(fixed('当今世界，“时代潮流没有变，全球治理走到新的十字路口。”'), '当今世界，“时代潮流没有变，全球治理走到新的十字路口”。');
    assert.equal(fixed('习近平指出，“消费日益成为拉动经济增长的基础性力量。”'), '习近平指出：“消费日益成为拉动经济增长的基础性力量。”');
    assert.deepEqual(run('当今世界，“和平是前提。发展是关键。”'), []);
  });

  it('deletes one of two full stops inside and outside a closing quotation mark: the inner in the writer’s sentence, the outer after a colon', () => {
    assert.equal(fixed('其中之一就是“着力建设安全可靠的韧性城市。”。建设'), '其中之一就是“着力建设安全可靠的韧性城市”。建设');
    assert.equal(fixed('总书记强调：“加快推进韧性城市建设。”。会议'), '总书记强调：“加快推进韧性城市建设。”会议');
  });

  it('keeps the full stop inside a quoted saying of clauses named before a colon (引用谚语：“…，…繁荣。”)', () => {
    assert.equal(fixed('习近平主席曾引用乌兹别克斯坦谚语：“有了和平，国家才能兴旺；有了雨露，大地才能繁荣”。关于安全'), '习近平主席曾引用乌兹别克斯坦谚语：“有了和平，国家才能兴旺；有了雨露，大地才能繁荣。”关于安全');
  });

  it('reads A不A of two characters as a question (这项工作重要不重要？)', () => {
    assert.deepEqual(run('这项工作重要不重要？紧迫不紧迫？紧迫！'), []);
  });

  it('deletes a full stop or pause ending a title inside its marks (《天津宣言。》), not a question mark', () => {
    assert.equal(fixed('共同签署并发表《天津宣言。》，批准了文件。'), '共同签署并发表《天津宣言》，批准了文件。');
    assert.equal(fixed('学习《关于推动城市高质量发展的意见，》精神。'), '学习《关于推动城市高质量发展的意见》精神。');
    assert.deepEqual(run('他写了《我们为什么出发？》一文。'), []);
  });

  it('turns the second of two 《 around a title before a clause mark into 》 (发表《天津宣言《， → 》)', () => {
    assert.equal(fixed('峰会将发表《天津宣言《，批准《上合组织未来10年发展战略》。'), '峰会将发表《天津宣言》，批准《上合组织未来10年发展战略》。');
    assert.equal(run('峰会将发表《天津宣言《，批准文件。').length, 1);
    // Inside a pair, right before its closing mark (found by the fuzz test: the first 《 was closed
    // after 意见 and the second reported again, lonely).
    const note = '印发的《意见》（以下简称《意见《），对增强城市安全韧性作出部署。';
    assert.equal(fixed(note), '印发的《意见》（以下简称《意见》），对增强城市安全韧性作出部署。');
    assert.equal(run(note).length, 1);
    assert.deepEqual(run('他说（见《天津宣言》《上合组织未来10年发展战略》），很好。'), []);
  });

  it('turns a comma ending a paragraph before a blank line or the end into a full stop, not one before a line that may go on', () => {
    assert.equal(fixed('让人民群众在城市生活得更方便、更舒心、更美好，\n\n下一段写别的事情。'), '让人民群众在城市生活得更方便、更舒心、更美好。\n\n下一段写别的事情。');
    assert.equal(fixed('第一段已经写完了。\r\n\r\n最后一段以逗号结束了，\r\n'), '第一段已经写完了。\r\n\r\n最后一段以逗号结束了。\r\n');
    // (A line followed by another may be wrapped by hand; a short greeting is no sentence.)
    for (const text of ['（一）建立健全法规制度。完善工业互联网规则体系，\n细化工业互联网网络安全制度。', '同志们，\n\n今天我们开会。']) assert.deepEqual(run(text), [], text);
  });

  it('turns a question mark closing a sentence that asks nothing into a full stop (具有重要作用？ → 。), not a question', () => {
    assert.equal(fixed('文旅产业在促进人文交流等方面具有重要作用？习近平总书记强调，要做好工作。'), '文旅产业在促进人文交流等方面具有重要作用。习近平总书记强调，要做好工作。');
    for (const text of ['有朋自远方来，不亦乐乎？', '这难道不是最好的证明？', '在粤港澳大湾区，协同创新的速度能有多快？', '我们要问：发展为了谁？', '是不是应该进一步加强合作？', '这不正是“上海精神”的生动体现？', '城市发展的目的是什么？', '真的吗？']) {
      assert.deepEqual(run(text), [], text);
    }
  });

  it('turns a semicolon ending a paragraph that is no list item into a full stop, not one ending an item of a list over paragraphs', () => {
    assert.equal(fixed('谋的是人民福祉，为的是共同繁荣；\n学习领会这些重要论述。'), '谋的是人民福祉，为的是共同繁荣。\n学习领会这些重要论述。');
    assert.equal(fixed('一是让城市更宜居，促进职住平衡;\n二是让城市更具韧性。'), '一是让城市更宜居，促进职住平衡。\n二是让城市更具韧性。');
    // (A closing mark after it: the quoted sentence ends there too.)
    assert.equal(fixed('他说：“要共同繁荣；”'), '他说：“要共同繁荣。”');
    for (const text of [
      '有下列情形之一的，依法追究责任：\n政府债务资金没有依法用于公益性资本支出；\n政府及其部门恶意逃废债务；\n债务风险发生后隐瞒不报。',
      '（一）学习贯彻落实党的路线方针政策；\n（二）研究讨论贯彻执行措施。',
      '1.加强组织领导；\n2.强化督促检查。',
      '修改为：\n“（一）弘扬社会主义核心价值观；\n“（二）坚持依法治国。”',
      '——绿色智慧节能低碳的生产生活方式；',
    ]) {
      assert.deepEqual(run(text), [], text);
    }
  });

  it('moves inside the full stop of a whole sentence of clauses quoted after a verb of saying and a colon (强调：“…，…”。 → 。”), not of a phrase', () => {
    assert.equal(fixed('主席强调：“时代潮流没有变，全球治理走到新的十字路口”。越是风高浪急，越要同舟共济。'), '主席强调：“时代潮流没有变，全球治理走到新的十字路口。”越是风高浪急，越要同舟共济。');
    for (const text of ['他说：“好”。', '报告指出：“要发展”。', '第一项修改为：“（一）贯彻落实党的路线方针政策，适应改革的需要”。', '他指出：“甲，乙‘丙’”。']) assert.deepEqual(run(text), [], text);
  });

  it('closes a single mark inside a quotation that a double one was typed for (秉持‘上海精神”，…。” → ’)', () => {
    assert.equal(fixed('他指出：“始终秉持‘上海精神”，巩固团结互信，深化务实合作。”'), '他指出：“始终秉持‘上海精神’，巩固团结互信，深化务实合作。”');
    assert.deepEqual(run('他说：“‘好’。”'), []);
  });

  it('deletes the full stop of a quotation that is the object of a preposition inside the sentence (把“…城市。”列为 → 城市”列为)', () => {
    assert.equal(fixed('会议把“着力建设安全可靠的韧性城市。”列为重点任务之一。'), '会议把“着力建设安全可靠的韧性城市”列为重点任务之一。');
    assert.equal(fixed('要以“上海精神。”为指引。'), '要以“上海精神”为指引。');
    // (A word ending in such a character is no preposition: 认为 is a verb of saying, 所以 a conjunction.)
    assert.equal(fixed('会议认为“要建设韧性城市。”各地要落实。'), '会议认为：“要建设韧性城市。”各地要落实。');
  });

  it('turns double quotation marks inside a quotation into single ones (指出：“…践行“上海精神”而…。” → ‘上海精神’), only where the marks pair up so', () => {
    assert.equal(fixed('习近平主席指出：“我们践行“上海精神”而取得成功。”'), '习近平主席指出：“我们践行‘上海精神’而取得成功。”');
    for (const text of ['“一网通办”“一网统管”“一网通享”', '他说：“我们践行‘上海精神’。”']) assert.deepEqual(run(text), [], text);
    // (Marks that do not pair up so are another check's: no single marks are proposed.)
    assert.ok(!run('他说“好“坏”').some((f) => f.replacements.some((r) => r.includes('‘'))));
  });

  it('turns less-than and greater-than signs around a Chinese title into book-title marks (<意见>提出 → 《意见》提出), not signs of a comparison or an address', () => {
    assert.equal(fixed('<意见>提出，推动构建新模式。'), '《意见》提出，推动构建新模式。');
    assert.equal(fixed('根据＜中华人民共和国宪法＞制定本法。'), '根据《中华人民共和国宪法》制定本法。');
    // Doubled signs for one mark, the 》 after << no lonely mark of its own.
    assert.equal(fixed('从商签<<上海合作组织贸易便利化协定》，到发表声明。'), '从商签《上海合作组织贸易便利化协定》，到发表声明。');
    assert.equal(fixed('批准<<上合组织未来10年发展战略>>。'), '批准《上合组织未来10年发展战略》。');
    for (const text of ['当x<5且y>3时成立。', '详见<https://example.com>网站。', '如果甲<乙，且丙>丁，则成立。', '根据《国务院关于印发<生态文明体制改革总体方案>的通知》要求。']) assert.deepEqual(run(text), [], text);
  });

  it('deletes the full stop of a quotation the sentence goes on after with a pause (社区。”，并要求)', () => {
    assert.equal(fixed('明确提出“加快建设完整社区。”，并要求完善服务。'), '明确提出“加快建设完整社区”，并要求完善服务。');
    assert.deepEqual(run('他说：“好。”我们走。'), []);
  });

  it('stays linear on one long paragraph of spaced characters or of characters without a mark (quadratic looks would never end)', function () {
    this.timeout(20000);
    const spaced = '推动 发展'.repeat(80000) + '。';
    assert.equal(run(spaced).length, 80000);
    const longRun = '推动高质量发展建设韧性城市'.repeat(30000) + '，文物，文创，美食等领域。';
    assert.equal(run(longRun).length, 3);
  });

  it('gives UTF-16 offsets around astral characters and across CRLF paragraphs', () => {
    const text = '第一段𠮷,𠮷好。\r\n𠮷以“上海精神为指引。\r\n';
    const f = run(text);
    assert.deepEqual(
      f.map((x) => [x.text, x.start]),
      [
        [',', 5],
        ['“', text.indexOf('“')],
      ],
    );
    assert.equal(applyFirst(text, f), '第一段𠮷，𠮷好。\r\n𠮷以“上海精神为指引。\r\n');
  });
});

describe('rule punctuation: lists, quoted sentences and spans of years', () => {
  it('turns a comma among the 、 of items with one frame into 、 (全球发展倡议、全球安全倡议，全球文明倡议), not clauses or slogans', () => {
    assert.equal(fixed('践行全球发展倡议、全球安全倡议，全球文明倡议，携手前行。'), '践行全球发展倡议、全球安全倡议、全球文明倡议，携手前行。');
    assert.equal(fixed('依照第二款，第三款、第四款的规定。'), '依照第二款、第三款、第四款的规定。');
    // (Verb phrases sharing an end only, the same item twice, items of other lengths: no list of one frame.)
    for (const text of ['依靠群众、引领群众，深入群众。', '谁主管、谁监管，谁主管。', '全球发展倡议、全球安全倡议，全球文明新倡议。']) assert.deepEqual(run(text), [], text);
  });

  it('drops a pause mark ending a quotation run into the sentence before 的 (…不要霸权，”的时代强音)', () => {
    assert.equal(fixed('发出“要和平不要战争、要公正不要霸权，”的时代强音。'), '发出“要和平不要战争、要公正不要霸权”的时代强音。');
    for (const text of ['他说：“我们要合作，”并强调要落实。', '发出“要和平不要战争”的时代强音。']) assert.deepEqual(run(text), [], text);
  });

  it('turns a comma among figures of one unit parted by 、 into 、 (3000亿，4000亿、5000亿), not figures of clauses', () => {
    assert.equal(fixed('贸易额突破3000亿，4000亿、5000亿美元。'), '贸易额突破3000亿、4000亿、5000亿美元。');
    assert.equal(fixed('分别增长12.5%、13.5%，14%。'), '分别增长12.5%、13.5%、14%。');
    // (Figures of other units, or words between them, or the same figure twice: clauses.)
    for (const text of ['去年增长5%，今年8%、明年10%。', '投资300亿，4000人、500家企业参与。', '突破3000亿、4000亿、5000亿美元。', '1.5万，1.5万、2万元不等。']) assert.deepEqual(run(text), [], text);
  });

  it('gives a whole sentence quoted after a verb of saying and a comma its colon (指出，“…。” → 指出：“…。”)', () => {
    assert.equal(fixed('主席指出，“和平、发展的时代潮流没有变，全球治理走到新的十字路口。”2024年，各方'), '主席指出：“和平、发展的时代潮流没有变，全球治理走到新的十字路口。”2024年，各方');
    // (A quotation of sentences, and the quotation run into the sentence, 指出，“…”。, stand.)
    for (const text of ['他指出，“要增强消费能力。要改善消费条件。”各地', '他指出，“要增强消费能力，改善消费条件”。各地']) assert.deepEqual(run(text), [], text);
    // (正如…所指出的，“…。”: what was said, quoted whole, is written both ways.)
    assert.deepEqual(run('正如习近平主席所指出的，“上海合作组织成为推动构建新型国际关系的重要力量。”'), []);
  });

  it('moves the full stop of a quotation that makes the whole sentence inside (。“…目标。…推陈出新”。 → 推陈出新。”)', () => {
    assert.equal(fixed('惠及各方。“实现现代化是共同目标。中方建议聚焦发展动能推陈出新”。习近平主席'), '惠及各方。“实现现代化是共同目标。中方建议聚焦发展动能推陈出新。”习近平主席');
    assert.equal(fixed('“各方要团结协作，共同应对挑战”。'), '“各方要团结协作，共同应对挑战。”');
    // (A heading quoting a term, a quotation inside the sentence, one short phrase: no sentence of its own.)
    for (const text of ['“一带一路”。', '他说，要“团结协作，共同应对挑战”。', '要坚持“共商共建共享”。']) assert.deepEqual(run(text), [], text);
  });

  it('joins a span of years with the dash (2021-2025年 → 2021—2025年), not a date or a reversed pair', () => {
    assert.equal(fixed('在2021-2025年的“十四五”时期。'), '在2021—2025年的“十四五”时期。');
    assert.equal(fixed('《规划（2016–2020年）》'), '《规划（2016—2020年）》');
    // (Nor the full-width hyphen some publishers set for the dash: 2018－2022年.)
    for (const text of ['2025-11-27发布。', '编号2025-2021年度。', '2021—2025年。', '工程（2018－2022年）。']) assert.deepEqual(run(text), [], text);
  });

  it('leaves a span of years as the sources write it, hyphen first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-years-'));
    await writeFile(join(dir, 'a.txt'), '实施《纲要（2021-2025年）》，落实《规划（2016-2020年）》。');
    const theirs = await new Indexer({ folders: [dir], includeSeeds: false, maxFileSize: 1e6 }).rebuild();
    assert.deepEqual(runRule(punctuationRule, '在2021-2025年期间。', theirs), []);
  });
});

describe('rule punctuation with the bundled seeds', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });
  it('turns a comma into the 、 of a list the sources write with 、 (团结互信，安危共担、互利共赢)', () => {
    const text = '把上合组织打造成团结互信，安危共担、互利共赢、包容互鉴的典范。';
    assert.equal(applyFirst(text, runRule(punctuationRule, text, index)), '把上合组织打造成团结互信、安危共担、互利共赢、包容互鉴的典范。');
    // A list the sources do not write is left to the list check (items of one length and last character).
    assert.deepEqual(runRule(punctuationRule, '要坚持团结协作，互利共赢、包容互鉴。', index), []);
  });

  it('turns a half-width comma into the 、 the sources write between the same words (26国参与,在50多个领域 → 、)', () => {
    const text = '已经成为26国参与,在50多个领域开展合作的平台。';
    assert.equal(applyFirst(text, runRule(punctuationRule, text, index)), '已经成为26国参与、在50多个领域开展合作的平台。');
    // (Elsewhere the full-width comma.)
    assert.equal(applyFirst('各方积极参与,共同推进。', runRule(punctuationRule, '各方积极参与,共同推进。', index)), '各方积极参与，共同推进。');
  });

  it('writes a quotation of the sources as they do: run into the sentence or after a colon (宣布“…基础。” → 基础”。; 强调“…能力。” → 强调：)', () => {
    const fix = (text: string) => applyFirst(text, runRule(punctuationRule, text, index));
    // The sources run this one into their sentence: its full stop goes outside, though 宣布 takes a colon elsewhere.
    assert.equal(fix('习近平主席宣布“全方位开展友好交往和人文交流，筑牢本组织发展的社会民意基础。”埃及'), '习近平主席宣布“全方位开展友好交往和人文交流，筑牢本组织发展的社会民意基础”。埃及');
    // …and quote this one after a colon.
    assert.equal(fix('习近平总书记强调“加快推进韧性城市建设，提高防灾减灾救灾能力。”会议'), '习近平总书记强调：“加快推进韧性城市建设，提高防灾减灾救灾能力。”会议');
    // A quotation the sources close without a full stop of its own keeps the draft's outside.
    assert.deepEqual(runRule(punctuationRule, '习近平主席强调：“我们要促进发展战略对接，本着共商共建共享原则，推进‘一带一路’建设，加快地区贸易便利化进程”。', index), []);
    // …also where a word of it was changed (the quote rule's to report): its last words end a quotation of theirs.
    assert.deepEqual(runRule(punctuationRule, '习近平总书记强调：“文化产业和旅游产业密不可分，要坚持以文塑旅、以旅彰文，推动文化和旅游协调发展，让人们在领略自然之美中感悟文化之美、陶冶心灵之美”。', index), []);
    // Without the sources the verb decides.
    assert.equal(fixed('习近平主席宣布“全方位开展友好交往和人文交流，筑牢本组织发展的社会民意基础。”埃及'), '习近平主席宣布：“全方位开展友好交往和人文交流，筑牢本组织发展的社会民意基础。”埃及');
  });

  it('gives a title the sources put in book-title marks and never quote its marks (“决定”提出 → 《决定》), not a quoted name', () => {
    const fix = (text: string) => applyFirst(text, runRule(punctuationRule, text, index));
    assert.equal(fix('党的二十届三中全会“决定”提出要扩大交流。'), '党的二十届三中全会《决定》提出要扩大交流。');
    assert.deepEqual(runRule(punctuationRule, '推动“上海精神”焕发光彩。', index), []);
  });

  it('joins the steps of a chain the sources write with dashes as they do (监测-研判-预警-处置 → —), not another chain', () => {
    const fix = (text: string) => applyFirst(text, runRule(punctuationRule, text, index));
    assert.equal(fix('建立监测-研判-预警-处置闭环流程。'), '建立监测—研判—预警—处置闭环流程。');
    assert.deepEqual(runRule(punctuationRule, '京-津-冀协同发展。', index), []);
    // (A hyphen among their dashes too.)
    assert.equal(fix('建立“监测-研判—预警—处置”闭环流程。'), '建立“监测—研判—预警—处置”闭环流程。');
  });

  it('closes a title of the sources where they close it (《…高质量发展》的意见 → 发展的意见》), not a title of the draft\'s', () => {
    const fix = (text: string) => applyFirst(text, runRule(punctuationRule, text, index));
    assert.equal(fix('《中共中央国务院关于推动城市高质量发展》的意见提出。'), '《中共中央国务院关于推动城市高质量发展的意见》提出。');
    for (const text of ['《天津宣言》的发表。', '《城市高质量发展》的意见。']) assert.deepEqual(runRule(punctuationRule, text, index), [], text);
  });

  it('quotes a name the sources quote and never title (《光盘行动》 → “光盘行动”), not a title or a short form', () => {
    const fix = (text: string) => applyFirst(text, runRule(punctuationRule, text, index));
    assert.equal(fix('持续推进《光盘行动》，深入推进垃圾分类。'), '持续推进“光盘行动”，深入推进垃圾分类。');
    for (const text of ['各方通过《天津宣言》。', '落实《意见》要求。', '陶希东在《着力建设安全可靠的韧性城市》一文中指出。']) assert.deepEqual(runRule(punctuationRule, text, index), [], text);
  });

  it('turns a comma before the last item of a list the sources write with 、 into 、 (安全、经济，人文合作 → 、)', () => {
    const fix = (text: string) => applyFirst(text, runRule(punctuationRule, text, index));
    assert.equal(fix('通过关于加强安全、经济，人文合作的文件。'), '通过关于加强安全、经济、人文合作的文件。');
    assert.deepEqual(runRule(punctuationRule, '加强安全、经济，文化合作。', index), []);
  });

  it('closes a lonely opening mark after a name the sources quote or title so', () => {
    for (const [text, right] of [
      ['以“上海精神为指引，推动构建“上海合作组织命运共同体”。', '以“上海精神”为指引，推动构建“上海合作组织命运共同体”。'],
      ['各方通过《天津宣言，批准《上海合作组织未来10年发展战略》。', '各方通过《天津宣言》，批准《上海合作组织未来10年发展战略》。'],
    ]) {
      assert.equal(applyFirst(text, runRule(punctuationRule, text, index)), right);
    }
    // Without such a name, where the mark closes is left to the writer.
    const text = '以“我们的精神为指引，推动构建“上海合作组织命运共同体”。';
    assert.deepEqual(runRule(punctuationRule, text, index).map((f) => [f.start, f.replacements]), [[1, []]]);
  });
});
