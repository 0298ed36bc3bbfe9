import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dictEntry, idioms, isDictWord, isFunctionWord, isReduplicable, SortedDictionary, wordFreq } from '../../server/src/core/lang/segmenter';
import { shapeSimilarity } from '../../server/src/core/lang/shape';

const DICT = path.join(path.dirname(require.resolve('@node-rs/jieba/dict')), 'dict.txt');

describe('segmenter dictionary', () => {
  const lines = fs.readFileSync(DICT, 'utf8').split('\n').filter((l) => l.indexOf(' ') > 0);

  it('is sorted by the words’ UTF-8 bytes, without repeats (lookups binary-search it in place)', () => {
    let previous = Buffer.alloc(0);
    for (const line of lines) {
      const word = Buffer.from(line.slice(0, line.indexOf(' ')), 'utf8');
      assert.ok(Buffer.compare(previous, word) < 0, `${previous.toString()} before ${word.toString()}`);
      previous = word;
    }
  });

  it('finds every word with its frequency and part of speech, and nothing else', () => {
    for (let i = 0; i < lines.length; i += 97) {
      const [word, freq, pos] = lines[i].trim().split(' ');
      assert.deepEqual(dictEntry(word), { freq: Number(freq), pos: pos ?? '' }, word);
    }
    for (const [first, last] of [[lines[0], lines[lines.length - 1]]]) {
      assert.ok(isDictWord(first.split(' ')[0]));
      assert.ok(isDictWord(last.split(' ')[0]));
    }
    for (const w of ['', '人民民主专政制度化', '𠮷', '人民 ', 'a'.repeat(600), '\uD800']) assert.equal(isDictWord(w), false, JSON.stringify(w));
    assert.ok(wordFreq('发展') > 10_000);
    assert.ok(isFunctionWord('的'));
    assert.ok(!isFunctionWord('发展'));
  });

  it('lists the idioms and set phrases it counts often enough, as a full scan would', () => {
    const rows = lines.map((l) => l.trim().split(' ')).filter(([w, f]) => Number(f) >= 20 && [...w].length === w.length);
    // Four characters: idioms (i) and set phrases (l), and words tagged otherwise that are no
    // compound of shorter words (美轮美奂/nr) counted ten times or more (墨守 of 墨守成规 is counted
    // three times: a piece of the idiom); five to seven: idioms only.
    const counts = new Map(lines.map((l) => l.trim().split(' ')).map(([w, f]) => [w, Number(f)]));
    const isWord = (w: string) => (counts.get(w) ?? 0) >= 10;
    const untagged = (w: string, p: string) => ['n', 'nr', 'v', 'a', 'vn', 'ad', 'd', 'z'].includes(p) && !(isWord(w.slice(0, 2)) && isWord(w.slice(2))) && !isWord(w.slice(0, 3)) && !isWord(w.slice(1));
    const expected = [4, 5, 6, 7].flatMap((n) => rows.filter(([w, , p]) => w.length === n && (p === 'i' || (n === 4 && (p === 'l' || untagged(w, p))))).map(([w]) => w));
    assert.deepEqual([...idioms()], expected);
    assert.ok(idioms().includes('美轮美奂') && idioms().includes('众志成城') && idioms().includes('墨守成规') && !idioms().includes('人民群众'));
    assert.ok(idioms().includes('长治久安') && idioms().includes('因地制宜') && idioms().includes('防患于未然'));
    assert.ok(!idioms().includes('自然科学家'), 'a longer set phrase is mostly a noun, no idiom');
    assert.ok(!idioms().includes('戮力同心'), 'a rare variant of 勠力同心 is no idiom to correct towards');
  });

  it('lists the words of some lengths with their tags in one pass, the last line too', () => {
    const d = new SortedDictionary(Buffer.from('一丝不苟 50 i\n一个 900 m\n与时俱进 120 l\n美轮美奂 20 nr\n鸡犬不宁 30 i', 'utf8'));
    assert.deepEqual(d.wordsOfLengths(4, 4, 25), [
      { word: '一丝不苟', freq: 50, pos: 'i' },
      { word: '与时俱进', freq: 120, pos: 'l' },
      { word: '鸡犬不宁', freq: 30, pos: 'i' },
    ]);
  });

  it('finds tagged words on the last line without a line break, and none of other lengths or tags', () => {
    const d = new SortedDictionary(Buffer.from('一丝不苟 50 i\n一个 900 m\n与时俱进 120 l\n鸡犬不宁 30 i', 'utf8'));
    const tagged = (tags: string[], minFreq: number) => d.wordsOfLengths(4, 4, minFreq).filter((x) => tags.includes(x.pos)).map((x) => x.word);
    assert.deepEqual(tagged(['i', 'l'], 20), ['一丝不苟', '与时俱进', '鸡犬不宁']);
    assert.deepEqual(tagged(['i'], 40), ['一丝不苟']);
  });

  it('knows which characters reduplicate (人人, 一项项) and which do not', () => {
    for (const c of '人常看村项') assert.ok(isReduplicable(c), c);
    for (const c of '的在是宜') assert.ok(!isReduplicable(c), c);
  });
});

describe('shape data', () => {
  it('reads look-alike characters from the decomposition data on demand', () => {
    assert.ok(shapeSimilarity('休', '体') >= 0.6);
    assert.ok(shapeSimilarity('情', '精') >= 0.5);
    assert.equal(shapeSimilarity('人', '人'), 1);
    assert.ok(shapeSimilarity('人', '鑫') < 0.3);
    assert.equal(shapeSimilarity('a', '人'), 0);
  });

  it('finds entries of astral characters and of numbered components', () => {
    // 𠮷 d(土,口) is keyed by a surrogate pair; 赢 and 羸 share 𣎆, an astral component.
    assert.equal(shapeSimilarity('𠮷', '土'), 0.5);
    assert.ok(shapeSimilarity('𠮷', '吉') >= 0.9);
    assert.ok(shapeSimilarity('赢', '羸') >= 0.6);
    // 乌 str(37430,一) goes through the numbered component 37430 wt(𢎘,丶), as 鸟 does.
    assert.ok(shapeSimilarity('乌', '鸟') >= 0.9);
  });
});

describe('SortedDictionary on other dictionaries', () => {
  const { SortedDictionary } = require('../../server/src/core/lang/segmenter') as typeof import('../../server/src/core/lang/segmenter');

  it('sorts an unsorted dictionary once, later lines winning, and finds every word', () => {
    const lines = ['中国 100 ns', '人民 50 n', '发展 80 vn', '人人 30 r', '人民 60 nz', '一项项 5 m', 'a 1 x'];
    const d = new SortedDictionary(Buffer.from(lines.join('\n') + '\n', 'utf8'));
    assert.deepEqual(d.get('人民'), { freq: 60, pos: 'nz' });
    assert.deepEqual(d.get('中国'), { freq: 100, pos: 'ns' });
    assert.deepEqual(d.get('a'), { freq: 1, pos: 'x' });
    assert.equal(d.get('人'), undefined);
    assert.equal(d.get('人民民'), undefined);
    assert.deepEqual(d.withPrefix('人', 10), ['人人', '人民']);
  });

  it('handles an empty dictionary, a missing final line break and lines without a part of speech', () => {
    assert.equal(new SortedDictionary(Buffer.alloc(0)).get('人'), undefined);
    const d = new SortedDictionary(Buffer.from('丁 3\n七 5 m', 'utf8'));
    assert.deepEqual(d.get('丁'), { freq: 3, pos: '' });
    assert.deepEqual(d.get('七'), { freq: 5, pos: 'm' });
  });
});

describe('mapYielding', () => {
  const { mapYielding } = require('../../server/src/core/util/mapYielding') as typeof import('../../server/src/core/util/mapYielding');

  it('keeps the order of the items, lets timers run between slices and stops when asked', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const seenByTimer: boolean[] = [];
    const out = await mapYielding(
      [5, 1, 4, 2, 3],
      (x) => {
        seenByTimer.push(timerRan);
        const until = Date.now() + 3;
        while (Date.now() < until); // work longer than a slice
        return x * 10;
      },
      undefined,
      2,
    );
    assert.deepEqual(out, [50, 10, 40, 20, 30]);
    // The first item ran before the timer; a later one after it: the loop gave the event loop a turn.
    assert.equal(seenByTimer[0], false);
    assert.equal(seenByTimer[seenByTimer.length - 1], true);
    let calls = 0;
    const stopped = await mapYielding([1, 2, 3, 4], () => ++calls, () => calls >= 2);
    assert.equal(calls, 2);
    assert.deepEqual(stopped.slice(0, 2), [1, 2]);
    assert.equal(stopped[2], undefined);
    assert.deepEqual(await mapYielding([], () => 1), []);
  });
});
