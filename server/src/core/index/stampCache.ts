// Remembers, per source file, the stamp (size, times, inode) it had when it was last read, its
// hash and its decoded text (UTF-16, which loads with a copy instead of a decode). A warm start
// then reads no source whose stamp is unchanged: reading, decoding and hashing 16 MB of sources
// was a fifth of a warm index of 1,200 files.
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { FileStamp, KnownContent, LoadedFile } from '../sources/loader';
import type { SourceEncoding } from '../sources/decode';
import { readBytes, readJson, writeAtomic } from './cacheFiles';

/** [size, mtimeMs, ctimeMs, ino, hash, encoding, text offset in the pack, text length, checksum of the text] */
type StampEntry = [number, number, number, number, string, SourceEncoding, number, number, number];

interface StampFile {
  format: 2;
  /** The file that holds every remembered text, one after another, as UTF-16 (texts-<pack>.u16). */
  pack: string;
  entries: Record<string, StampEntry>;
}

/**
 * A file changed within this long before its stamp was taken may change again within the same
 * tick of a coarse file-system clock (FAT: 2 s) without its stamp changing ("racy git"): such a
 * stamp is not kept, and the file is read again next time.
 */
const RACY_MS = 3000;

const ENCODINGS = new Set<string>(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);

/** FNV-1a over the UTF-16 code units: catches a damaged text in a few milliseconds. */
export function textChecksum(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function isEntry(x: unknown): x is StampEntry {
  return (
    Array.isArray(x) &&
    x.length === 9 &&
    [0, 1, 2, 3, 6, 7, 8].every((i) => typeof x[i] === 'number') &&
    typeof x[4] === 'string' &&
    /^[0-9a-f]{64}$/.test(x[4]) &&
    ENCODINGS.has(x[5]) &&
    Number.isInteger(x[6]) &&
    Number.isInteger(x[7]) &&
    x[6] >= 0 &&
    x[7] >= 0
  );
}

const PACK_NAME = /^texts-([0-9a-z]+)\.u16$/;

/**
 * The remembered texts live in one file (opening 1,200 small files cost more than reading them), so
 * saving rewrites it whole: a new file under a new name, then the stamps that name it.
 */
export class StampCache {
  private entries: Record<string, StampEntry> = Object.create(null) as Record<string, StampEntry>;
  private packName = '';
  private pack: Buffer | undefined;
  /** Texts read in this run, to be packed on save. */
  private readonly fresh = new Map<string, string>();
  private dirty = false;

  /** `dir` holds stamps.json and the pack; nothing is read or written when it is undefined. */
  constructor(private readonly dir: string | undefined) {
    if (!dir) return;
    const stored = readJson<StampFile>(path.join(dir, 'stamps.json'));
    if (!stored || stored.format !== 2 || typeof stored.pack !== 'string' || !/^[0-9a-z]+$/.test(stored.pack) || !stored.entries || typeof stored.entries !== 'object') return;
    this.packName = stored.pack;
    for (const [real, e] of Object.entries(stored.entries)) if (isEntry(e)) this.entries[real] = e;
  }

  /** A remembered text (read from the pack on first use), or undefined when it is not intact. */
  private packed(e: StampEntry): string | undefined {
    if (!this.dir || !this.packName) return undefined;
    this.pack ??= readBytes(path.join(this.dir, `texts-${this.packName}.u16`)) ?? Buffer.alloc(0);
    const [from, to] = [e[6] * 2, (e[6] + e[7]) * 2];
    if (to > this.pack.byteLength) return undefined;
    const text = this.pack.toString('utf16le', from, to);
    return textChecksum(text) === e[8] ? text : undefined;
  }

  /** The remembered content of `real` when its stamp is the one remembered, and its text intact. */
  known(real: string, stamp: FileStamp): KnownContent | undefined {
    const e = this.dir ? this.entries[real] : undefined;
    if (!e || e[0] !== stamp.size || e[1] !== stamp.mtimeMs || e[2] !== stamp.ctimeMs || e[3] !== stamp.ino) return undefined;
    const text = this.packed(e);
    return text === undefined ? undefined : { hash: e[4], encoding: e[5], text };
  }

  /** Remembers a file that was read (not one that came from here). */
  remember(file: LoadedFile, now = Date.now()): void {
    if (!this.dir || file.known || file.stamp.size < 0) return;
    if (now - Math.max(file.stamp.mtimeMs, file.stamp.ctimeMs) < RACY_MS) return;
    const { size, mtimeMs, ctimeMs, ino } = file.stamp;
    this.entries[file.real] = [size, mtimeMs, ctimeMs, ino, file.hash, file.encoding, 0, file.text.length, textChecksum(file.text)];
    this.fresh.set(file.real, file.text);
    this.dirty = true;
  }

  /**
   * When something was remembered: writes a new pack of the texts of every file that still exists
   * (and whose text is at hand), the stamps that name it, and deletes older packs.
   */
  save(exists: (real: string) => boolean): void {
    if (!this.dir || !this.dirty) return;
    this.dirty = false;
    const kept: Record<string, StampEntry> = Object.create(null) as Record<string, StampEntry>;
    const texts: string[] = [];
    let offset = 0;
    for (const [real, e] of Object.entries(this.entries)) {
      if (!exists(real)) continue;
      const text = this.fresh.get(real) ?? this.packed(e);
      if (text === undefined) continue;
      kept[real] = [e[0], e[1], e[2], e[3], e[4], e[5], offset, text.length, e[8]];
      texts.push(text);
      offset += text.length;
    }
    const name = `${Date.now().toString(36)}${process.pid.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    writeAtomic(path.join(this.dir, `texts-${name}.u16`), Buffer.from(texts.join(''), 'utf16le'));
    writeAtomic(path.join(this.dir, 'stamps.json'), JSON.stringify({ format: 2, pack: name, entries: kept } satisfies StampFile));
    this.entries = kept;
    this.packName = name;
    this.pack = undefined;
    this.fresh.clear();
    try {
      for (const file of readdirSync(this.dir)) {
        const m = PACK_NAME.exec(file);
        if (m && m[1] !== name) rmSync(path.join(this.dir, file), { force: true });
      }
    } catch {
      // The folder is gone: nothing to tidy.
    }
  }
}
