// Issue 7, part 2: bad source folders. Whatever lies in a source folder — binary files, a 200 MB
// file, other encodings, unreadable files and folders, link loops, named pipes, a file deleted
// while it is being read, a folder that does not exist — the Indexer finishes, names each bad
// entry once (in the report's skipped list and in one log line) and still serves everything else.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
// The module object itself (the import above is a read-only view of it): tests replace readFileSync on it.
const nodeFs = require('node:fs') as typeof import('node:fs');
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { getCompletions, prepareCompletion } from '../../server/src/core/features/completion';
import { getHover } from '../../server/src/core/features/hover';
import { getDefinition, getReferences } from '../../server/src/core/features/navigation';
import { Indexer, type IndexReport } from '../../server/src/core/index/indexer';
import { PolicyService } from '../../server/src/core/service';
import type { Logger } from '../../server/src/core/types';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 3000);

const BIG = 200 * 1024 * 1024;

/** One invented quoted term per good file, so that each file's contribution to the index is visible. */
const GOOD: Array<{ name: string; term: string; bytes: (text: string) => Buffer; encoding: string }> = [
  { name: 'good-utf8.txt', term: '晴川历历工程', bytes: (s) => Buffer.from(s, 'utf8'), encoding: 'utf-8' },
  { name: 'good-bom.md', term: '白云千载方案', bytes: (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]), encoding: 'utf-8' },
  { name: 'good-gb18030.txt', term: '芳草萋萋计划', bytes: (s) => iconv.encode(s, 'gb18030'), encoding: 'gb18030' },
  { name: 'good-utf16le.txt', term: '黄鹤一去行动', bytes: (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), encoding: 'utf-16le' },
  { name: 'good-utf16be.txt', term: '鹦鹉洲头倡议', bytes: (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]), encoding: 'utf-16be' },
  { name: 'sub/deeper/good-nested.txt', term: '烟波江上举措', bytes: (s) => Buffer.from(s, 'utf8'), encoding: 'utf-8' },
];
const goodText = (term: string) => `标题${term.slice(0, 2)}\r\n各地坚持推进“${term}”。“${term}”取得实效。\n`;

interface Logged {
  warn: string[];
  error: string[];
  info: string[];
}
function recorder(): Logger & { logged: Logged } {
  const logged: Logged = { warn: [], error: [], info: [] };
  return { logged, info: (m) => logged.info.push(m), warn: (m) => logged.warn.push(m), error: (m) => logged.error.push(m) };
}

/** Exactly one skipped entry and exactly one log line name `file`; the reason is one clear line. */
function assertSkippedOnce(report: IndexReport, logged: Logged, file: string, reason: RegExp): void {
  const entries = report.skipped.filter((s) => s.path === file);
  assert.equal(entries.length, 1, `one skipped entry for ${file}: ${JSON.stringify(report.skipped)}`);
  assert.match(entries[0].reason, reason, `reason for ${path.basename(file)}`);
  assert.ok(!entries[0].reason.includes('\n') && entries[0].reason.length < 200, 'the reason is one short line');
  const lines = logged.warn.filter((m) => m.includes(file));
  assert.equal(lines.length, 1, `one log line for ${file}: ${JSON.stringify(logged.warn)}`);
}

describe('robustness: bad sources through the Indexer', function () {
  this.timeout(120000);
  let root: string;
  const write = (rel: string, data: string | Buffer) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    return file;
  };

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-robust-src-')));
    for (const g of GOOD) write(g.name, g.bytes(goodText(g.term)));
  });
  afterEach(() => {
    for (const p of [root, path.join(root, 'locked-dir')]) if (fs.existsSync(p)) fs.chmodSync(p, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  function assertGoodIndexed(index: Indexer['index'], report: IndexReport): void {
    for (const g of GOOD) {
      assert.ok(index.term(g.term), `term of ${g.name} is indexed`);
      const entry = report.files.find((f) => f.path === path.join(root, g.name));
      assert.ok(entry, `${g.name} is in the report`);
      assert.equal(entry.encoding, g.encoding, `${g.name} decoded as ${g.encoding}`);
    }
    assert.ok(index.term('上海精神'), 'the bundled seeds are still indexed');
  }

  it('binary, oversized, undecodable and odd files: one message each, the rest indexed', async () => {
    const binary = write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const controls = write('controls.md', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 0x41 : 0x01))));
    const invalid = write('invalid.txt', Buffer.from([0xe4, 0xb8, 0xad, 0xff, 0xfe, 0x80, 0x81, 0xff, 0xff, 0xff]));
    const utf32 = write('utf32.txt', Buffer.from([0xff, 0xfe, 0, 0, 0x2d, 0x4e, 0, 0]));
    const badBom = write('bad-bom.txt', Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]));
    const other = write('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    write('empty.txt', '');
    // 200 MB, sparse: created at once, never read.
    const big = path.join(root, 'huge.txt');
    fs.writeFileSync(big, '大');
    fs.truncateSync(big, BIG);
    assert.equal(fs.statSync(big).size, BIG);

    const read: string[] = [];
    const original = fs.readFileSync;
    // Record every file the loader reads (it reads through fs.readFileSync).
    (nodeFs as { readFileSync: unknown }).readFileSync = ((p: fs.PathLike, ...rest: unknown[]) => {
      read.push(String(p));
      return (original as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof original;
    const log = recorder();
    let indexer: Indexer;
    try {
      indexer = new Indexer({ folders: [root], maxFileSize: 20e6, logger: log });
      await indexer.rebuild();
    } finally {
      (nodeFs as { readFileSync: unknown }).readFileSync = original;
    }
    const report = indexer.report!;
    assert.ok(read.includes(path.join(root, GOOD[0].name)), 'the recorder sees the reads');
    assert.ok(!read.includes(big), 'the 200 MB file is skipped by its size, without being read');
    assertSkippedOnce(report, log.logged, big, /过大|too large/);
    assert.match(report.skipped.find((s) => s.path === big)!.reason, /200\.0 MB/);
    assertSkippedOnce(report, log.logged, binary, /二进制|binary|NUL/);
    assertSkippedOnce(report, log.logged, controls, /控制字符|control/);
    assertSkippedOnce(report, log.logged, invalid, /GB18030/);
    assertSkippedOnce(report, log.logged, utf32, /UTF-32/);
    assertSkippedOnce(report, log.logged, badBom, /BOM/);
    assertSkippedOnce(report, log.logged, other, /\.txt|\.md/);
    assert.deepEqual(log.logged.error, []);
    assert.ok(report.files.some((f) => f.path === path.join(root, 'empty.txt')), 'an empty file is an empty source, not an error');
    assertGoodIndexed(indexer.index, report);
  });

  it('link loops, a link to /dev/zero, a named pipe and a missing folder: no hang, one message each', async function () {
    // A link back to an ancestor: the folder is walked once.
    fs.symlinkSync(root, path.join(root, 'sub', 'back-to-root'));
    fs.symlinkSync(path.join(root, 'sub'), path.join(root, 'sub', 'deeper', 'back-to-sub'));
    // Links that point at each other, and one at itself: ELOOP.
    const self = path.join(root, 'self.txt');
    fs.symlinkSync(self, self);
    const ping = path.join(root, 'ping.txt');
    const pong = path.join(root, 'pong.txt');
    fs.symlinkSync(pong, ping);
    fs.symlinkSync(ping, pong);
    const dangling = path.join(root, 'dangling.txt');
    fs.symlinkSync(path.join(root, 'nowhere.txt'), dangling);
    // Not regular files: reading them would never end.
    const zero = path.join(root, 'zero.txt');
    fs.symlinkSync('/dev/zero', zero);
    const pipe = path.join(root, 'pipe.txt');
    const mkfifo = spawnSync('mkfifo', [pipe]);
    const haveFifo = mkfifo.status === 0;
    const missing = path.join(root, 'no-such-folder');
    const missingFile = path.join(os.tmpdir(), 'pl-robust-no-such-file.txt');

    const log = recorder();
    const indexer = new Indexer({ folders: [missing, root, missingFile], maxFileSize: 20e6, logger: log });
    await indexer.rebuild();
    const report = indexer.report!;
    assertSkippedOnce(report, log.logged, self, /循环|loop/);
    assertSkippedOnce(report, log.logged, ping, /循环|loop/);
    assertSkippedOnce(report, log.logged, pong, /循环|loop/);
    assertSkippedOnce(report, log.logged, dangling, /不存在|broken/);
    assertSkippedOnce(report, log.logged, zero, /不是普通文件|not a regular file/);
    if (haveFifo) assertSkippedOnce(report, log.logged, pipe, /不是普通文件|not a regular file/);
    assertSkippedOnce(report, log.logged, missing, /不存在|does not exist/);
    assertSkippedOnce(report, log.logged, missingFile, /不存在|does not exist/);
    assert.deepEqual(log.logged.error, []);
    // Each good file once, although links reach some of them twice.
    const paths = report.files.map((f) => f.path);
    assert.equal(new Set(paths).size, paths.length);
    assert.equal(paths.filter((p) => p.includes('good-nested')).length, 1);
    assertGoodIndexed(indexer.index, report);
    if (!haveFifo) this.skip(); // reported as pending: no mkfifo on this system
  });

  it('a file deleted between listing and reading is skipped with its reason', async () => {
    const victim = write('victim.txt', goodText('昙花一现工程'));
    const original = fs.readFileSync;
    // The race made deterministic: the file disappears right before the loader reads it.
    (nodeFs as { readFileSync: unknown }).readFileSync = ((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === victim) fs.rmSync(victim, { force: true });
      return (original as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof original;
    const log = recorder();
    let indexer: Indexer;
    try {
      indexer = new Indexer({ folders: [root], maxFileSize: 20e6, logger: log });
      await indexer.rebuild();
    } finally {
      (nodeFs as { readFileSync: unknown }).readFileSync = original;
    }
    assertSkippedOnce(indexer.report!, log.logged, victim, /不存在|not found/);
    assert.ok(!indexer.index.term('昙花一现工程'));
    assertGoodIndexed(indexer.index, indexer.report!);
  });

  it('files deleted and a folder removed while indexing (from onProgress): this index and the next stay whole', async () => {
    const doomed = write('zz-doomed/doomed.txt', goodText('过眼云烟计划'));
    const log = recorder();
    let deleted = false;
    const indexer = new Indexer({
      folders: [root],
      maxFileSize: 20e6,
      logger: log,
      onProgress: () => {
        if (deleted) return;
        deleted = true;
        fs.rmSync(path.join(root, 'zz-doomed'), { recursive: true, force: true });
        fs.rmSync(path.join(root, GOOD[0].name), { force: true });
      },
    });
    // The first index was read before the deletions: it holds everything, the doomed file included.
    const first = await indexer.rebuild();
    assert.ok(deleted);
    assert.ok(first.term('过眼云烟计划'));
    assertGoodIndexed(first, indexer.report!);
    // The next rebuild (what a file watcher triggers) drops the deleted files, without a message:
    // they are gone, not bad.
    const second = await indexer.rebuild();
    assert.ok(!second.term('过眼云烟计划'));
    assert.ok(!second.term(GOOD[0].term));
    assert.ok(second.term(GOOD[1].term) && second.term('上海精神'));
    assert.ok(!indexer.report!.files.some((f) => f.path === doomed));
    assert.deepEqual(log.logged.error, []);
  });

  it('unreadable files and folders are skipped with "permission denied" (as an unprivileged user when run as root)', async function () {
    const locked = write('locked.txt', goodText('闭门谢客工程'));
    fs.mkdirSync(path.join(root, 'locked-dir'));
    const lockedInDir = write('locked-dir/inside.txt', goodText('深锁重门工程'));
    fs.chmodSync(locked, 0o000);
    fs.chmodSync(path.join(root, 'locked-dir'), 0o000);
    const lockedDir = path.join(root, 'locked-dir');
    let readable = true;
    try {
      fs.readFileSync(locked);
    } catch {
      readable = false;
    }
    if (!readable) {
      const log = recorder();
      const indexer = new Indexer({ folders: [root], maxFileSize: 20e6, logger: log });
      await indexer.rebuild();
      assertSkippedOnce(indexer.report!, log.logged, locked, /权限|permission/);
      assertSkippedOnce(indexer.report!, log.logged, lockedDir, /权限|permission/);
      assert.ok(!indexer.report!.skipped.some((s) => s.path === lockedInDir));
      assertGoodIndexed(indexer.index, indexer.report!);
      return;
    }
    // Root reads chmod 000 files. Load the folder as `nobody` instead, in a child process.
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) return this.skip();
    fs.chmodSync(root, 0o755);
    for (const g of GOOD) fs.chmodSync(path.join(root, g.name), 0o644);
    for (const d of ['sub', 'sub/deeper']) fs.chmodSync(path.join(root, d), 0o755);
    const loader = path.resolve(__dirname, '../../server/src/core/sources/loader.js');
    const script = `require(${JSON.stringify(loader)}).loadSources([${JSON.stringify(root)}], { maxFileSize: 20e6 }).then((r) => process.stdout.write(JSON.stringify({ files: r.files.map((f) => f.path), skipped: r.skipped })))`;
    const child = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: os.tmpdir() });
    // Not allowed to switch users here (a container without CAP_SETUID): nothing to prove.
    if (child.error || child.status !== 0) return this.skip();
    const r = JSON.parse(child.stdout) as { files: string[]; skipped: Array<{ path: string; reason: string }> };
    const reasonOf = (p: string) => r.skipped.filter((s) => s.path === p).map((s) => s.reason);
    assert.equal(reasonOf(locked).length, 1);
    assert.match(reasonOf(locked)[0], /权限|permission/);
    assert.equal(reasonOf(lockedDir).length, 1);
    assert.match(reasonOf(lockedDir)[0], /权限|permission/);
    for (const g of GOOD) assert.ok(r.files.includes(path.join(root, g.name)), `${g.name} read as nobody`);
  });

  describe('random source files (mutated seeds, quotes, markers, surrogates, controls)', () => {
    const ROOT = path.resolve(__dirname, '../../..');
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).map((n) => fs.readFileSync(path.join(ROOT, 'seeds', n), 'utf8'));
    const pieces = ['“', '”', '《', '》', '：', '指出：“', '。', '\n', '\r\n', '\r', '　', '𠮷', '\ud800', '\udc00', '（上接第一版）', '（新华社北京8月28日电）', '上海合作组织（上合组织）', '“上海精神”', '所谓“新质生产力”，是指', '——', '…', '\u0000', '\t', '一、', '第一章', '习近平主席指出：“', '”习近平说。', '的', '提升'];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.fullUnicodeString({ maxLength: 2 }));
    const mutated = fc
      .record({
        seed: fc.nat(seeds.length - 1),
        from: fc.nat(),
        len: fc.nat(3000),
        edits: fc.array(fc.record({ at: fc.nat(), del: fc.nat(5), ins: fc.array(piece, { maxLength: 5 }).map((a) => a.join('')) }), { maxLength: 30 }),
      })
      .map(({ seed, from, len, edits }) => {
        const at = from % seeds[seed].length;
        let text = seeds[seed].slice(at, at + len);
        for (const e of edits) {
          const k = e.at % (text.length + 1);
          text = text.slice(0, k) + e.ins + text.slice(k + e.del);
        }
        return text;
      });
    const sourceFile = fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.array(piece, { maxLength: 300 }).map((a) => a.join('')) });

    /** Index the files, then use every feature on a draft made of them: nothing may throw or log an error. */
    async function exercise(texts: string[], offsets: number[], includeSeeds: boolean): Promise<void> {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-robust-rnd-'));
      try {
        texts.forEach((t, i) => fs.writeFileSync(path.join(dir, `f${i}.txt`), t));
        const log = recorder();
        const index = await new Indexer({ folders: [dir], includeSeeds, maxFileSize: 20e6, logger: log }).rebuild();
        prepareCompletion(index);
        const draft = texts.join('\n').slice(0, 3000);
        new PolicyService({ index, logger: log }).check(draft);
        for (const o of offsets) {
          const at = o % (draft.length + 1);
          getHover(index, draft, at);
          getCompletions(index, draft, at);
          getDefinition(index, draft, at);
          getReferences(index, draft, at);
        }
        assert.deepEqual(log.logged.error, []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }

    it('index and serve them without an exception', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(sourceFile, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 5 }), (texts, offsets) => exercise(texts, offsets, false)),
        { numRuns: Math.max(1, Math.round(RUNS / 10)) },
      );
    });

    it('…next to the bundled sources', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(sourceFile, { minLength: 1, maxLength: 2 }), fc.array(fc.nat(), { maxLength: 5 }), (texts, offsets) => exercise(texts, offsets, true)),
        { numRuns: Math.max(1, Math.round(RUNS / 100)) },
      );
    });
  });
});
