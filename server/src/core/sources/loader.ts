// Finds and reads source files: a recursive walk over the configured folders that keeps .txt and
// .md files, decodes them, and skips everything else with a one-line reason instead of failing.
import { createHash } from 'node:crypto';
import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import type { Logger } from '../types';
import { mapYielding } from '../util/mapYielding';
import { decodeBytes, type SourceEncoding } from './decode';

export interface LoadedFile {
  /** Absolute path (as reached by the walk, not resolved through links). */
  path: string;
  /** The path with links resolved: what `stamp` describes. */
  real: string;
  stamp: FileStamp;
  /** sha256 of the bytes, hex. */
  hash: string;
  text: string;
  encoding: SourceEncoding;
  /** Whether the content came from `LoadOptions.known` instead of reading the file. */
  known: boolean;
}

/**
 * What tells one version of a file from another without reading it, as git's index and make do:
 * a write changes the size, the modification time or the change time, and a replaced file has a
 * new inode.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The stamp of a file whose version is not known: it matches no stat. */
export const NO_STAMP: FileStamp = Object.freeze({ size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 });

/** A file's content as remembered for a stamp (see LoadOptions.known). */
export interface KnownContent {
  hash: string;
  text: string;
  encoding: SourceEncoding;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface LoadOptions {
  /** Files above this many bytes are skipped without being read. */
  maxFileSize: number;
  logger?: Logger;
  /** Single files loaded in addition to the folders, whatever their extension. */
  includeFiles?: string[];
  /**
   * The content of a file whose stamp has not changed since it was last read (a cache): the file
   * is then not read, decoded or hashed again.
   */
  known?: (real: string, stamp: FileStamp) => KnownContent | undefined;
}

const SOURCE_EXTENSIONS = new Set(['.txt', '.md']);

function isSourceName(name: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Hidden entries and node_modules are not walked and not reported. */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function ioReason(e: unknown): string {
  switch (errorCode(e)) {
    case 'ENOENT':
      return t('文件不存在（可能在读取时已被删除）', 'file not found (it may have been deleted while reading)');
    case 'EACCES':
    case 'EPERM':
      return t('没有读取权限', 'permission denied');
    case 'EISDIR':
      return t('是文件夹而不是文件', 'is a folder, not a file');
    case 'ELOOP':
      return t('符号链接循环', 'symbolic link loop');
    default:
      return t(`无法读取：${e instanceof Error ? e.message : String(e)}`, `cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Code-unit order, the same on every platform and locale. */
function byPath<T extends { path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

class Walker {
  readonly files: LoadedFile[] = [];
  readonly skipped: Skipped[] = [];
  private readonly candidates: string[] = [];
  private readonly seenDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();

  constructor(private readonly opts: LoadOptions) {}

  private skip(p: string, reason: string): void {
    this.skipped.push({ path: p, reason });
  }

  /** Collects the source files under a folder (or the folder itself when it is a file). */
  async addRoot(root: string): Promise<void> {
    const abs = path.resolve(root);
    let stat: fsSync.Stats;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      this.skip(abs, errorCode(e) === 'ENOENT' ? t('文件夹不存在', 'folder does not exist') : ioReason(e));
      return;
    }
    if (stat.isDirectory()) await this.walk(abs);
    else if (isSourceName(abs)) this.candidates.push(abs);
    else this.skip(abs, t('不是文件夹，也不是 .txt 或 .md 文件', 'neither a folder nor a .txt or .md file'));
  }

  addFile(file: string): void {
    this.candidates.push(path.resolve(file));
  }

  private async walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      this.skip(dir, ioReason(e));
      return;
    }
    // A folder reached twice (a link to an ancestor, or two links to one place) is walked once.
    if (this.seenDirs.has(real)) return;
    this.seenDirs.add(real);
    let entries: fsSync.Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      this.skip(dir, ioReason(e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = (await fs.stat(full)).isDirectory();
        } catch (e) {
          this.skip(full, errorCode(e) === 'ENOENT' ? t('符号链接指向的目标不存在', 'broken symbolic link') : ioReason(e));
          continue;
        }
      }
      if (isDir) await this.walk(full);
      else if (isSourceName(entry.name)) this.candidates.push(full);
      else this.skip(full, t('不是 .txt 或 .md 文件', 'not a .txt or .md file'));
    }
  }

  /**
   * Reads and decodes every collected file. Paths are resolved first and deduplicated in path order
   * (so which of two links to one file is kept does not depend on timing), then read one by one
   * (see util/mapYielding for why synchronously).
   */
  async load(): Promise<void> {
    const unique = [...new Set(this.candidates)].sort();
    const reals = await mapYielding(unique, (file) => {
      try {
        return fsSync.realpathSync(file);
      } catch (e) {
        this.skip(file, ioReason(e));
        return undefined;
      }
    });
    const toRead: Array<[string, string]> = [];
    unique.forEach((file, i) => {
      const real = reals[i];
      if (real === undefined || this.seenFiles.has(real)) return; // unreadable, or the same file through another link
      this.seenFiles.add(real);
      toRead.push([file, real]);
    });
    await mapYielding(toRead, ([file, real]) => this.loadFile(file, real));
  }

  private loadFile(file: string, real: string): void {
    try {
      const stat = fsSync.statSync(real);
      if (!stat.isFile()) return this.skip(file, t('不是普通文件', 'not a regular file'));
      if (stat.size > this.opts.maxFileSize) {
        return this.skip(
          file,
          t(
            `文件过大（${formatSize(stat.size)}，上限 ${formatSize(this.opts.maxFileSize)}）`,
            `file too large (${formatSize(stat.size)}, limit ${formatSize(this.opts.maxFileSize)})`,
          ),
        );
      }
      const stamp: FileStamp = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
      const known = this.opts.known?.(real, stamp);
      if (known) {
        this.files.push({ path: file, real, stamp, ...known, known: true });
        return;
      }
      const bytes = fsSync.readFileSync(real);
      if (bytes.length > this.opts.maxFileSize) {
        return this.skip(file, t(`文件过大（${formatSize(bytes.length)}）`, `file too large (${formatSize(bytes.length)})`));
      }
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) return this.skip(file, decoded.reason);
      const hash = createHash('sha256').update(bytes).digest('hex');
      // The stamp must describe the bytes read: a file written while it was read gets none (it is
      // read again next time).
      const after = fsSync.statSync(real);
      const same = after.size === stat.size && after.mtimeMs === stat.mtimeMs && after.ctimeMs === stat.ctimeMs && after.size === bytes.length;
      const readStamp = same ? stamp : NO_STAMP;
      this.files.push({ path: file, real, stamp: readStamp, hash, text: decoded.text, encoding: decoded.encoding, known: false });
    } catch (e) {
      this.skip(file, ioReason(e));
    }
  }
}

/**
 * Loads the .txt and .md files under the folders (recursively) plus `includeFiles`. Every problem
 * (missing folder, unreadable, too large, binary, undecodable, other extension) skips that entry
 * with a reason and never stops the rest. Both lists are sorted by path.
 */
export async function loadSources(
  folders: string[],
  opts: LoadOptions,
): Promise<{ files: LoadedFile[]; skipped: Skipped[] }> {
  const walker = new Walker(opts);
  for (const folder of folders) {
    if (folder.trim()) await walker.addRoot(folder);
  }
  for (const file of opts.includeFiles ?? []) {
    if (file.trim()) walker.addFile(file);
  }
  await walker.load();
  walker.files.sort(byPath);
  walker.skipped.sort(byPath);
  opts.logger?.info(
    t(
      `读取了 ${walker.files.length} 个来源文件，跳过 ${walker.skipped.length} 个`,
      `Read ${walker.files.length} source files, skipped ${walker.skipped.length}`,
    ),
  );
  return { files: walker.files, skipped: walker.skipped };
}

let seedsDirCache: string | undefined;

function isSeedsRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(fsSync.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    if (pkg.name !== 'policy-lint') return false;
    return fsSync.readdirSync(path.join(dir, 'seeds')).some((n) => n.toLowerCase().endsWith('.txt'));
  } catch {
    return false;
  }
}

/**
 * The bundled seeds/ folder: found by walking up from this module (out/… in tests, dist/ when
 * bundled) to the policy-lint package root that holds a seeds/ folder with .txt files.
 * Returns '' when there is none.
 */
export function bundledSeedsDir(): string {
  if (seedsDirCache !== undefined) return seedsDirCache;
  let dir = __dirname;
  for (;;) {
    if (isSeedsRoot(dir)) return (seedsDirCache = path.join(dir, 'seeds'));
    const parent = path.dirname(dir);
    if (parent === dir) return (seedsDirCache = '');
    dir = parent;
  }
}
