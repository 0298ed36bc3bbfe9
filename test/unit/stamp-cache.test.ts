import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StampCache, textChecksum } from '../../server/src/core/index/stampCache';
import { loadSources, type LoadedFile } from '../../server/src/core/sources/loader';

describe('source stamps (a warm start reads no unchanged source)', () => {
  let root: string;
  let cacheDir: string;
  const later = () => Date.now() + 60_000; // as if the files had been written long ago
  const write = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(root, name), data);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-stamps-src-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-stamps-cache-'));
    write('a.txt', '践行“全过程人民民主”，𠮷字不误。\r\n第二段。\r\n');
    write('gbk.txt', Buffer.from('d6d0cec4a1a3', 'hex')); // 中文。 in GB18030
    write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('宽字符。', 'utf16le')]));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  /** One load that remembers what it read, as the indexer does. */
  async function load(now = later()): Promise<LoadedFile[]> {
    const stamps = new StampCache(cacheDir);
    const { files } = await loadSources([root], { maxFileSize: 1e6, known: (real, stamp) => stamps.known(real, stamp) });
    for (const f of files) stamps.remember(f, now);
    stamps.save(fs.existsSync);
    return files;
  }

  const byName = (files: LoadedFile[]) => new Map(files.map((f) => [path.basename(f.path), f]));

  it('gives back the same text, hash and encoding without reading the file, in every encoding', async () => {
    const first = await load();
    assert.ok(first.every((f) => !f.known));
    const second = await load();
    assert.ok(second.every((f) => f.known));
    const strip = (f: LoadedFile) => ({ path: f.path, hash: f.hash, text: f.text, encoding: f.encoding });
    assert.deepEqual(second.map(strip), first.map(strip));
    assert.equal(byName(second).get('gbk.txt')?.encoding, 'gb18030');
    assert.equal(byName(second).get('a.txt')?.text, '践行“全过程人民民主”，𠮷字不误。\r\n第二段。\r\n');
  });

  it('reads a file again when it changed, even to the same size', async () => {
    await load();
    const file = path.join(root, 'a.txt');
    const before = fs.statSync(file);
    write('a.txt', '践行“全过程人民民主”，𠮷字不错。\r\n第二段。\r\n'); // one character, same size
    fs.utimesSync(file, before.atime, new Date(before.mtimeMs + 5000));
    const again = byName(await load());
    assert.equal(again.get('a.txt')?.known, false);
    assert.match(again.get('a.txt')?.text ?? '', /不错/);
    assert.equal(again.get('gbk.txt')?.known, true);
  });

  it('does not trust the stamp of a file written within the last seconds (a coarse clock may not tell two writes apart)', async () => {
    await load(Date.now());
    assert.ok((await load()).every((f) => !f.known));
    assert.ok((await load()).every((f) => f.known));
  });

  const packs = () => fs.readdirSync(cacheDir).filter((f) => /^texts-.*\.u16$/.test(f));

  it('reads the file when its remembered text is damaged or gone, or the stamps file is garbage', async () => {
    await load();
    const [pack] = packs();
    const bytes = fs.readFileSync(path.join(cacheDir, pack));
    bytes[0] ^= 1; // the first file's text
    fs.writeFileSync(path.join(cacheDir, pack), bytes);
    assert.equal((await load()).filter((f) => !f.known).length, 1);
    fs.rmSync(path.join(cacheDir, packs()[0]));
    assert.ok((await load()).every((f) => !f.known));
    fs.writeFileSync(path.join(cacheDir, 'stamps.json'), '{"format":2,"pack":"x","entries":{"x":[1,2,3]}}');
    assert.ok((await load()).every((f) => !f.known));
    fs.writeFileSync(path.join(cacheDir, 'stamps.json'), '\u0000not json');
    assert.ok((await load()).every((f) => !f.known));
    assert.ok((await load()).every((f) => f.known));
  });

  it('forgets deleted files, keeps one pack of texts, and keeps what it did not read this time', async () => {
    await load();
    fs.rmSync(path.join(root, 'utf16.txt'));
    write('new.txt', '新的文件。');
    await load();
    const stamps = JSON.parse(fs.readFileSync(path.join(cacheDir, 'stamps.json'), 'utf8')) as { entries: Record<string, unknown> };
    assert.deepEqual(Object.keys(stamps.entries).map((p) => path.basename(p)).sort(), ['a.txt', 'gbk.txt', 'new.txt']);
    assert.equal(packs().length, 1);
    // Another folder indexed with the same cache keeps these files' texts (a.txt is not loaded now).
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-stamps-other-'));
    fs.writeFileSync(path.join(other, 'c.txt'), '另一个文件夹。');
    const stamps2 = new StampCache(cacheDir);
    const { files } = await loadSources([other], { maxFileSize: 1e6, known: (real, stamp) => stamps2.known(real, stamp) });
    for (const f of files) stamps2.remember(f, later());
    stamps2.save(fs.existsSync);
    fs.rmSync(other, { recursive: true, force: true });
    const again = byName(await load());
    assert.equal(again.get('a.txt')?.known, true);
    assert.equal(again.get('a.txt')?.text, '践行“全过程人民民主”，𠮷字不误。\r\n第二段。\r\n');
  });

  it('checksums every code unit', () => {
    assert.notEqual(textChecksum('𠮷'), textChecksum('\ud842'));
    assert.notEqual(textChecksum('ab'), textChecksum('ba'));
    assert.equal(textChecksum(''), 0x811c9dc5);
  });
});
