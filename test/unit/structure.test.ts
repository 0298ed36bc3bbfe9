import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledSeedsDir } from '../../server/src/core/sources/loader';
import { reflow } from '../../server/src/core/sources/reflow';
import { buildSourceText, offsetToLineCol } from '../../server/src/core/sources/sourceText';
import { isAuthorLine, splitArticles, splitSentences } from '../../server/src/core/sources/structure';
import type { Article } from '../../server/src/core/types';

const seedText = (name: string) => reflow(fs.readFileSync(path.join(bundledSeedsDir(), name), 'utf8')).text;

/** Ranges nest (article ⊇ paragraph ⊇ sentence), keep order, and sentence texts match. */
function checkRanges(text: string, articles: Article[]): void {
  let prevEnd = 0;
  for (const a of articles) {
    assert.ok(a.start >= prevEnd && a.end > a.start && a.end <= text.length, `article ${a.title}`);
    prevEnd = a.end;
    let at = a.start;
    for (const p of a.paragraphs) {
      assert.ok(p.start >= at && p.end <= a.end && p.end > p.start);
      assert.ok(!text.slice(p.start, p.end).includes('\n'), 'a paragraph is one line');
      at = p.end;
      let s0 = p.start;
      for (const s of p.sentences) {
        assert.ok(s.start >= s0 && s.end <= p.end);
        assert.equal(s.text, text.slice(s.start, s.end));
        assert.equal(s.text, s.text.trim());
        s0 = s.end;
      }
      assert.ok(p.sentences.length > 0);
    }
  }
}

describe('splitSentences', () => {
  it('splits after end marks, keeping closing quotes and brackets', () => {
    const para = '他说：“好。”然后走了！真的吗？！是……（完。）还有；分号不断句';
    assert.deepEqual(
      splitSentences(para, 100).map((s) => s.text),
      ['他说：“好。”', '然后走了！', '真的吗？！', '是……', '（完。）', '还有；分号不断句'],
    );
    const [first, second] = splitSentences(para, 100);
    assert.deepEqual([first.start, first.end, second.start], [100, 107, 107]);
  });

  it('trims spaces between sentences and handles astral characters', () => {
    assert.deepEqual(
      splitSentences('𠮷野家。 第二句。　', 0).map((s) => [s.text, s.start, s.end]),
      [['𠮷野家。', 0, 5], ['第二句。', 6, 10]],
    );
    assert.deepEqual(splitSentences('', 0), []);
  });
});

describe('isAuthorLine', () => {
  it('accepts bylines and rejects short headings', () => {
    for (const yes of ['吴志成', '李佳威', '本报记者 张三 李四', '本报评论员', '欧阳明华', '新华社记者　王五']) assert.ok(isAuthorLine(yes), yes);
    for (const no of ['总体要求', '基本原则', '弘扬“上海精神” 携手迈向人类命运共同体', '上合组织', '三、主要任务']) assert.ok(!isAuthorLine(no), no);
  });
});

describe('splitArticles', () => {
  describe('seed 000 (newspaper columns)', () => {
    const text = seedText('000_429de8ef6581d5a8.txt');
    const articles = splitArticles(text);

    it('finds the two continued articles with markers and datelines', () => {
      checkRanges(text, articles);
      assert.equal(articles.length, 2);
      for (const a of articles) {
        assert.deepEqual(a.markers, ['（上接第一版）']);
        assert.equal(a.dateline, '（新华社北京8月28日电）');
      }
      // The jump headline printed after the columns titles the article continued from page one.
      assert.equal(articles[0].title, '习近平推动“上海精神”焕发时代光彩');
      assert.ok(text.slice(articles[0].paragraphs[0].start).startsWith('举世瞩目中，习近平主席的讲话'));
      assert.ok(text.slice(articles[1].paragraphs[0].start).startsWith('（三）提高中小城市和县城承载能力。'));
      const last = articles[1].paragraphs[articles[1].paragraphs.length - 1];
      assert.ok(text.slice(last.start, last.end).endsWith('向党中央、国务院请示报告。'));
    });

    it('keeps section headings as paragraphs of their article', () => {
      const paras = articles[0].paragraphs.map((p) => text.slice(p.start, p.end));
      assert.ok(paras.includes('健全安全机制，共护和平安宁——'));
      assert.ok(paras.includes('（三）“担当时代使命，做构建人类命运共同体的笃行者”'));
    });
  });

  describe('seed 001 (one paragraph per line)', () => {
    const text = seedText('001_3eab038d21c3af15.txt');
    const articles = splitArticles(text);

    it('finds the three signed articles', () => {
      checkRanges(text, articles);
      assert.deepEqual(
        articles.map((a) => [a.title, a.author]),
        [
          ['弘扬“上海精神” 携手迈向人类命运共同体', '吴志成'],
          ['助力扩大国际人文交流合作 积极推动文旅产业“走出去”', '李佳威'],
          ['着力建设安全可靠的韧性城市', '陶希东'],
        ],
      );
      const paras = articles[0].paragraphs.map((p) => text.slice(p.start, p.end));
      assert.ok(paras.includes('“上海精神”具有超越时空、历久弥新的持久生命力'));
      assert.ok(!paras.includes('吴志成'));
    });
  });

  it('includes the acceptance titles across both seeds', () => {
    const titles = ['000_429de8ef6581d5a8.txt', '001_3eab038d21c3af15.txt'].flatMap((f) => splitArticles(seedText(f)).map((a) => a.title));
    for (const t of ['弘扬“上海精神” 携手迈向人类命运共同体', '着力建设安全可靠的韧性城市', '助力扩大国际人文交流合作 积极推动文旅产业“走出去”']) {
      assert.ok(titles.includes(t), t);
    }
  });

  it('treats a document without headings as one article titled by its first line', () => {
    const text = '关于加强安全生产工作的通知\n各地区、各部门：\n现将有关事项通知如下。\n一、总体要求\n坚持安全第一。';
    const articles = splitArticles(text);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].title, '关于加强安全生产工作的通知');
    assert.equal(articles[0].paragraphs.length, 4);
    checkRanges(text, articles);
    const plain = splitArticles('为了做好工作，现通知如下。\n第二段。');
    assert.equal(plain.length, 1);
    assert.equal(plain[0].title, '为了做好工作，现通知如下');
  });

  it('reads bylines, leading datelines and a two-line title', () => {
    const text = [
      '春天的故事',
      '本报记者 张三 李四',
      '春天的正文。',
      '引题在这里',
      '秋天的主标题',
      '本报北京8月28日电（记者王五）今天开会。会议很成功。',
      '（下转第二版）',
      '没有标题的正文。',
    ].join('\n');
    const articles = splitArticles(text);
    checkRanges(text, articles);
    assert.deepEqual(
      articles.map((a) => ({ title: a.title, author: a.author, dateline: a.dateline, markers: a.markers, n: a.paragraphs.length })),
      [
        { title: '春天的故事', author: '本报记者 张三 李四', dateline: undefined, markers: [], n: 1 },
        { title: '引题在这里 秋天的主标题', author: '记者王五', dateline: '本报北京8月28日电', markers: ['（下转第二版）'], n: 1 },
        { title: '没有标题的正文', author: undefined, dateline: undefined, markers: [], n: 1 },
      ],
    );
    assert.equal(text.slice(articles[1].paragraphs[0].start, articles[1].paragraphs[0].end), '今天开会。会议很成功。');
  });

  it('keeps positions right with CRLF and astral characters', () => {
    const original = '𠮷野家的故事\r\n\r\n吴志成\r\n\r\n　　𠮷字开头的正文。第二句话。\r\n';
    const source = buildSourceText({ path: '/s.txt', hash: 'h', text: original, encoding: 'utf-8' });
    const [article] = splitArticles(source.text);
    assert.equal(article.title, '𠮷野家的故事');
    assert.equal(article.author, '吴志成');
    const second = article.paragraphs[0].sentences[1];
    assert.equal(second.text, '第二句话。');
    assert.deepEqual(offsetToLineCol(original, source.map.toOriginal(second.start)), { line: 4, character: 11 });
    assert.equal(original.slice(source.map.toOriginal(second.start), source.map.toOriginal(second.end - 1) + 1), '第二句话。');
  });
});
