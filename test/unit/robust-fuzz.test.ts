// Issue 7, part 1: property-based tests. Random text — CJK, astral characters (𠮷), combining
// marks, control characters, lone surrogates, CR/LF/CRLF mixes, long lines, empty documents — and
// mutated sentences of the bundled seeds go through every feature of the core service, at random
// offsets. The properties are those a user relies on: nothing throws (and no rule fails quietly
// inside the service), every range lies inside the document without splitting a surrogate pair,
// a fix changes the text only where it says it does, the LSP conversion of a fix edits the same
// text, and fixing the safe problems does not bring the same problem back at the same place.
//
// Case counts are sized for well under a minute on two cores. FUZZ_RUNS=n sets the number of cases
// of the main properties (default 3000; the others scale with it), e.g. FUZZ_RUNS=20000 npm test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../server/src/core/config';
import { getCompletions } from '../../server/src/core/features/completion';
import { getHover } from '../../server/src/core/features/hover';
import { getDefinition, getReferences, type SourcePlace } from '../../server/src/core/features/navigation';
import { getDocumentSymbols, type HeadingSymbol } from '../../server/src/core/features/symbols';
import { countChars } from '../../server/src/core/features/wordCount';
import type { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { toTraditional } from '../../server/src/core/lang/variants';
import { applyFixes, checkFileText, PolicyService } from '../../server/src/core/service';
import { reflow } from '../../server/src/core/sources/reflow';
import type { Finding, Logger } from '../../server/src/core/types';
import { editsAction, fixAction, toDiagnostic } from '../../server/src/lsp/convert';

const ROOT = path.resolve(__dirname, '../../..');
/** Cases of each main property; FUZZ_RUNS raises (or lowers) it. */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 3000);
// FUZZ_SEED replays a failing run (fast-check prints its seed).
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
const few = (n: number) => Math.max(1, Math.round((RUNS * n) / 3000));

/** Figures of this run, printed at the end (docs/reliability.md quotes them). */
export const fuzzStats = { cases: 0, findings: 0, fixesApplied: 0, featureCalls: 0, crashes: 0, byRule: {} as Record<string, number> };

// ---- the corpus of characters ------------------------------------------------------------------

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const TRADITIONAL = '戰國與為時進聯語學會說產發現實機關條將們經過這樣處個區';
const ASTRAL = ['𠮷', '𩸽', '𪚥', '𠀀', '😀', '👨‍👩‍👧', '𝒜', '\u{2F800}'];
const COMBINING = ['\u0301', '\u0308', '\u20dd', '\u3099', '\ufe0f', '\u200d'];
const CONTROLS = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\t', '\u000b', '\u000c'];
const SURROGATES = ['\ud800', '\udc00', '\udbff', '\udfff', '\ud842'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r\n'];
const ASCII_PUNCT = [',', '.', ';', ':', '?', '!', '"', "'", '(', ')', '...', '--', '#', '# ', '1.', '(1)', '`', '```'];
const CJK_PUNCT = ['。', '，', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '《', '》', '（', '）', '【', '】', '「', '」', '…', '……', '——', '　', '〇', '一、', '（一）', '第一章', '指出：', '强调：'];
const WORDS = ['上海精神', '上合组织', '人类命运共同体', '文旅产业', '资旅产业', '提升提升', '因地制宜宜', '二戰', '人人', '实实在在', '新质生产力', '韧性城市', '多边注意', '走出去'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const hanChar = fc.integer({ min: 0, max: HAN.length - 1 }).map((i) => HAN[i]);
const anyPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: hanChar },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: TRADITIONAL.length - 1 }).map((i) => TRADITIONAL[i]) },
  { weight: 4, arbitrary: pick(ASTRAL) },
  { weight: 2, arbitrary: pick(COMBINING) },
  { weight: 2, arbitrary: pick(CONTROLS) },
  { weight: 2, arbitrary: pick(SURROGATES) },
  { weight: 4, arbitrary: pick(BREAKS) },
  { weight: 5, arbitrary: pick(ASCII_PUNCT) },
  { weight: 10, arbitrary: pick(CJK_PUNCT) },
  { weight: 6, arbitrary: pick(WORDS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 4 }) },
  { weight: 2, arbitrary: fc.fullUnicodeString({ maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string16bits({ maxLength: 3 }) },
);
const randomText = fc.array(anyPiece, { maxLength: 120 }).map((xs) => xs.join(''));

// ---- mutations of real sentences ---------------------------------------------------------------

function seedSentences(): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt'))) {
    const { text } = reflow(fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8'));
    for (const para of text.split('\n')) for (const s of para.split(/(?<=[。！？])/)) if (s.trim().length >= 4) out.push(s);
  }
  return out;
}
const SENTENCES = seedSentences();

type Mutation = { kind: 'insert' | 'delete' | 'duplicate' | 'traditional' | 'ascii' | 'replace' | 'break'; at: number; len: number; piece: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: pick(['insert', 'delete', 'duplicate', 'traditional', 'ascii', 'replace', 'break'] as const),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 6 }),
  piece: anyPiece,
});

function mutate(text: string, m: Mutation): string {
  if (!text) return m.piece;
  const at = m.at % (text.length + 1);
  const end = Math.min(text.length, at + m.len);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'traditional':
      return text.slice(0, at) + toTraditional(text.slice(at, end)) + text.slice(end);
    case 'ascii':
      return text.slice(0, at) + pickAscii(m.at) + text.slice(end > at ? at + 1 : at);
    case 'replace':
      return text.slice(0, at) + m.piece + text.slice(end);
    case 'break':
      return text.slice(0, at) + BREAKS[m.at % BREAKS.length] + text.slice(at);
  }
}
const pickAscii = (n: number) => ASCII_PUNCT[n % ASCII_PUNCT.length];

const frame = pick(['', '“', '指出：“', '强调：', '《', '# ', '（一）', '　　']);
const mutatedSentences = fc
  .record({
    picks: fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 1, maxLength: 4 }),
    open: frame,
    close: pick(['', '”', '”。', '》', '\n', '\r\n']),
    mutations: fc.array(mutation, { maxLength: 6 }),
    joiner: pick(['', '\n', '\r\n', '\r', '', '']),
  })
  .map(({ picks, open, close, mutations, joiner }) => {
    let text = open + picks.map((i) => SENTENCES[i]).join(joiner) + close;
    for (const m of mutations) text = mutate(text, m);
    return text;
  });

const draft = fc.oneof({ weight: 3, arbitrary: mutatedSentences }, { weight: 2, arbitrary: randomText }, { weight: 1, arbitrary: pick(['', '\n', '\r\n', '\r', ' ', '\ud800', '𠮷', '\r\n\r\n', '“', '”']) });

// ---- helpers -----------------------------------------------------------------------------------

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}
function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer range ${start}-${end}`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: range ${start}-${end} outside 0-${text.length}`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: range ${start}-${end} splits a surrogate pair`);
}
function loneSurrogates(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) n++;
  }
  return n;
}
/** Applies edits (non-overlapping, any order) independently of the service's code. */
function spliceAll(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

// ---- the tests ---------------------------------------------------------------------------------

describe('robustness: random and mutated drafts through every feature', function () {
  this.timeout(600000);
  let index: CorpusIndex;
  let service: PolicyService;
  let userService: PolicyService;
  const errors: string[] = [];
  const logger: Logger = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
  const safe = new Set<string>();

  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
    assert.ok(!index.isEmpty);
    service = new PolicyService({ index, logger });
    for (const id of service.safeRuleIds()) safe.add(id);
    // The user rule too, with patterns that overlap each other and the seeds' wording.
    userService = new PolicyService({
      index,
      logger,
      config: {
        ...defaultConfig(),
        replace: [
          { pattern: '上合', expected: '上海合作' },
          { pattern: '上合组织', expected: '上海合作组织' },
          { pattern: '组织', expected: '組織' },
          { pattern: '𠮷', expected: '吉' },
          { pattern: '\r', expected: '' },
          { pattern: '的的', expected: '的' },
        ],
        allow: ['人类命运', '𠮷'],
      },
    });
  });

  after(() => {
    // eslint-disable-next-line no-console
    console.log(`      fuzz figures: ${JSON.stringify(fuzzStats)} (FUZZ_RUNS=${RUNS})`);
  });

  function checked(svc: PolicyService, text: string): Finding[] {
    errors.length = 0;
    let findings: Finding[];
    try {
      findings = svc.check(text);
    } catch (e) {
      fuzzStats.crashes++;
      throw e;
    }
    // The service catches a failing rule and logs it: for these tests that is a crash too.
    if (errors.length) fuzzStats.crashes++;
    assert.deepEqual(errors, [], `a rule failed on ${JSON.stringify(text)}`);
    fuzzStats.cases++;
    fuzzStats.findings += findings.length;
    for (const f of findings) fuzzStats.byRule[f.rule] = (fuzzStats.byRule[f.rule] ?? 0) + 1;
    return findings;
  }

  /** At most `n` of the items, spread over the list (the long-document cases have 50,000 findings). */
  function sample<T>(items: T[], n = 200): T[] {
    if (items.length <= n) return items;
    const step = items.length / n;
    return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]);
  }

  function checkInvariants(text: string, findings: Finding[]): void {
    for (const f of findings) {
      assertRange(text, f.start, f.end, `${f.rule} finding`);
      assert.ok(f.message, 'every finding has a message');
      for (const fix of f.fixes) for (const e of fix.edits) assertRange(text, e.start, e.end, `${f.rule} fix edit`);
    }
    for (const f of sample(findings)) {
      for (const fix of f.fixes) {
        for (const e of fix.edits) {
          assertRange(text, e.start, e.end, `${f.rule} fix edit`);
          // An edit lies inside the finding's range or touches it.
          assert.ok(e.start >= f.start && e.end <= f.end, `${f.rule} fix edit ${e.start}-${e.end} outside the finding ${f.start}-${f.end}`);
        }
        const fixed = spliceAll(text, fix.edits);
        // The text changes only inside the fixed range: before and after it, the original.
        const lo = Math.min(...fix.edits.map((e) => e.start));
        const hi = Math.max(...fix.edits.map((e) => e.end));
        assert.ok(
          fixed.startsWith(text.slice(0, lo)) && fixed.endsWith(text.slice(hi)) && fixed.length >= lo + text.length - hi,
          `${f.rule} fix changes the text outside ${lo}-${hi}`,
        );
        // …and never breaks a character into halves.
        assert.ok(loneSurrogates(fixed) <= loneSurrogates(text), `${f.rule} fix leaves a lone surrogate`);
      }
    }
  }

  /** The LSP edge: diagnostics map back to the same offsets, and code actions edit the same text. */
  function checkLsp(text: string, findings: Finding[]): void {
    const doc = TextDocument.create('file:///fuzz.md', 'markdown', 1, text);
    for (const f of findings) {
      const d = toDiagnostic(doc, f);
      assert.equal(doc.offsetAt(d.range.start), f.start, 'diagnostic start round-trips');
      assert.equal(doc.offsetAt(d.range.end), f.end, 'diagnostic end round-trips');
    }
    for (const f of sample(findings)) {
      for (const [i, action] of fixAction(doc, f, undefined, true).entries()) {
        const edits = action.edit!.changes!['file:///fuzz.md'] as TextEdit[];
        assert.equal(TextDocument.applyEdits(doc, edits), spliceAll(text, f.fixes[i].edits), `${f.rule} quick fix through LSP positions`);
      }
    }
    const safeFindings = findings.filter((f) => safe.has(f.rule));
    const all = editsAction(doc, 'fix all', 'source.fixAll', safeFindings);
    const viaLsp = all ? TextDocument.applyEdits(doc, all.edit!.changes!['file:///fuzz.md'] as TextEdit[]) : text;
    assert.equal(viaLsp, applyFixes(text, safeFindings).text, 'fix-all through LSP equals applyFixes');
  }

  function checkFixAll(svc: PolicyService, text: string, findings: Finding[]): void {
    const safeFindings = findings.filter((f) => safe.has(f.rule));
    const { text: fixed, applied } = applyFixes(text, safeFindings);
    fuzzStats.fixesApplied += applied.length;
    // Applied fixes do not overlap, and outside them the text is the original, piece by piece.
    let at = 0;
    let out = 0;
    const mapped: Array<{ f: Finding; start: number; end: number }> = [];
    for (const f of applied) {
      assert.ok(f.start >= at, 'applied fixes do not overlap');
      const gap = text.slice(at, f.start);
      assert.equal(fixed.slice(out, out + gap.length), gap, 'text between fixes is unchanged');
      out += gap.length;
      assert.equal(fixed.slice(out, out + f.replacements[0].length), f.replacements[0]);
      mapped.push({ f, start: out, end: out + f.replacements[0].length });
      out += f.replacements[0].length;
      at = f.end;
    }
    assert.equal(fixed.slice(out), text.slice(at), 'text after the last fix is unchanged');
    assert.ok(loneSurrogates(fixed) <= loneSurrogates(text), 'fix-all leaves no new lone surrogate');
    if (!applied.length) return;
    // Re-checking: no safe rule reports the same problem again where a fix was applied.
    const again = checked(svc, fixed);
    checkInvariants(fixed, again);
    for (const g of again) {
      if (!safe.has(g.rule)) continue;
      // `mapped` is sorted and non-overlapping: binary search for the first fix ending at or after g.
      let lo = 0;
      let hi = mapped.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (mapped[mid].end < g.start) lo = mid + 1;
        else hi = mid;
      }
      const near = mapped.slice(lo, lo + 3).filter((m) => m.start <= g.end);
      // Two fixes inside one re-reported span joined what was between them: three copies with a slip
      // in one (促进城市促促进城市促进城市) become two after both fixes, rightly reported in the next pass.
      if (near.filter((m) => m.start >= g.start && m.end <= g.end).length >= 2) continue;
      const same = near.find((m) => m.f.rule === g.rule && m.f.message === g.message);
      assert.ok(!same, `${g.rule} reports "${g.message}" again at ${g.start}-${g.end} after its fix (${JSON.stringify(text)} → ${JSON.stringify(fixed)})`);
    }
  }

  it('check: no exception, ranges inside the text, fixes change only their range (LSP edge included)', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const findings = checked(service, text);
        checkInvariants(text, findings);
        checkLsp(text, findings);
        checkFixAll(service, text, findings);
      }),
      // Inputs that once failed stay as examples.
      // (The second: quote-mismatch took in the character before an item left out, 𠮷 of 供电𠮷、热力 beside the
      // source's 供电、燃气、热力, by one code unit.)
      // (The third: 《意见《） inside a pair: the first 《 was closed after 意见 and the second, lonely,
      // reported again after the fix.)
      {
        numRuns: RUNS,
        examples: [
          ['（一）七、促进城市促促进城市促进城市\n\n文化繁荣发展'],
          [
            '强调：推动新一代信息技术与城市基础设施建设深度融合，因地制宜宜对城镇供水、排水、供电𠮷、热力、消火栓（消防水鹤）、地下综合管廊等市政基础设施进行数字化改造升级和智能化管理，逐步实现对市政基础设施运行状况的实时监测、模拟仿真、情景构建、快速评估和大数据分析，提高安全隐患及时预警和事故应急处置能力，保障市政基础设施安全运行，持续增强新型城市基础设施对韧性城市建设的支撑作用。\r\n',
          ],
          ['不久前印发的《中共中央国务院关于推动城市高质量发展的意见》（以下简称《意见《），对增强城市安全韧性作出部署。\n'],
        ],
      },
    );
  });

  it('a single safe fix: re-checking does not report the same problem at the same place', () => {
    fc.assert(
      fc.property(draft, fc.nat(), (text, n) => {
        const findings = checked(service, text).filter((f) => safe.has(f.rule) && f.fixes.length);
        if (!findings.length) return;
        const f = findings[n % findings.length];
        // A problem repeated in a row (提升提升提升) is fixed one copy at a time: the next copy is
        // rightly reported where the first was. Only isolated findings are expected to vanish.
        if (findings.some((g) => g !== f && g.rule === f.rule && g.start <= f.end && f.start <= g.end)) return;
        const fixed = spliceAll(text, f.fixes[0].edits);
        const start = f.start;
        const end = f.start + f.replacements[0].length;
        for (const g of checked(service, fixed)) {
          const same = g.rule === f.rule && g.message === f.message && g.start <= end && start <= g.end;
          assert.ok(!same, `${g.rule} reports "${g.message}" again after its own fix (${JSON.stringify(text)} → ${JSON.stringify(fixed)})`);
        }
        fuzzStats.fixesApplied++;
      }),
      { numRuns: few(1500) },
    );
  });

  it('check with a user replace list and allow list: the same properties', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const findings = checked(userService, text);
        checkInvariants(text, findings);
        checkLsp(text, findings);
      }),
      { numRuns: few(1500) },
    );
  });

  it('fix-all reaches a fixed point: repeating it terminates and the text does not grow', () => {
    fc.assert(
      fc.property(draft, (text) => {
        let current = text;
        for (let round = 0; round < 6; round++) {
          const { text: next, applied } = applyFixes(current, checked(service, current).filter((f) => safe.has(f.rule)));
          if (!applied.length) return;
          assert.ok(next.length <= current.length + applied.length * 4, 'fixes do not blow the text up');
          current = next;
        }
        assert.fail(`fix-all still changes the text after 6 rounds: ${JSON.stringify(text)} → ${JSON.stringify(current)}`);
      }),
      { numRuns: few(1500) },
    );
  });

  it('checkFileText (the CLI path, with column-set reflow): ranges and fixes stay inside the file', () => {
    // Column-set text: seed sentences broken into short lines, then mutated.
    const columns = fc
      .record({ picks: fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 3, maxLength: 10 }), width: fc.integer({ min: 8, max: 20 }), brk: pick(['\n', '\n\n', '\r\n', '\r\n\r\n']), mutations: fc.array(mutation, { maxLength: 5 }) })
      .map(({ picks, width, brk, mutations }) => {
        const body = picks.map((i) => SENTENCES[i]).join('');
        const lines: string[] = [];
        for (let i = 0; i < body.length; i += width) lines.push(body.slice(i, i + width));
        let text = lines.join(brk);
        for (const m of mutations) text = mutate(text, m);
        return text;
      });
    fc.assert(
      fc.property(fc.oneof(columns, draft), (text) => {
        errors.length = 0;
        const findings = checkFileText(service, text);
        assert.deepEqual(errors, []);
        fuzzStats.cases++;
        checkInvariants(text, findings);
        const { text: fixed } = applyFixes(text, findings.filter((f) => safe.has(f.rule)));
        assert.ok(loneSurrogates(fixed) <= loneSurrogates(text));
      }),
      { numRuns: few(1200) },
    );
  });

  it('hover, completion, definition, references and symbols at random offsets', () => {
    const placeOk = (p: SourcePlace) => {
      const file = index.fileByPath(p.file);
      assert.ok(file, `place in an indexed file: ${p.file}`);
      const lines = file.source.original.split(/\r\n|\r|\n/);
      assert.ok(p.line >= 0 && p.line < lines.length && p.endLine >= p.line && p.endLine < lines.length, 'place lines inside the source');
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length && p.endCharacter >= 0 && p.endCharacter <= lines[p.endLine].length, 'place columns inside the source');
    };
    const symbolsOk = (text: string, list: HeadingSymbol[], parent?: HeadingSymbol) => {
      for (const s of list) {
        assertRange(text, s.start, s.end, 'symbol');
        assertRange(text, s.selectionStart, s.selectionEnd, 'symbol name');
        assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end, 'name inside its symbol');
        if (parent) assert.ok(parent.start <= s.start && s.end <= parent.end, 'child inside its parent');
        symbolsOk(text, s.children, s);
      }
    };
    fc.assert(
      fc.property(draft, fc.array(fc.integer({ min: -3, max: 100000 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (text, raw, pinyin) => {
        // Mostly offsets inside the text (by code unit, so between surrogate halves too), a few outside.
        const offsets = raw.map((n) => (n < 0 ? n : n % 50 === 49 ? text.length + 1 + (n % 3) : n % (text.length + 1)));
        for (const offset of offsets) {
          fuzzStats.featureCalls += 5;
          const inside = offset >= 0 && offset <= text.length;
          const h = getHover(index, text, offset);
          if (h) {
            assert.ok(inside, 'no hover outside the text');
            assertRange(text, h.start, h.end, 'hover');
            assert.equal(typeof h.markdown, 'string');
          }
          for (const c of getCompletions(index, text, offset, { pinyin })) {
            assert.ok(inside, 'no completion outside the text');
            assertRange(text, c.replaceStart, c.replaceEnd, 'completion');
            assert.ok(c.replaceEnd <= offset, 'completion replaces typed text only');
            assert.ok(c.label && typeof c.insertText === 'string');
          }
          const def = getDefinition(index, text, offset);
          if (def) placeOk(def);
          for (const r of getReferences(index, text, offset)) placeOk(r);
        }
        symbolsOk(text, getDocumentSymbols(text));
        const n = countChars(text);
        assert.ok(n.chinese <= n.total && n.total <= text.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('completion at the end of typed pinyin and Chinese prefixes of seed terms', () => {
    const typed = fc.oneof(
      fc.stringOf(pick([...'abcdefghijklmnopqrstuvwxyzRLMY']), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 0, max: SENTENCES.length - 1 }).chain((i) => fc.integer({ min: 0, max: SENTENCES[i].length }).map((n) => SENTENCES[i].slice(0, n))),
    );
    fc.assert(
      fc.property(draft, typed, (before, t) => {
        const text = before + t;
        for (const c of getCompletions(index, text, text.length)) assertRange(text, c.replaceStart, c.replaceEnd, 'completion');
        fuzzStats.featureCalls++;
      }),
      { numRuns: few(2100) },
    );
  });

  it('long lines, long documents and degenerate input', () => {
    const cases = [
      '',
      '\ud800'.repeat(5000),
      '\udc00\ud800'.repeat(3000),
      '𠮷'.repeat(20000),
      '提升'.repeat(20000),
      '的'.repeat(50000),
      '“'.repeat(20000) + '”'.repeat(100),
      '（'.repeat(10000),
      '二戰'.repeat(10000),
      SENTENCES.join('').repeat(3), // one very long line of real text
      SENTENCES.join('\r\n'),
      SENTENCES.join('\r'),
      '\r\n'.repeat(20000),
      'a'.repeat(100000),
      '\u0301'.repeat(10000),
      Array.from({ length: 5000 }, (_, i) => String.fromCharCode(i)).join(''),
    ];
    for (const text of cases) {
      const findings = checked(service, text);
      checkInvariants(text, findings);
      checkFixAll(service, text, findings);
      for (const offset of [0, 1, Math.floor(text.length / 2), text.length - 1, text.length]) {
        getHover(index, text, offset);
        getCompletions(index, text, offset);
        getDefinition(index, text, offset);
        getReferences(index, text, offset);
      }
      symbolsSafe(text);
    }
    function symbolsSafe(text: string) {
      getDocumentSymbols(text);
    }
  });
});
