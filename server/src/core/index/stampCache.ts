// Remembers, per source file, the stamp (size, times, inode) it had when it was last read, its
// hash and its decoded text (UTF-16, which loads with a copy instead of a decode). A warm start
// then reads no source whose stamp is unchanged: reading, decoding and hashing 16 MB of sources
// was a fifth of a warm index of 1,200 files.
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { FileStamp, KnownContent, LoadedFile } from '../sources/loader';
import type { SourceEncoding } from '../sources/decode';
import { readBytes, readJson, writeAtomic } from './cacheFiles';

/** [size, mtimeMs, ctimeMs, ino, hash, encoding, text length, checksum of the text] */
type StampEntry = [number, number, number, number, string, SourceEncoding, number, number];

interface StampFile {
  format: 1;
  entries: Record<string, StampEntry>;
}

/**
 * A file changed within this long before its stamp was taken may change again within the same
 * tick of a coarse file-system clock (FAT: 2 s) without its stamp changing ("racy git"): such a
 * stamp is not kept, and the file is read again next time.
 */
const RACY_MS = 3000;

const ENCODINGS = new Set<string>(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);

/** FNV-1a over the UTF-16 code units: catches a damaged text file in a few milliseconds. */
export function textChecksum(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function isEntry(x: unknown): x is StampEntry {
  return (
    Array.isArray(x) &&
    x.length === 8 &&
    [0, 1, 2, 3, 6, 7].every((i) => typeof x[i] === 'number') &&
    typeof x[4] === 'string' &&
    /^[0-9a-f]{64}$/.test(x[4]) &&
    ENCODINGS.has(x[5])
  );
}

export class StampCache {
  private entries: Record<string, StampEntry> = Object.create(null) as Record<string, StampEntry>;
  private dirty = false;

  /** `dir` holds stamps.json and texts/; nothing is read or written when it is undefined. */
  constructor(private readonly dir: string | undefined) {
    if (!dir) return;
    const stored = readJson<StampFile>(path.join(dir, 'stamps.json'));
    if (stored && stored.format === 1 && stored.entries && typeof stored.entries === 'object') {
      for (const [real, e] of Object.entries(stored.entries)) if (isEntry(e)) this.entries[real] = e;
    }
  }

  private textFile(hash: string): string {
    return path.join(this.dir as string, 'texts', `${hash}.u16`);
  }

  /** The remembered content of `real` when its stamp is the one remembered, and its text intact. */
  known(real: string, stamp: FileStamp): KnownContent | undefined {
    const e = this.dir ? this.entries[real] : undefined;
    if (!e || e[0] !== stamp.size || e[1] !== stamp.mtimeMs || e[2] !== stamp.ctimeMs || e[3] !== stamp.ino) return undefined;
    const bytes = readBytes(this.textFile(e[4]));
    if (!bytes || bytes.byteLength !== e[6] * 2) return undefined;
    const text = bytes.toString('utf16le');
    return textChecksum(text) === e[7] ? { hash: e[4], encoding: e[5], text } : undefined;
  }

  /** Remembers a file that was read (not one that came from here). */
  remember(file: LoadedFile, now = Date.now()): void {
    if (!this.dir || file.known || file.stamp.size < 0) return;
    if (now - Math.max(file.stamp.mtimeMs, file.stamp.ctimeMs) < RACY_MS) return;
    const { size, mtimeMs, ctimeMs, ino } = file.stamp;
    const checksum = textChecksum(file.text);
    const old = this.entries[file.real];
    if (!old || old[4] !== file.hash || old[7] !== checksum) writeAtomic(this.textFile(file.hash), Buffer.from(file.text, 'utf16le'));
    this.entries[file.real] = [size, mtimeMs, ctimeMs, ino, file.hash, file.encoding, file.text.length, checksum];
    this.dirty = true;
  }

  /** Writes the stamps when they changed, forgetting files that no longer exist, and deletes texts nothing refers to. */
  save(exists: (real: string) => boolean): void {
    if (!this.dir || !this.dirty) return;
    this.dirty = false;
    const kept: Record<string, StampEntry> = Object.create(null) as Record<string, StampEntry>;
    for (const [real, e] of Object.entries(this.entries)) if (exists(real)) kept[real] = e;
    this.entries = kept;
    writeAtomic(path.join(this.dir, 'stamps.json'), JSON.stringify({ format: 1, entries: kept } satisfies StampFile));
    const used = new Set(Object.values(kept).map((e) => `${e[4]}.u16`));
    try {
      for (const name of readdirSync(path.join(this.dir, 'texts'))) {
        if (name.endsWith('.u16') && !used.has(name)) rmSync(path.join(this.dir, 'texts', name), { force: true });
      }
    } catch {
      // No texts yet.
    }
  }
}
