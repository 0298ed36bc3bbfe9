// policy-lint: the command-line shell over the core. `index` reports what the sources teach,
// `check` proofreads drafts. Exit codes: 0 clean, 1 findings at warning or above, 2 usage or I/O error.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type PolicyConfig } from '../core/config';
import { mergeConfig, parseConfig } from '../core/configFile';
import { defaultCacheDir, Indexer, type IndexReport } from '../core/index/indexer';
import { setLocale, t } from '../core/l10n';
import { RULE_IDS } from '../core/rules';
import { applyFixes, checkFileText, createPolicyService } from '../core/service';
import { decodeBytes } from '../core/sources/decode';
import type { Finding, Logger } from '../core/types';
import { encodeText } from '../core/sources/encode';
import { LineIndex } from '../core/text/lineIndex';
import { byCountThenText } from '../core/util/byCountThenText';

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options {
  command: string;
  sources: string[];
  config?: string;
  format: 'text' | 'json';
  fix: boolean;
  json: boolean;
  cache: boolean;
  files: string[];
  terms: boolean;
}

function usage(): string {
  return [
    t('用法：', 'Usage:'),
    '  policy-lint index [--sources DIR]... [--config FILE] [--json] [--no-cache]',
    '  policy-lint check [--sources DIR]... [--config FILE] [--format text|json] [--fix] FILE...',
    '',
    t('  --sources DIR   在内置来源之外再索引此文件夹（可重复）', '  --sources DIR   index this folder besides the bundled sources (repeatable)'),
    t('  --config FILE   配置文件（默认：当前目录的 policy-lint.json）', '  --config FILE   configuration file (default: ./policy-lint.json)'),
    t('  --format        输出格式：text（默认）或 json', '  --format        output: text (default) or json'),
    t('  --fix           就地应用安全修正（异体字、重复、标点）', '  --fix           apply safe fixes in place (variants, duplicates, punctuation)'),
    t('  --no-cache      不读写索引缓存', '  --no-cache      do not read or write the index cache'),
  ].join('\n');
}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: '', sources: [], format: 'text', fix: false, json: false, cache: true, files: [], terms: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(t(`${a} 需要一个参数`, `${a} needs a value`));
      return v;
    };
    if (a === '--sources') o.sources.push(value());
    else if (a === '--config') o.config = value();
    else if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(t(`未知的输出格式：${f}`, `unknown format: ${f}`));
      o.format = f;
    } else if (a === '--json') o.json = true;
    else if (a === '--fix') o.fix = true;
    else if (a === '--no-cache') o.cache = false;
    else if (a.startsWith('--')) throw new UsageError(t(`未知选项：${a}`, `unknown option: ${a}`));
    else if (!o.command) o.command = a;
    else o.files.push(a);
  }
  return o;
}

const stderrLogger: Logger = {
  info: () => undefined,
  warn: (m) => process.stderr.write(`policy-lint: ${m}\n`),
  error: (m) => process.stderr.write(`policy-lint: ${m}\n`),
};

async function loadConfig(o: Options): Promise<{ config: PolicyConfig; dir: string }> {
  const file = o.config ?? 'policy-lint.json';
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (o.config) throw new UsageError(t(`无法读取配置文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `cannot read config ${file}: ${(e as Error).message}`));
    return { config: defaultConfig(), dir: process.cwd() };
  }
  const { config, problems } = parseConfig(text, file, RULE_IDS);
  for (const p of problems) process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ''}${p.message}\n`);
  return { config: mergeConfig(defaultConfig(), config), dir: path.dirname(path.resolve(file)) };
}

async function buildIndex(o: Options, config: PolicyConfig, configDir: string): Promise<Indexer> {
  const folders = [...config.sources.map((s) => path.resolve(configDir, s)), ...o.sources.map((s) => path.resolve(s))];
  const indexer = new Indexer({
    folders,
    maxFileSize: config.maxSourceFileSize,
    cacheDir: o.cache ? defaultCacheDir() : undefined,
    logger: stderrLogger,
  });
  await indexer.rebuild();
  return indexer;
}

/**
 * JSON on stdout: indented for a person at a terminal, compact for a program reading a pipe or file
 * (the index of a large corpus is 4 MB compact, 7 MB indented, and costs ~40 ms more to write so).
 */
function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, process.stdout.isTTY ? 1 : undefined) + '\n');
}

async function runIndex(o: Options): Promise<number> {
  const { config, dir } = await loadConfig(o);
  const started = process.hrtime.bigint();
  const indexer = await buildIndex(o, config, dir);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const index = indexer.index;
  const report = indexer.report as IndexReport;
  const terms = byCountThenText([...index.allTerms()]);
  if (o.json) {
    const out = {
      files: index.files.map((f) => ({
        path: f.source.path,
        encoding: f.source.encoding,
        chars: f.source.text.length,
        articles: f.articles.map((a) => ({
          title: a.title,
          author: a.author,
          dateline: a.dateline,
          markers: a.markers,
          paragraphs: a.paragraphs.length,
          sentences: a.paragraphs.reduce((n, p) => n + p.sentences.length, 0),
        })),
      })),
      skipped: report.skipped,
      counts: {
        files: index.files.length,
        articles: index.files.reduce((n, f) => n + f.articles.length, 0),
        paragraphs: index.files.reduce((n, f) => n + f.articles.reduce((m, a) => m + a.paragraphs.length, 0), 0),
        sentences: report.sentences,
        terms: report.terms,
        formulations: report.formulations,
        definitions: report.definitions,
        aliases: report.aliases,
        statements: report.statements,
      },
      terms: terms.map((x) => ({ text: x.text, kinds: [...x.kinds], count: x.count, articles: x.articles, definition: x.definition?.text, fullForm: x.fullForm })),
      definitions: index.files.flatMap((f) => f.definitions.map((d) => ({ term: d.term, definition: d.definition }))),
      aliases: terms.filter((x) => x.fullForm).map((x) => ({ alias: x.text, full: x.fullForm })),
      statements: index.statements.map((s) => ({ text: s.text, speaker: s.speaker, file: s.ref.file })),
      time_ms: Math.round(ms),
      cached_files: report.cachedFiles,
      peak_rss_mb: Math.round(peakRssMb),
    };
    writeJson(out);
    return 0;
  }
  const lines: string[] = [];
  for (const f of index.files) {
    lines.push(`${f.source.path}  (${f.source.encoding}, ${f.source.text.length} ${t('字', 'chars')})`);
    for (const a of f.articles) lines.push(`  · ${a.title}${a.author ? ` — ${a.author}` : ''}${a.dateline ? `  ${a.dateline}` : ''}`);
  }
  for (const s of report.skipped) lines.push(t(`跳过 ${s.path}：${s.reason}`, `skipped ${s.path}: ${s.reason}`));
  lines.push(
    t(
      `文件 ${index.files.length}，文章 ${index.files.reduce((n, f) => n + f.articles.length, 0)}，句子 ${report.sentences}，术语 ${report.terms}（表述 ${report.formulations}，定义 ${report.definitions}，简称 ${report.aliases}），引语 ${report.statements}`,
      `${index.files.length} files, ${index.files.reduce((n, f) => n + f.articles.length, 0)} articles, ${report.sentences} sentences, ${report.terms} terms (${report.formulations} formulations, ${report.definitions} definitions, ${report.aliases} aliases), ${report.statements} statements`,
    ),
  );
  lines.push(t(`用时 ${Math.round(ms)} ms（${report.cachedFiles} 个文件来自缓存），峰值内存 ${Math.round(peakRssMb)} MB`, `${Math.round(ms)} ms (${report.cachedFiles} files cached), peak memory ${Math.round(peakRssMb)} MB`));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
}

async function readDraft(file: string): Promise<{ text: string; encoding: string; bom: boolean; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new UsageError(t(`无法读取 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `cannot read ${file}: ${(e as Error).message}`));
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new UsageError(t(`无法解码 ${file}：${decoded.reason}`, `cannot decode ${file}: ${decoded.reason}`));
  const bom = decoded.encoding === 'utf-8' ? bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf : decoded.encoding !== 'gb18030';
  return { text: decoded.text, encoding: decoded.encoding, bom, bytes };
}

/**
 * `check --fix` writes a draft back only when that cannot damage it (issue 7):
 *  - the bytes on disk are still those that were read (an edit made meanwhile is not overwritten);
 *  - the file is not read-only;
 *  - the text written in the file's encoding gives back exactly the bytes read: WHATWG's GB18030
 *    decoder and iconv-lite's encoder disagree on a few characters (0x80 €, A6D9 ︐ …), and
 *    rewriting those would change bytes the fixes never touched; the fixed text must decode back
 *    to itself as well;
 *  - the new bytes go to a new, hidden temporary file next to the real file (a symbolic link is
 *    followed, not replaced by a copy), are flushed to disk, get the file's permissions (and owner
 *    where allowed), and replace it by a rename: the draft is either the old one or the new one,
 *    never a half-written file, and a stray file with the temporary's name is never overwritten.
 * A draft that cannot be written safely is left as it is, with a one-line reason (UsageError).
 */
async function writeFixed(file: string, original: Buffer, originalText: string, fixed: string, encoding: string, bom: boolean): Promise<void> {
  const fail = (zh: string, en: string) => new UsageError(t(`未修正 ${file}：${zh}`, `not fixed ${file}: ${en}`));
  let target: string;
  let stat: import('node:fs').Stats;
  try {
    target = await fs.realpath(file);
    stat = await fs.stat(target);
    if (!(await fs.readFile(target)).equals(original)) throw fail('文件在检查期间被修改', 'the file changed while it was being checked');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw fail(`无法再次读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, `cannot read it again (${(e as Error).message})`);
  }
  if ((stat.mode & 0o222) === 0) throw fail('文件是只读的', 'the file is read-only');
  if (!encodeText(originalText, encoding, bom).equals(original)) {
    throw fail(`其中有无法按 ${encoding} 原样写回的字符`, `it holds characters that cannot be written back unchanged in ${encoding}`);
  }
  const bytes = encodeText(fixed, encoding, bom);
  const back = decodeBytes(bytes);
  if (!back.ok || back.text !== fixed || back.encoding !== encoding) throw fail(`修正后的文字无法按 ${encoding} 保存`, `the fixed text cannot be saved in ${encoding}`);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.policy-lint.tmp`);
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', stat.mode & 0o7777);
    await handle.writeFile(bytes);
    await handle.chmod(stat.mode & 0o7777); // the mode given to open() is filtered by the umask
    await handle.chown(stat.uid, stat.gid).catch(() => undefined); // only root may give files away
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw fail(`写入失败（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, `writing failed (${(e as Error).message})`);
  }
}

async function runCheck(o: Options): Promise<number> {
  if (o.files.length === 0) throw new UsageError(t('check 需要至少一个文件', 'check needs at least one file'));
  const drafts = [];
  for (const f of o.files) drafts.push({ file: f, ...(await readDraft(f)) });
  const { config, dir } = await loadConfig(o);
  const indexer = await buildIndex(o, config, dir);
  const service = createPolicyService({ index: indexer.index, config, logger: stderrLogger });
  const results: CheckedFile[] = [];
  const fixedNotes: string[] = [];
  let unwritable = false;
  for (const d of drafts) {
    let findings = checkFileText(service, d.text);
    let text = d.text;
    if (o.fix) {
      const safe = service.safeRuleIds();
      const { text: fixed, applied } = applyFixes(d.text, findings.filter((f) => safe.has(f.rule)));
      if (applied.length) {
        try {
          await writeFixed(d.file, d.bytes, d.text, fixed, d.encoding, d.bom);
          fixedNotes.push(t(`${d.file}：已修正 ${applied.length} 处`, `${d.file}: fixed ${applied.length}`));
          text = fixed;
          findings = checkFileText(service, fixed);
        } catch (e) {
          // The draft stays as it was; the others are still fixed and every finding is reported.
          if (!(e instanceof UsageError)) throw e;
          process.stderr.write(`policy-lint: ${e.message}\n`);
          unwritable = true;
        }
      }
    }
    results.push({ file: d.file, text, findings });
  }
  if (o.format === 'json') {
    const out = results.flatMap((r) => {
      const lines = new LineIndex(r.text);
      return r.findings.map((f) => {
        const pos = lines.positionAt(f.start);
        return {
          file: r.file,
          offset: f.start,
          length: f.end - f.start,
          line: pos.line + 1,
          column: pos.character + 1,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          replacements: f.replacements,
        };
      });
    });
    writeJson(out);
  } else {
    const lines: string[] = [];
    let total = 0;
    for (const r of results) {
      if (!r.findings.length) continue;
      lines.push(r.file);
      const li = new LineIndex(r.text);
      for (const f of r.findings) {
        const pos = li.positionAt(f.start);
        const fix = f.replacements.length ? `  → ${f.replacements[0] === '' ? t('（删除）', '(delete)') : f.replacements[0]}` : '';
        lines.push(`${r.file}:${pos.line + 1}:${pos.character + 1}  ${f.severity}  ${f.rule}  ${f.message}${fix}`);
        total++;
      }
      lines.push('');
    }
    lines.push(...fixedNotes);
    lines.push(total ? t(`共 ${total} 个问题，涉及 ${results.filter((r) => r.findings.length).length} 个文件`, `${total} problems in ${results.filter((r) => r.findings.length).length} files`) : t('未发现问题', 'No problems found'));
    process.stdout.write(lines.join('\n') + '\n');
  }
  if (unwritable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

/** Exit status of a process whose reader closed its output (128 + SIGPIPE), as Unix tools die. */
const BROKEN_PIPE_STATUS = 141;
let stdoutGuarded = false;

/**
 * A reader that stops early (`policy-lint check … | head`) closes the pipe: Node reports EPIPE as an
 * unhandled 'error' event with a stack trace. Nothing more can be written, so the process ends
 * quietly, as `cat` would. (A `--fix` run has written its files before it reports.)
 */
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(BROKEN_PIPE_STATUS);
    throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  guardStdout();
  // Messages are Chinese; POLICY_LINT_LANG=en switches them to English.
  setLocale(process.env.POLICY_LINT_LANG ?? 'zh-cn');
  try {
    if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    if (argv.includes('--version')) {
      process.stdout.write(`policy-lint ${VERSION}\n`);
      return 0;
    }
    const o = parseArgs(argv);
    if (o.command === 'index') return await runIndex(o);
    if (o.command === 'check') return await runCheck(o);
    throw new UsageError(o.command ? t(`未知命令：${o.command}`, `unknown command: ${o.command}`) : usage());
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-lint: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`policy-lint: ${t('内部错误', 'internal error')}: ${(e as Error).message}\n`);
    return 2;
  }
}
