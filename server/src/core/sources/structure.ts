// Splits reflowed source text (one paragraph per line) into articles, paragraphs and sentences.
//
// An article starts
// - at the start of the text,
// - at a title: one or two short heading lines (no sentence punctuation, not numbered) followed
//   by an author line (吴志成, 本报记者 张三 李四) or by a paragraph opening with a dateline
//   (本报北京8月28日电…),
// - after an article was closed by a closing dateline （新华社北京8月28日电）, （完） or a
//   （下转第二版） marker,
// - at a （上接第一版） marker once the current article has body text.
// Titles, author lines, datelines and markers are recorded on the article and left out of its
// paragraphs. An article without a title line takes the first sentence of its body as title,
// except that a title left alone at the end of the text (a newspaper jump headline placed after
// the columns) is given to the first untitled article continued from another page.
//
// Sentences end after 。！？!? or an ellipsis (……), together with any further end marks and
// closing quotes or brackets (”’」』）》). Semicolons do not end sentences: in Chinese official
// prose they separate parallel clauses of one sentence, and quotations often span them.
import type { Article, Paragraph, Sentence } from '../types';
import { endsSentence, isSpace, isSpaceCode } from './reflow';
import { charClass, trimEndWhere } from '../text/trim';

const CLOSING_MARK = charClass('”’」』）)》');
const SENTENCE_END_MARK = charClass('。！？!?…');

interface Para {
  start: number;
  end: number;
  text: string;
}

interface Draft extends Article {
  /** The title came from a heading line (not the first sentence). */
  headed: boolean;
  /** Started with a （上接…） marker. */
  continued: boolean;
}

const NUM = '[一二三四五六七八九十百零〇\\d]';
const MARKER = `[（(](?:上接|下转|紧接|接|转)第?${NUM}{1,3}版[）)]`;
const AGENCY = '(?:新华社|本报|中新社|中国新闻社|人民网|新华网|央视网|光明网|[\\u4e00-\\u9fff]{1,6}(?:日报|晚报|社|网|台))';
const DATE_CORE = `[\\u4e00-\\u9fff]{0,14}\\d{1,2}月\\d{1,2}日[电讯]`;

const WHOLE_MARKER = new RegExp(`^${MARKER}$`);
const LEADING_MARKER = new RegExp(`^${MARKER}\\s*`);
const TRAILING_MARKER = new RegExp(`\\s*${MARKER}$`);
/** （新华社北京8月28日电） or （完） on its own: closes an article that has body text. */
const CLOSING_DATELINE = new RegExp(`^[（(](?:${DATE_CORE}|完)[）)]$`);
/** （完）: closes an article but is no dateline. */
const END_MARK = /^[（(]完[）)]$/;
/** 新华社北京8月28日电 on its own line. */
const BARE_DATELINE = new RegExp(`^${DATE_CORE}$`);
/** A body paragraph opening with a dateline, optionally with the reporters: 本报北京8月28日电（记者 张三）. */
const LEADING_DATELINE = new RegExp(`^((?:${AGENCY}${DATE_CORE}|本报讯))(?:\\s*[（(]((?:本报|新华社)?记者[^）)]{1,40})[）)])?[\\s　]*`);
/** A closing dateline at the end of the last body paragraph: …请示报告。 （新华社北京8月28日电） */
const TRAILING_DATELINE = new RegExp(`(?<=[。！？!?…”’）)]|^)\\s*([（(](?:${AGENCY}?${DATE_CORE}|完)[）)])$`);
const NUMBERED = new RegExp(`^(?:[（(]${NUM}{1,4}[）)]|[一二三四五六七八九十百]{1,3}[、．.]|\\d{1,3}[、．.]|第${NUM}{1,5}[章节条款部分篇])`);

// Common Chinese surnames, to tell a name line (吴志成) from a short heading.
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉仝区郜海阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '轩辕', '独孤', '南宫', '西门', '澹台'];
const ROLE = '(?:本报|新华社|人民日报|光明日报|经济日报|中新社|央视)?(?:特约|特派)?(?:记者|通讯员|评论员)';
const HAN_NAME = '[\\u4e00-\\u9fff]{2,4}(?:·[\\u4e00-\\u9fff]{1,8})?';
const AUTHOR_LINE = new RegExp(`^(${ROLE}|作者[:：]|文[/／])?[\\s　]*(${HAN_NAME}(?:[\\s　、，,]+${HAN_NAME})*)?$`);

function isPersonalName(name: string): boolean {
  const base = name.split('·')[0];
  if (name.includes('·')) return true;
  if (COMPOUND_SURNAMES.some((s) => base.startsWith(s))) return base.length >= 3;
  return SURNAMES.has(base[0]) && base.length <= 3;
}

/** A byline: 吴志成 / 本报记者 张三 李四 / 本报评论员. */
export function isAuthorLine(text: string): boolean {
  if (text.length > 40) return false;
  const m = AUTHOR_LINE.exec(text);
  if (!m || (!m[1] && !m[2])) return false;
  if (!m[2]) return /评论员$/.test(m[1]);
  return m[1] !== undefined || m[2].split(/[\s　、，,]+/).every(isPersonalName);
}

/** A short line that may be a title: no sentence punctuation, not numbered, not a marker. */
function isTitleLike(text: string): boolean {
  return (
    text.length <= 40 &&
    !/[。！？!?]/.test(text) &&
    !/[，、,]$/.test(text) &&
    !endsSentence(text, 0, text.length) &&
    !NUMBERED.test(text) &&
    !WHOLE_MARKER.test(text) &&
    !BARE_DATELINE.test(text) &&
    !isAuthorLine(text)
  );
}

// Char codes: these loops run over every source character when the sentence index is built.
const SENTENCE_ENDS = new Set([...'。！？!?…'].map((c) => c.charCodeAt(0)));
const SENTENCE_CLOSERS = new Set([...'”’」』）)》〉】'].map((c) => c.charCodeAt(0)));

/** Splits one paragraph into sentences; `offset` is the paragraph's start in the full text. */
export function splitSentences(paragraph: string, offset: number): Sentence[] {
  const out: Sentence[] = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpaceCode(paragraph.charCodeAt(from))) from++;
    while (to > from && isSpaceCode(paragraph.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: offset + from, end: offset + to, text: paragraph.slice(from, to) });
  };
  let from = 0;
  for (let i = 0; i < paragraph.length; i++) {
    if (!SENTENCE_ENDS.has(paragraph.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < paragraph.length && (SENTENCE_ENDS.has(paragraph.charCodeAt(end)) || SENTENCE_CLOSERS.has(paragraph.charCodeAt(end)))) end++;
    push(from, end);
    from = end;
    i = end - 1;
  }
  push(from, paragraph.length);
  return out;
}

function splitParas(text: string): Para[] {
  const out: Para[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    let start = at;
    let end = at + line.length;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
    at += line.length + 1;
  }
  return out;
}

/** The title (one or two heading lines) and byline of an article starting at paras[i], if any. */
function articleHead(paras: Para[], i: number): { title: string; author?: string; next: number } | undefined {
  if (!isTitleLike(paras[i].text)) return undefined;
  for (let j = i + 1; j < paras.length && j <= i + 2; j++) {
    const title = paras.slice(i, j).map((p) => p.text).join(' ');
    if (isAuthorLine(paras[j].text)) return { title, author: paras[j].text, next: j + 1 };
    if (LEADING_DATELINE.test(paras[j].text)) return { title, next: j };
    if (!isTitleLike(paras[j].text)) break;
  }
  return undefined;
}

function fallbackTitle(article: Article): string {
  const first = article.paragraphs[0]?.sentences[0]?.text ?? '';
  const unclosed = trimEndWhere(first, CLOSING_MARK);
  // Final marks, and closing marks only after them (…。” but not 《…》).
  const bare = SENTENCE_END_MARK(unclosed.slice(-1)) ? trimEndWhere(unclosed, SENTENCE_END_MARK) : first;
  return bare.length > 40 ? `${bare.slice(0, 40)}…` : bare;
}

/** Splits reflowed text into articles; see the module comment. */
export function splitArticles(text: string): Article[] {
  const paras = splitParas(text);
  const drafts: Draft[] = [];
  let cur: Draft | undefined;
  let closed = false;

  for (let i = 0; i < paras.length; ) {
    const p = paras[i];
    const head = articleHead(paras, i);
    const continuesPage = LEADING_MARKER.test(p.text) && /^[（(](?:上接|紧接|接)/.test(p.text);
    if (!cur || head || closed || (continuesPage && cur.paragraphs.length > 0)) {
      cur = { start: p.start, end: p.start, title: '', markers: [], paragraphs: [], headed: false, continued: continuesPage };
      drafts.push(cur);
      closed = false;
    }
    const a = cur;
    if (head) {
      a.title = head.title;
      a.headed = true;
      if (head.author) a.author = head.author;
      a.end = paras[head.next - 1].end;
      i = head.next;
      continue;
    }
    i++;
    a.end = p.end;
    const empty = a.paragraphs.length === 0;
    if (WHOLE_MARKER.test(p.text)) {
      a.markers.push(p.text);
      if (/^[（(](?:下转|转)/.test(p.text)) closed = true;
      continue;
    }
    if (CLOSING_DATELINE.test(p.text) || BARE_DATELINE.test(p.text)) {
      if (!END_MARK.test(p.text)) a.dateline ??= p.text;
      // （新华社北京8月28日电） after body text ends the article; a bare one opens it.
      if (!empty && CLOSING_DATELINE.test(p.text)) closed = true;
      continue;
    }
    if (empty && !a.title && isTitleLike(p.text)) {
      a.title = p.text;
      a.headed = true;
      continue;
    }
    if (empty && !a.author && isAuthorLine(p.text)) {
      a.author = p.text;
      continue;
    }
    // Body text: peel off markers and datelines at either end.
    let start = p.start;
    let body = p.text;
    let m: RegExpExecArray | null;
    while ((m = LEADING_MARKER.exec(body))) {
      a.markers.push(m[0].trim());
      start += m[0].length;
      body = body.slice(m[0].length);
    }
    if (empty && (m = LEADING_DATELINE.exec(body))) {
      a.dateline ??= m[1];
      if (m[2] && !a.author) a.author = m[2];
      start += m[0].length;
      body = body.slice(m[0].length);
    }
    if ((m = TRAILING_DATELINE.exec(body))) {
      if (!END_MARK.test(m[1])) a.dateline ??= m[1];
      body = body.slice(0, m.index);
      closed = true;
    }
    if ((m = TRAILING_MARKER.exec(body))) {
      a.markers.push(m[0].trim());
      body = body.slice(0, m.index);
      if (/[（(](?:下转|转)/.test(m[0])) closed = true;
    }
    body = body.trimEnd();
    if (body) a.paragraphs.push({ start, end: start + body.length, sentences: splitSentences(body, start) } satisfies Paragraph);
  }

  // A title alone at the end: the jump headline of an article continued from another page.
  const last = drafts[drafts.length - 1];
  if (drafts.length > 1 && last.headed && last.paragraphs.length === 0 && !last.author) {
    const target = drafts.find((d) => d.continued && !d.headed);
    if (target) {
      target.title = last.title;
      target.headed = true;
      drafts.pop();
    }
  }
  return drafts.map((d) => ({
    start: d.start,
    end: d.end,
    title: d.headed ? d.title : fallbackTitle(d),
    ...(d.author !== undefined && { author: d.author }),
    ...(d.dateline !== undefined && { dateline: d.dateline }),
    markers: d.markers,
    paragraphs: d.paragraphs,
  }));
}
