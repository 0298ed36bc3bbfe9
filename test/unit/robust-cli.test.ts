// Issue 7, part 5: `policy-lint check --fix` never damages a file. It writes atomically (a new
// temporary file in the same folder, then a rename), keeps the encoding, BOM, line breaks,
// permissions and links, and leaves alone — byte for byte, exit code 2, one line on stderr — any
// file it cannot decode or cannot write back exactly.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'bin/policy-lint.js');

function fix(...files: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--fix', ...files], { encoding: 'utf8', env: { ...process.env, POLICY_LINT_LANG: 'zh-cn' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A draft with one safe problem of each kind, CRLF line breaks and an astral character. */
const DRAFT = '𠮷弘扬正确二戰史观，，\r\n有助于提升提升城市设施韧性。\r\n';
const FIXED = '𠮷弘扬正确二战史观，\r\n有助于提升城市设施韧性。\r\n';

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('robustness: check --fix never damages a file', function () {
  this.timeout(120000);
  let dir: string;
  const write = (name: string, data: string | Buffer, mode?: number) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    if (mode !== undefined) fs.chmodSync(file, mode);
    return file;
  };
  const leftovers = () => fs.readdirSync(dir, { recursive: true }).map(String).filter((n) => /tmp/i.test(n));

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-robust-cli-')));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the encoding, BOM and line breaks: UTF-8 (with and without BOM), UTF-16 LE/BE with BOM, GB18030', () => {
    const cases: Array<[string, (s: string) => Buffer]> = [
      ['utf8.md', (s) => Buffer.from(s, 'utf8')],
      ['utf8-bom.md', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
      ['utf16le.txt', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
      ['utf16be.txt', (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)])],
      ['gb18030.txt', (s) => iconv.encode(s, 'gb18030')],
    ];
    for (const [name, encode] of cases) {
      const file = write(name, encode(DRAFT));
      const r = fix(file);
      assert.match(r.out, /已修正 3 处/, `${name}: ${r.out} ${r.err}`);
      assert.equal(r.code, 0, `${name}: nothing left at warning level (${r.out})`);
      assert.deepEqual(fs.readFileSync(file), encode(FIXED), `${name}: exactly the fixed text, in the same encoding`);
    }
    assert.deepEqual(leftovers(), []);
  });

  it('writes a new file and renames it over the draft: permissions kept, no temporary left, hard links keep the old text', () => {
    const file = write('draft.md', DRAFT, 0o640);
    const link = path.join(dir, 'hard-link.md');
    fs.linkSync(file, link);
    const before = fs.statSync(file);
    const r = fix(file);
    assert.equal(r.code, 0, r.err);
    const after = fs.statSync(file);
    assert.notEqual(after.ino, before.ino, 'a new file replaced the draft (rename), it was not rewritten in place');
    assert.equal(after.mode & 0o7777, 0o640, 'permissions are kept');
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    // A process holding the old file (the hard link stands for it) never sees a half-written text.
    assert.equal(fs.readFileSync(link, 'utf8'), DRAFT);
    assert.deepEqual(leftovers(), []);
  });

  it('fixes the target of a symbolic link and keeps the link', () => {
    const real = write('real/draft.md', DRAFT);
    const link = path.join(dir, 'link.md');
    fs.symlinkSync(real, link);
    const r = fix(link);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(real, 'utf8'), FIXED);
    assert.deepEqual(leftovers(), []);
  });

  it('binary files and invalid bytes: exit 2, one line, no file changed (not even the good ones)', () => {
    const good = write('good.md', DRAFT);
    const bad: Array<[string, Buffer]> = [
      ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
      ['invalid.md', Buffer.concat([Buffer.from('弘扬二戰', 'utf8'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0xff])])],
      ['bad-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('二戰', 'utf16le'), Buffer.from([0x00, 0xd8])])], // lone high surrogate at the end
      ['utf32.txt', Buffer.from([0xff, 0xfe, 0, 0, 0x8c, 0x4e, 0, 0])],
      ['controls.md', Buffer.from('二戰\u0001\u0002\u0003\u0004\u0005\u0006', 'utf8')],
    ];
    for (const [name, bytes] of bad) {
      const file = write(name, bytes);
      const r = fix(good, file);
      assert.equal(r.code, 2, `${name}: ${r.out} ${r.err}`);
      assert.equal(r.err.trim().split('\n').length, 1, `${name}: one line: ${r.err}`);
      assert.match(r.err, /无法解码|cannot decode/);
      assert.doesNotMatch(r.err, /at .*\.js/);
      assert.deepEqual(fs.readFileSync(file), bytes, `${name} is unchanged`);
      assert.equal(fs.readFileSync(good, 'utf8'), DRAFT, `${name}: the good file is not fixed either`);
    }
    assert.deepEqual(leftovers(), []);
  });

  it('GB18030 text the encoder would write back differently: exit 2, file unchanged', () => {
    // 0x80 decodes to € (WHATWG) but iconv-lite writes € as A2E3; A6D9 decodes to ︐ and is written
    // back as a four-byte sequence. Rewriting would change bytes no fix touched.
    for (const odd of [Buffer.from([0x80]), Buffer.from([0xa6, 0xd9])]) {
      const bytes = Buffer.concat([iconv.encode('弘扬正确二戰史观', 'gb18030'), odd, iconv.encode('。\r\n', 'gb18030')]);
      const file = write('odd-gb18030.txt', bytes);
      const r = fix(file);
      assert.equal(r.code, 2, r.out + r.err);
      assert.match(r.err, /未修正.*gb18030|not fixed.*gb18030/);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.out, /variant-char/, 'the findings are still reported');
      assert.deepEqual(fs.readFileSync(file), bytes);
    }
  });

  it('a read-only draft is not replaced', () => {
    const file = write('readonly.md', DRAFT, 0o444);
    const r = fix(file);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /只读|read-only/);
    assert.equal(fs.readFileSync(file, 'utf8'), DRAFT);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('a draft that changed after it was read is not overwritten (the same file named twice)', () => {
    const file = write('twice.md', DRAFT);
    const r = fix(file, file);
    // The first copy is fixed; the second finds the file changed since it was read and leaves it.
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /被修改|changed while/);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  });

  it('never touches a file that happens to bear a temporary-looking name', () => {
    const file = write('draft.md', DRAFT);
    const stray = write('draft.md.policy-lint.tmp', '别人的文件');
    const r = fix(file);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(stray, 'utf8'), '别人的文件');
    assert.deepEqual(leftovers(), ['draft.md.policy-lint.tmp']);
  });

  it('a draft with nothing to fix is not rewritten at all', () => {
    const file = write('clean.md', '人人参与、人人负责。\n');
    const before = fs.statSync(file);
    const r = fix(file);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.statSync(file).ino, before.ino);
    assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
  });

  it('a reader that closes the pipe early (check … | head) ends the run quietly, with no stack trace', async () => {
    // Enough findings that the report is far larger than one pipe buffer (64 KiB).
    const file = write('many.md', '提升提升城市韧性，，二戰史观。\n'.repeat(3000));
    const child = spawn(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', file], { env: { ...process.env, POLICY_LINT_LANG: 'en' } });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.match(first, /^\[/);
    assert.equal(err, '', 'nothing on stderr');
    assert.equal(status, 141, 'the status of a process whose reader left (128 + SIGPIPE)');
    assert.equal(fs.readFileSync(file, 'utf8').length, '提升提升城市韧性，，二戰史观。\n'.length * 3000, 'the draft is untouched');
  });
});
