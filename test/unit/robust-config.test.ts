// Issue 7, part 3: bad configuration. Whatever policy-lint.json holds — broken JSON, wrong types,
// unknown rule ids, absurd nesting, tens of thousands of entries, pathological patterns — reading
// it never throws, each problem is reported with its line, column and key, what is valid still
// applies, and the language server keeps the last configuration that could be read.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { defaultConfig, type PolicyConfig, type ReplaceEntry } from '../../server/src/core/config';
import { MAX_PATTERN_LENGTH, MAX_REPLACE_ENTRIES, mergeConfig, parseConfig } from '../../server/src/core/configFile';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import { RULE_IDS } from '../../server/src/core/rules';
import { userRule } from '../../server/src/core/rules/userRule';
import { PolicyService } from '../../server/src/core/service';
import { runRule } from '../helpers/rules';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 1000);
const parse = (text: string) => parseConfig(text, '/ws/policy-lint.json', RULE_IDS);
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

/** What any parse result must satisfy, whatever the input. */
function assertWellFormed(text: string, r: ReturnType<typeof parse>): void {
  const lines = text.split('\n').length;
  for (const p of r.problems) {
    assert.equal(p.file, '/ws/policy-lint.json');
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines, `line ${p.line} of ${lines}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 1, `column ${p.column}`);
    assert.ok(p.message.length > 0 && !p.message.includes('\n'));
  }
  const c = r.config;
  assert.ok(Array.isArray(c.sources) && c.sources.every((s) => typeof s === 'string' && s.trim() !== ''));
  assert.ok(Array.isArray(c.allow) && c.allow.every((s) => typeof s === 'string' && s.trim() !== ''));
  for (const [k, v] of Object.entries(c.rules)) assert.ok(RULE_IDS.includes(k) && SEVERITIES.includes(v), `rules.${k}: ${v}`);
  assert.ok(c.replace.length <= MAX_REPLACE_ENTRIES);
  for (const e of c.replace) {
    assert.ok(typeof e.pattern === 'string' && e.pattern !== '' && e.pattern.length <= MAX_PATTERN_LENGTH);
    assert.ok(typeof e.expected === 'string' && e.expected !== e.pattern);
  }
  assert.ok(c.maxSourceFileSize > 0 && Number.isFinite(c.maxSourceFileSize));
}

describe('robustness: bad configuration', function () {
  this.timeout(180000);

  describe('parseConfig never throws', () => {
    const valid = JSON.stringify(
      {
        sources: ['来源', '../more'],
        rules: { duplicate: 'error', punctuation: 'off', 'user-rule': 'hint' },
        replace: [{ pattern: '资旅', expected: '文旅', note: '简称' }, { pattern: '倡义', expected: '倡议' }],
        allow: ['研究研究'],
        maxSourceFileSize: 1000,
      },
      null,
      2,
    );
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 8 }), insert: fc.oneof(fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '//', '/*', '\n', 'null', '1e999', '-', '\u0000', '\ud800', '𠮷'), fc.string({ maxLength: 4 })) });
    const mutated = fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) =>
      edits.reduce((text, e) => {
        const at = e.at % (text.length + 1);
        return text.slice(0, at) + e.insert + text.slice(at + e.len);
      }, valid),
    );
    const anyJson = fc.jsonValue().map((v) => JSON.stringify(v));
    const shaped = fc
      .record({
        sources: fc.jsonValue(),
        rules: fc.oneof(fc.dictionary(fc.constantFrom(...RULE_IDS, 'nope', '__proto__', 'constructor'), fc.jsonValue()), fc.jsonValue()),
        replace: fc.oneof(fc.array(fc.oneof(fc.record({ pattern: fc.jsonValue(), expected: fc.jsonValue(), note: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue())), fc.jsonValue()),
        allow: fc.jsonValue(),
        maxSourceFileSize: fc.oneof(fc.double(), fc.jsonValue()),
        extra: fc.jsonValue(),
      }, { requiredKeys: [] })
      .map((o) => JSON.stringify(o));

    it('on random text, random JSON, wrongly typed keys and broken valid files', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.fullUnicodeString(), anyJson, shaped, mutated), (text) => {
          assertWellFormed(text, parse(text));
        }),
        { numRuns: RUNS },
      );
    });

    it('on degenerate files: one problem with its place, defaults otherwise', () => {
      const cases: Array<[string, RegExp]> = [
        ['', /JSON/],
        ['{', /JSON/],
        ['{"rules": {"duplicate": "error",}', /JSON/],
        ['{"sources": ["a" "b"]}', /JSON/],
        ['{"a": 1}{}', /JSON/],
        ['/* never closed', /JSON/],
        ['{"x": "\u0001"}', /JSON/],
        ['{"x": "\\q"}', /JSON/],
        ['null', /对象|object/],
        ['[1, 2]', /对象|object/],
        ['"policy"', /对象|object/],
        ['\ufeff\ufeff', /JSON/],
        ['['.repeat(100000), /JSON/], // used to overflow the stack: RangeError out of parseConfig
        ['{"a":'.repeat(50000) + '1' + '}'.repeat(50000), /JSON/],
        ['[' .repeat(30000) + ']'.repeat(30000), /JSON/],
      ];
      for (const [text, message] of cases) {
        const r = parse(text);
        assertWellFormed(text, r);
        assert.equal(r.problems.length, 1, JSON.stringify(text.slice(0, 40)));
        assert.equal(r.problems[0].key, '', 'a problem of the file as a whole');
        assert.match(r.problems[0].message, message);
        assert.deepEqual(r.config, defaultConfig());
      }
      // The place of a syntax error is exact.
      const r = parse('{\n  "rules": {\n    "duplicate": error\n  }\n}');
      assert.deepEqual([r.problems[0].line, r.problems[0].column], [3, 18]);
    });

    it('writes line breaks and control characters in quoted keys as escapes (one problem, one line)', () => {
      // Found by the property above: a key "punctuatio\n" put a line break into the problem.
      const text = '{"rules": {"punctuatio\\n": "off"}, "replace": [{"pa\\u2028": "x", "pattern": "a", "expected": "b"}]}';
      const r = parse(text);
      assertWellFormed(text, r);
      assert.deepEqual(
        r.problems.map((p) => p.key),
        ['rules.punctuatio\\n', 'replace[0].pa\\u2028'],
      );
      assert.match(r.problems[0].message, /punctuatio\\n/);
    });

    it('reports wrong types and unknown rule ids with line and key, and keeps the valid rest', () => {
      const text = [
        '{',
        '  "sources": "not-a-list",',
        '  "rules": { "duplicate": "loud", "no-such-rule": "error", "punctuation": "off", "variant-char": 3 },',
        '  "replace": [',
        '    { "pattern": "资旅", "expected": "文旅" },',
        '    { "pattern": 5, "expected": "x" },',
        '    { "pattern": "' + 'x'.repeat(MAX_PATTERN_LENGTH + 1) + '", "expected": "y" },',
        '    "a string",',
        '    { "pattern": "同", "expected": "同" },',
        '    { "expected": "无" }',
        '  ],',
        '  "allow": ["ok", 7, ""],',
        '  "maxSourceFileSize": -1,',
        '  "colour": "red"',
        '}',
      ].join('\n');
      const r = parse(text);
      assertWellFormed(text, r);
      const where = new Map(r.problems.map((p) => [p.key, p.line]));
      assert.deepEqual(Object.fromEntries(where), {
        sources: 2,
        'rules.duplicate': 3,
        'rules.no-such-rule': 3,
        'rules.variant-char': 3,
        'replace[1].pattern': 6,
        'replace[2].pattern': 7,
        'replace[3]': 8,
        'replace[4].expected': 9,
        'replace[5].pattern': 10,
        'allow[1]': 12,
        'allow[2]': 12,
        maxSourceFileSize: 13,
        colour: 14,
      });
      assert.deepEqual(r.config.rules, { punctuation: 'off' });
      assert.deepEqual(r.config.replace, [{ pattern: '资旅', expected: '文旅' }]);
      assert.deepEqual(r.config.allow, ['ok']);
    });

    it('a replace list of 12,000 entries: the first 10,000 are used, the rest reported once', () => {
      const entries = Array.from({ length: 12000 }, (_, i) => ({ pattern: `错${i}号`, expected: `对${i}号` }));
      const r = parse(JSON.stringify({ replace: entries }, null, 1));
      assert.equal(r.config.replace.length, MAX_REPLACE_ENTRIES);
      assert.deepEqual(r.problems.map((p) => p.key), [`replace[${MAX_REPLACE_ENTRIES}]`]);
      // Every problem of a file with 100,000 bad entries is placed (this used to take minutes).
      const bad = Array.from({ length: 100000 }, () => 1);
      const r2 = parse(JSON.stringify({ allow: bad }, null, 1));
      assert.equal(r2.problems.length, 100000);
      assert.equal(r2.problems[99999].line, 100002);
    });
  });

  describe('user-rule with huge and pathological lists', () => {
    const run = (text: string, replace: ReplaceEntry[], allow: string[] = []) => runRule(userRule, text, CorpusIndex.empty(), { ...defaultConfig(), replace, allow });

    /** The rule's meaning, written naively: at each start, the longest pattern that counts; then go on after it. */
    function reference(text: string, replace: ReplaceEntry[], allow: string[]): Array<[number, number, string[]]> {
      const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
      const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
      const splits = (i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
      const allowed: Array<[number, number]> = [];
      for (const w of allow) if (w) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) allowed.push([i, i + w.length]);
      const out: Array<[number, number, string[]]> = [];
      for (let s = 0; s < text.length; s++) {
        if (splits(s)) continue;
        const byEnd = new Map<number, string[]>();
        for (const e of replace) {
          if (!e.pattern || e.pattern === e.expected || !text.startsWith(e.pattern, s)) continue;
          const end = s + e.pattern.length;
          if (splits(end) || allowed.some(([a, b]) => a <= s && end <= b)) continue;
          let reads = false;
          for (let k = e.expected.indexOf(e.pattern); k >= 0; k = e.expected.indexOf(e.pattern, k + 1)) if (k <= s && text.startsWith(e.expected, s - k)) reads = true;
          if (reads) continue;
          const list = byEnd.get(end) ?? [];
          if (!list.includes(e.expected)) list.push(e.expected);
          byEnd.set(end, list);
        }
        if (!byEnd.size) continue;
        const end = Math.max(...byEnd.keys());
        out.push([s, end, byEnd.get(end)!]);
        s = end - 1;
      }
      return out;
    }

    it('agrees with a naive reference on random lists and texts (overlaps, allow words, surrogates)', () => {
      const alphabet = fc.constantFrom('a', 'b', '中', '共', '𠮷', '\ud842', '\udfb7', '\n');
      const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
      fc.assert(
        fc.property(
          fc.array(fc.record({ pattern: word, expected: fc.oneof(word, fc.constant('')) }), { minLength: 1, maxLength: 8 }),
          fc.array(word, { maxLength: 2 }),
          fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join('')),
          (replace, allow, text) => {
            const para = text.replace(/\n/g, ''); // one paragraph: runRule splits lines itself
            const got = run(para, replace, allow).map((f): [number, number, string[]] => [f.start, f.end, f.replacements]);
            assert.deepEqual(got, reference(para, replace, allow));
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('10,000 patterns: every occurrence found, nothing else', () => {
      const replace = Array.from({ length: 10000 }, (_, i) => ({ pattern: `错词${i}号`, expected: `正词${i}号` }));
      const used = [0, 7, 42, 999, 5000, 9999];
      const text = used.map((i) => `正文错词${i}号，`).join('').repeat(50);
      const f = run(text, replace);
      assert.equal(f.length, used.length * 50);
      assert.deepEqual(f.slice(0, used.length).map((x) => x.text), used.map((i) => `错词${i}号`));
      assert.deepEqual(f[3].replacements, ['正词999号']);
    });

    it("'a'×200 on 'a'×100,000, and every pattern a…a×200 at once: correct, and it completes", () => {
      const text = 'a'.repeat(100000);
      const one = run(text, [{ pattern: 'a'.repeat(200), expected: 'b' }]);
      assert.equal(one.length, 500);
      assert.ok(one.every((f, i) => f.start === i * 200 && f.end === f.start + 200));
      // Nested patterns: the longest wins at each place. This produced 20 million overlapping
      // matches and ran the server out of memory before the rule walked the trie instead.
      const nested = Array.from({ length: 200 }, (_, k) => ({ pattern: 'a'.repeat(k + 1), expected: 'b' }));
      const all = run(text, nested);
      assert.equal(all.length, 500);
      assert.ok(all.every((f) => f.end - f.start === 200));
      // With every pattern allowed inside a longer allowed word: nothing.
      assert.deepEqual(run(text, nested, ['a'.repeat(100000)]), []);
      // A pattern that is part of its expected text reads right everywhere.
      assert.deepEqual(run(text, [{ pattern: 'a'.repeat(200), expected: 'a'.repeat(201) }]), []);
      // Half a surrogate pair as a pattern never cuts a character in two.
      assert.deepEqual(run('𠮷'.repeat(1000), [{ pattern: '\ud842', expected: '吉' }, { pattern: '\udfb7', expected: '' }]), []);
    });

    it('the service runs every rule with a huge list over a long, repetitive draft', () => {
      const replace = [
        ...Array.from({ length: 200 }, (_, k) => ({ pattern: '的'.repeat(k + 1), expected: '之' })),
        ...Array.from({ length: 9800 }, (_, i) => ({ pattern: `词${i}`, expected: `语${i}` })),
      ];
      const config: PolicyConfig = { ...mergeConfig(defaultConfig(), { replace }), allow: ['的的的'] };
      const service = new PolicyService({ config });
      const text = ('的'.repeat(5000) + '词42二戰提升提升。\n').repeat(20);
      const findings = service.check(text);
      const rules = new Set(findings.map((f) => f.rule));
      for (const r of ['user-rule', 'variant-char', 'duplicate']) assert.ok(rules.has(r), r);
    });
  });

  describe('policy-lint.json in a workspace', () => {
    let ws: string;
    before(async () => {
      ws = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-robust-cfg-'));
    });
    after(async () => {
      await fs.rm(ws, { recursive: true, force: true });
    });

    it('the CLI reports problems with file, line and key, and still runs the rules', async () => {
      const cfg = path.join(ws, 'cli.json');
      await fs.writeFile(cfg, '{\n  "rules": { "variant-char": "off", "duplicate": "loud" },\n  "replace": [{ "pattern": "甲乙丙", "expected": "丙乙甲" }, { "pattern": 1 }]\n}\n');
      const draft = path.join(ws, 'draft.md');
      await fs.writeFile(draft, '二戰以来，甲乙丙提升提升。\n');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/policy-lint.js'), 'check', '--no-cache', '--format', 'json', '--config', cfg, draft], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`${cfg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: rules\\.duplicate: `));
      assert.match(r.stderr, /:3:\d+: replace\[1\]\.pattern: /);
      const rules = (JSON.parse(r.stdout) as Array<{ rule: string }>).map((f) => f.rule).sort();
      assert.deepEqual(rules, ['duplicate', 'user-rule']);
      // Broken JSON: exit 1 (findings with the defaults), one problem line, no stack trace.
      await fs.writeFile(cfg, '{"rules": ');
      const broken = spawnSync(process.execPath, [path.join(ROOT, 'bin/policy-lint.js'), 'check', '--no-cache', '--config', cfg, draft], { encoding: 'utf8' });
      assert.equal(broken.status, 1, broken.stderr);
      assert.equal(broken.stderr.trim().split('\n').length, 1);
      assert.doesNotMatch(broken.stderr, /at .*\.js/);
    });

    it('the server logs each problem with file and key, and keeps the last good configuration', async () => {
      const file = path.join(ws, 'policy-lint.json');
      const write = (text: string) => fs.writeFile(file, text);
      await write(JSON.stringify({ rules: { 'variant-char': 'off' }, replace: [{ pattern: '甲乙丙', expected: '丙乙甲' }] }));
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/policy-lsp.js'), '--stdio'], {
        cwd: ws,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, POLICY_LINT_CACHE_DIR: path.join(ws, '.cache') },
      });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += String(d)));
      let exited: number | null | undefined;
      child.on('exit', (code) => (exited = code));
      const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const logs: string[] = [];
      conn.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
      let indexed = 0;
      conn.onNotification('policyLint/indexed', () => indexed++);
      const published: Array<{ uri: string; version?: number; diagnostics: Array<{ code: string }> }> = [];
      conn.onNotification('textDocument/publishDiagnostics', (p) => published.push(p));
      conn.listen();
      try {
        await scenario();
      } finally {
        // Whatever happened, no server is left running (mocha would wait for it forever).
        if (exited === undefined) child.kill();
        conn.dispose();
      }
      assert.doesNotMatch(stderr, /RangeError|TypeError|Unhandled/);

      async function scenario(): Promise<void> {
        const rootUri = pathToFileURL(ws).toString();
        await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: {} });
        await conn.sendNotification('initialized', {});
        const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '二戰以来，甲乙丙。' } });

        const waitFor = async (what: string, ok: () => boolean) => {
          for (let i = 0; i < 600 && !ok(); i++) {
            if (exited !== undefined && what !== 'exit') assert.fail(`the server exited (${exited}) while waiting for ${what}: ${stderr.slice(0, 500)}`);
            await new Promise((r) => setTimeout(r, 50));
          }
          assert.ok(ok(), `timed out waiting for ${what}; logs: ${logs.slice(-5).join(' | ')}`);
        };
        /** Rewrites the file, tells the server (as the client's file watcher does) and waits for the re-index. */
        const change = async (text: string) => {
          const before = indexed;
          const seen = published.length;
          await write(text);
          await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
          await waitFor('the re-index', () => indexed > before);
          await waitFor('new diagnostics', () => published.slice(seen).some((p) => p.uri === uri));
        };
        const codes = () => published.filter((p) => p.uri === uri).pop()!.diagnostics.map((d) => d.code).sort();
        await waitFor('the first index', () => indexed > 0);
        await waitFor('diagnostics', () => published.some((p) => p.uri === uri));
        assert.deepEqual(codes(), ['user-rule']);

        // Wrong types and an unknown rule: each logged with file, line and key; the valid rest applies.
        logs.length = 0;
        await change('{\n "rules": { "variant-char": "off", "duplicate": "loud", "no-such-rule": "error" },\n "replace": [{ "pattern": "甲乙丙", "expected": "丙乙甲" }, { "pattern": 5 }],\n "allow": "x"\n}');
        for (const key of ['rules.duplicate', 'rules.no-such-rule', 'replace[1].pattern', 'allow']) {
          assert.ok(logs.some((m) => m.includes(`${file}:`) && m.includes(`: ${key}: `)), `logged ${key}: ${logs.join(' | ')}`);
        }
        assert.deepEqual(codes(), ['user-rule']);

        // Broken JSON: logged with its place; the last good configuration stays (variant-char off, the replace list on).
        logs.length = 0;
        await change('{\n "rules": { "variant-char": "warning" ,,, ');
        assert.ok(logs.some((m) => m.includes(`${file}:2:`) && /JSON/.test(m)), logs.join(' | '));
        assert.ok(logs.some((m) => /上一次有效的配置|last valid configuration/.test(m)), logs.join(' | '));
        assert.deepEqual(codes(), ['user-rule']);

        // 100,000 nested brackets: this crashed the server (stack overflow).
        logs.length = 0;
        await change('['.repeat(100000));
        assert.deepEqual(codes(), ['user-rule']);
        // 20,000 bad entries: the log gets the first 50 and a count, not 20,000 lines.
        logs.length = 0;
        await change(JSON.stringify({ rules: { 'variant-char': 'off' }, replace: [{ pattern: '甲乙丙', expected: '丙乙甲' }, ...Array.from({ length: 20000 }, () => ({ pattern: 1 }))] }));
        assert.ok(logs.filter((m) => m.includes('.pattern: ')).length <= 50);
        assert.ok(logs.some((m) => /另有 \d+ 个问题|more problems/.test(m)), logs.slice(-3).join(' | '));
        assert.deepEqual(codes(), ['user-rule']);

        // Adding to the allow list leaves a file it cannot extend as it is (`null` used to throw).
        await write('null');
        assert.equal(await conn.sendRequest('workspace/executeCommand', { command: 'policyLint.addToAllow', arguments: ['研究研究'] }), false);
        assert.equal(await fs.readFile(file, 'utf8'), 'null');

        // A valid file again takes effect: variant-char back on.
        await change(JSON.stringify({ replace: [{ pattern: '甲乙丙', expected: '丙乙甲' }] }));
        assert.deepEqual(codes(), ['user-rule', 'variant-char']);

        assert.equal(exited, undefined, `the server is still running (stderr: ${stderr})`);
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
        await waitFor('exit', () => exited !== undefined);
        assert.equal(exited, 0);
      }
    });
  });
});
