// Builds and maintains the CorpusIndex from source folders: loads files, reuses per-file results
// cached by content hash, re-indexes changed files alone, and reports what it did.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { bundledSeedsDir, loadSources, type LoadedFile } from '../sources/loader';
import { buildSourceText, type SourceContent } from '../sources/sourceText';
import { splitArticles } from '../sources/structure';
import { silentLogger, type FileIndex, type Logger, type SourceText } from '../types';
import { CorpusIndex, joinSources, type CorpusExtras } from './corpus';
import { SuffixArray } from '../text/suffixArray';
import { fromCached, toCached, type CachedFileIndex } from './fileCache';
import { mineFile } from './miner';
import { mineFormulationsOnWorker, type Formulation } from './formulations';
import { mapYielding } from '../util/mapYielding';
import { readBytes, readJson, writeAtomicLater } from './cacheFiles';
import { StampCache } from './stampCache';

declare const __POLICY_LINT_CORE_HASH__: string | undefined;

/**
 * Cached results are only valid for the code that mined them: the key includes a hash of this
 * module's own file (the bundle, when bundled), so any change to the miner invalidates the cache.
 */
const CACHE_VERSION = (() => {
  // The bundles (CLI, server) share one hash of the core's sources, set at build time, so they share
  // one cache; unbundled (tests) the module file itself is hashed.
  if (typeof __POLICY_LINT_CORE_HASH__ === 'string') return 'v1-' + __POLICY_LINT_CORE_HASH__;
  try {
    return 'v1-' + createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 12);
  } catch {
    return 'v1';
  }
})();

export interface IndexOptions {
  /** User folders, searched recursively. */
  folders: string[];
  /** Whether the bundled seeds are included (default true). */
  includeSeeds?: boolean;
  maxFileSize: number;
  /** Where per-file results are cached; no caching when undefined. */
  cacheDir?: string;
  logger?: Logger;
  /** Checked between files: stop early when it returns true. */
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface IndexReport {
  files: Array<{ path: string; encoding: string; chars: number; articles: number; cached: boolean }>;
  skipped: Array<{ path: string; reason: string }>;
  terms: number;
  formulations: number;
  definitions: number;
  aliases: number;
  statements: number;
  sentences: number;
  ms: number;
  cachedFiles: number;
}

export function buildFileIndex(file: SourceContent, source = buildSourceText(file)): FileIndex {
  const articles = splitArticles(source.text);
  return { source, articles, ...mineFile(source, articles) };
}

/** Corpus-wide parts are cached under the hash of all files' hashes and source folders, in order. */
function corpusKey(hashes: string[], groups: readonly number[]): string {
  return createHash('sha256').update(hashes.map((h, i) => `${h}:${groups[i]}`).join(',')).digest('hex');
}

export class Indexer {
  private readonly perFile = new Map<string, FileIndex>();
  private current: CorpusIndex = CorpusIndex.empty();
  private lastReport: IndexReport | undefined;
  /** Cache files being written (see writeAtomicLater): a rebuild ends when they are written. */
  private readonly writing = new Set<Promise<void>>();

  constructor(private options: IndexOptions) {}

  get index(): CorpusIndex {
    return this.current;
  }

  get report(): IndexReport | undefined {
    return this.lastReport;
  }

  setOptions(options: IndexOptions): void {
    this.options = options;
  }

  folders(): string[] {
    return [...this.options.folders];
  }

  /** The bundled seed texts (their folder's README describes them and is no source). */
  private seedFiles(): string[] {
    if (this.options.includeSeeds === false) return [];
    const dir = bundledSeedsDir();
    if (!dir) return [];
    try {
      return readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith('.txt'))
        .sort()
        .map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  }

  /** Loads every source (reusing cached per-file results) and rebuilds the index. */
  async rebuild(): Promise<CorpusIndex> {
    const started = Date.now();
    const log = this.options.logger ?? silentLogger;
    const stamps = new StampCache(this.options.cacheDir ? path.join(this.options.cacheDir, CACHE_VERSION) : undefined);
    const { files, skipped } = await loadSources(this.folders(), {
      maxFileSize: this.options.maxFileSize,
      logger: log,
      includeFiles: this.seedFiles(),
      known: (real, stamp) => stamps.known(real, stamp),
    });
    for (const file of files) stamps.remember(file);
    stamps.save(existsSync);
    this.pruneOldCaches();
    for (const s of skipped) log.warn(t(`跳过 ${s.path}：${s.reason}`, `Skipped ${s.path}: ${s.reason}`));
    const fresh = new Map<string, FileIndex>();
    const reportFiles: IndexReport['files'] = [];
    const stop = () => this.options.isCancelled?.() === true;
    // Cached per-file results first; every other file gets only its rebuilt text for now (cheap).
    const prepared = await mapYielding(files, (file) => this.cachedFileIndex(file) ?? { source: buildSourceText(file) }, stop);
    // When the corpus-wide cache cannot serve, the suffix array of the joined texts is sorted and
    // the formulations are mined on two worker threads while this thread mines the files that are
    // not cached (each a third of a cold index).
    const sources = prepared.flatMap((p) => (p ? ['index' in p ? p.index.source : p.source] : []));
    const texts = sources.map((s) => s.text);
    const hashes = sources.map((s) => s.hash);
    const groups = sources.map((s) => this.groupOf(s.path));
    const workers = new AbortController();
    const sorting = stop() || this.corpusCacheExists(corpusKey(hashes, groups))
      ? undefined
      : { texts, suffixArray: SuffixArray.buildInWorker(joinSources(texts), workers.signal), formulations: mineFormulationsOnWorker(texts, { groups, signal: workers.signal }), workers };
    let cachedFiles = 0;
    let done = 0;
    const results = await mapYielding(
      files,
      (file, i) => {
        const p = prepared[i];
        if (!p) return undefined;
        const r = 'index' in p ? p : this.mineFile(file, p.source);
        this.options.onProgress?.(++done, files.length);
        return r;
      },
      stop,
    );
    files.forEach((file, i) => {
      const r = results[i];
      if (!r) return;
      if (r.cached) cachedFiles++;
      fresh.set(file.path, r.index);
      reportFiles.push({ path: file.path, encoding: file.encoding, chars: r.index.source.text.length, articles: r.index.articles.length, cached: r.cached });
    });
    this.perFile.clear();
    for (const [k, v] of fresh) this.perFile.set(k, v);
    this.current = await this.combine(sorting);
    await Promise.all(this.writing);
    const idx = this.current;
    this.lastReport = {
      files: reportFiles,
      skipped,
      terms: idx.termCount,
      formulations: idx.formulations.length,
      definitions: idx.files.reduce((n, f) => n + f.definitions.length, 0),
      aliases: [...idx.allTerms()].filter((x) => x.fullForm).length,
      statements: idx.statements.length,
      sentences: idx.files.reduce((n, f) => n + f.articles.reduce((m, a) => m + a.paragraphs.reduce((k, p) => k + p.sentences.length, 0), 0), 0),
      ms: Date.now() - started,
      cachedFiles,
    };
    log.info(
      t(
        `已索引 ${reportFiles.length} 个文件（${cachedFiles} 个来自缓存），${idx.termCount} 个术语，跳过 ${skipped.length} 个，用时 ${this.lastReport.ms} ms`,
        `Indexed ${reportFiles.length} files (${cachedFiles} cached), ${idx.termCount} terms, skipped ${skipped.length}, in ${this.lastReport.ms} ms`,
      ),
    );
    return idx;
  }

  private pruned = false;

  /** Caches written by other versions of the code are dead weight: remove them once. */
  private pruneOldCaches(): void {
    if (this.pruned || !this.options.cacheDir) return;
    this.pruned = true;
    try {
      for (const name of readdirSync(this.options.cacheDir)) {
        if (/^v\d/.test(name) && name !== CACHE_VERSION) rmSync(path.join(this.options.cacheDir, name), { recursive: true, force: true });
      }
    } catch {
      // No cache folder yet.
    }
  }

  private cachePath(kind: string, key: string, ext = 'json'): string | undefined {
    return this.options.cacheDir ? path.join(this.options.cacheDir, CACHE_VERSION, kind, `${key}.${ext}`) : undefined;
  }

  /** The file's index from memory or from the cache, when its bytes have not changed. */
  private cachedFileIndex(file: LoadedFile): { index: FileIndex; cached: true } | undefined {
    const known = this.perFile.get(file.path);
    if (known && known.source.hash === file.hash) return { index: known, cached: true };
    const cacheFile = this.cachePath('files', file.hash);
    const cached = cacheFile ? readJson<CachedFileIndex>(cacheFile) : undefined;
    const hit = cached && fromCached(cached, file);
    return hit ? { index: hit, cached: true } : undefined;
  }

  private mineFile(file: LoadedFile, source: SourceText): { index: FileIndex; cached: false } {
    const index = buildFileIndex(file, source);
    const cacheFile = this.cachePath('files', file.hash);
    const compact = cacheFile ? toCached(index) : undefined;
    if (cacheFile && compact) this.writeLater(cacheFile, JSON.stringify(compact));
    return { index, cached: false };
  }

  private writeLater(file: string, data: string | Uint8Array): void {
    const done: Promise<void> = writeAtomicLater(file, data).then(() => {
      this.writing.delete(done);
    });
    this.writing.add(done);
  }

  private corpusCacheExists(key: string): boolean {
    const metaFile = this.cachePath('corpus', key);
    const saFile = this.cachePath('corpus', key, 'sa');
    return metaFile !== undefined && saFile !== undefined && existsSync(metaFile) && existsSync(saFile);
  }

  /** Corpus-wide parts are cached by the combined hash of all files (in order). */
  private async combine(sorting?: {
    texts: string[];
    suffixArray: Promise<SuffixArray | undefined>;
    formulations: Promise<Formulation[] | undefined>;
    workers: AbortController;
  }): Promise<CorpusIndex> {
    const files = [...this.perFile.values()];
    const groups = files.map((f) => this.groupOf(f.source.path));
    const key = corpusKey(files.map((f) => f.source.hash), groups);
    const metaFile = this.cachePath('corpus', key);
    const saFile = this.cachePath('corpus', key, 'sa');
    if (metaFile && saFile) {
      const meta = readJson<Pick<CorpusExtras, 'formulations' | 'derived' | 'termTable'>>(metaFile);
      const sa = readBytes(saFile);
      if (meta && Array.isArray(meta.formulations) && sa && sa.byteLength % 4 === 0) {
        const arr = new Int32Array(sa.buffer, sa.byteOffset, sa.byteLength >> 2);
        // A damaged cache must not poison the counts: a suffix array is a permutation of its positions.
        if (!isPermutation(arr)) return this.buildAndCache(files, metaFile, saFile, { groups });
        const formulations = meta.formulations.filter((f) => f && typeof f.text === 'string' && typeof f.count === 'number');
        const d = meta.derived;
        const derived = d && Array.isArray(d.typos) && Array.isArray(d.shortForms) ? d : undefined;
        // (A list that is not one of strings is recomputed.)
        if (derived && !(Array.isArray(derived.cutFormulations) && derived.cutFormulations.every((x) => typeof x === 'string'))) delete derived.cutFormulations;
        const index = new CorpusIndex(files, { formulations, derived, suffixArray: arr, termTable: meta.termTable, groups });
        // A table that did not fit was merged again: cache the good one.
        if (!index.restored) this.writeMeta(index, metaFile);
        return index;
      }
    }
    // What was worked out meanwhile serves only if it was for exactly these texts (not after a
    // cancel, say); otherwise the threads are stopped.
    const same = sorting && sorting.texts.length === files.length && files.every((f, i) => f.source.text === sorting.texts[i]);
    if (!same) sorting?.workers.abort();
    const [sorted, formulations] = same ? await Promise.all([sorting.suffixArray, sorting.formulations]) : [];
    return this.buildAndCache(files, metaFile, saFile, sorted && formulations ? { suffixArray: sorted.sa, formulations, groups } : { groups });
  }

  private buildAndCache(files: FileIndex[], metaFile: string | undefined, saFile: string | undefined, extras?: CorpusExtras): CorpusIndex {
    const index = new CorpusIndex(files, extras);
    if (metaFile && saFile) {
      const sa = this.writeMeta(index, metaFile);
      if (sa) this.writeLater(saFile, new Uint8Array(sa.buffer, sa.byteOffset, sa.byteLength));
    }
    return index;
  }

  /**
   * The source folder a file belongs to, for formulations (see mineFormulations): 0 for the bundled
   * seeds, 1 + its position for a folder (the first that holds it).
   */
  private groupOf(file: string): number {
    const folders = this.folders();
    for (let i = 0; i < folders.length; i++) {
      const root = path.resolve(folders[i]);
      if (file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return i + 1;
    }
    return 0;
  }

  /** Writes the corpus-wide parts but the suffix array, and returns that. */
  private writeMeta(index: CorpusIndex, metaFile: string): Int32Array | undefined {
    const extras = index.extras();
    this.writeLater(metaFile, JSON.stringify({ formulations: extras.formulations, derived: extras.derived, termTable: extras.termTable }));
    return extras.suffixArray;
  }
}

/** Default cache folder: $XDG_CACHE_HOME/policy-lint or ~/.cache/policy-lint. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(process.env.HOME || process.env.USERPROFILE || '.', '.cache');
  return path.join(base, 'policy-lint');
}

/**
 * Whether a cached suffix array can be a permutation of its positions: every value in range, and
 * the sum and the XOR of all values those of 0…n−1. One sequential pass; a bitmap of seen values
 * (an exact test) cost a tenth of a warm start in cache misses.
 */
function isPermutation(a: Int32Array): boolean {
  const n = a.length;
  let sum = 0;
  let xor = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v < 0 || v >= n) return false;
    sum += v;
    xor ^= v;
  }
  return sum === (n * (n - 1)) / 2 && xor === xorUpTo(n - 1);
}

/** 0 ^ 1 ^ … ^ m (0 for m < 0). */
function xorUpTo(m: number): number {
  if (m < 0) return 0;
  return [m, 1, m + 1, 0][m & 3];
}
