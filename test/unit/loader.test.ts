import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledSeedsDir, loadSources } from '../../server/src/core/sources/loader';

describe('loadSources', () => {
  let root: string;
  const write = (rel: string, data: string | Buffer) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    return file;
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-loader-'));
    write('b.txt', '第二个文件。\n');
    write('a.MD', '# 标题\n正文。\r\n');
    write('sub/gbk.txt', Buffer.from('d6d0cec4a1a3', 'hex')); // 中文。
    write('sub/deeper/utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('宽字符。', 'utf16le')]));
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    write('binary.txt', Buffer.from([0x41, 0, 0x42, 0, 0x43]));
    write('big.txt', '大'.repeat(400));
    write('.hidden/secret.txt', '隐藏。');
    write('node_modules/pkg/readme.md', '依赖。');
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('loads .txt and .md files recursively, sorted, with hash and encoding', async () => {
    const { files, skipped } = await loadSources([root], { maxFileSize: 1000 });
    assert.deepEqual(
      files.map((f) => path.relative(root, f.path)),
      ['a.MD', 'b.txt', path.join('sub', 'deeper', 'utf16.txt'), path.join('sub', 'gbk.txt')],
    );
    const byName = new Map(files.map((f) => [path.basename(f.path), f]));
    assert.equal(byName.get('gbk.txt')?.text, '中文。');
    assert.equal(byName.get('gbk.txt')?.encoding, 'gb18030');
    assert.equal(byName.get('utf16.txt')?.text, '宽字符。');
    assert.equal(byName.get('utf16.txt')?.encoding, 'utf-16le');
    assert.equal(byName.get('a.MD')?.text, '# 标题\n正文。\r\n');
    for (const f of files) {
      assert.ok(path.isAbsolute(f.path));
      assert.equal(f.hash, createHash('sha256').update(fs.readFileSync(f.path)).digest('hex'));
      assert.equal(f.stamp.size, fs.statSync(f.path).size);
      assert.equal(f.known, false);
    }
    const reasons = new Map(skipped.map((s) => [path.relative(root, s.path), s.reason]));
    assert.deepEqual([...reasons.keys()], ['big.txt', 'binary.txt', 'image.png']);
    for (const reason of reasons.values()) assert.ok(reason.length > 0 && !reason.includes('\n'));
    assert.match(reasons.get('big.txt') ?? '', /1 KB/);
  });

  it('reports a missing folder and keeps going', async () => {
    const missing = path.join(root, 'does-not-exist');
    const { files, skipped } = await loadSources([missing, root], { maxFileSize: 1000 });
    assert.equal(files.length, 4);
    assert.ok(skipped.some((s) => s.path === missing && s.reason.length > 0));
  });

  it('survives symbolic link loops and loads each file once', async () => {
    fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
    fs.symlinkSync(path.join(root, 'b.txt'), path.join(root, 'sub', 'link-to-b.txt'));
    fs.symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
    fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'dangling.txt'));
    const { files, skipped } = await loadSources([root], { maxFileSize: 1000 });
    assert.equal(files.length, 4);
    assert.ok(skipped.some((s) => path.basename(s.path) === 'self'));
    assert.ok(skipped.some((s) => path.basename(s.path) === 'dangling.txt'));
  });

  it('skips an unreadable file with a reason', async function () {
    const file = write('locked.txt', '锁住。');
    fs.chmodSync(file, 0o000);
    let readable = true;
    try {
      fs.readFileSync(file);
    } catch {
      readable = false;
    }
    // Running as root (or on a file system without permissions), chmod does not block reads.
    if (readable) this.skip();
    const { files, skipped } = await loadSources([root], { maxFileSize: 1000 });
    assert.equal(files.length, 4);
    assert.ok(skipped.some((s) => s.path === file && s.reason.length > 0));
  });

  it('loads extra files and reports missing ones', async () => {
    const extra = write('other/notes.text', '额外文件。');
    const gone = path.join(root, 'deleted.txt');
    const { files, skipped } = await loadSources([], { maxFileSize: 1000, includeFiles: [extra, gone] });
    assert.deepEqual(files.map((f) => f.text), ['额外文件。']);
    assert.deepEqual(skipped.map((s) => s.path), [gone]);
  });

  it('checks the size before reading', async () => {
    const { files, skipped } = await loadSources([root], { maxFileSize: 10 });
    assert.ok(files.every((f) => f.stamp.size <= 10));
    assert.ok(skipped.some((s) => path.basename(s.path) === 'big.txt'));
  });
});

describe('bundledSeedsDir', () => {
  it('finds the seeds folder of the package', () => {
    const dir = bundledSeedsDir();
    assert.equal(path.basename(dir), 'seeds');
    assert.ok(fs.readdirSync(dir).some((n) => n.endsWith('.txt')));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { name: string };
    assert.equal(pkg.name, 'policy-lint');
  });
});
