// The LSP adapter: translates protocol requests into calls on the core service and back.
// Invariants: the server never blocks on indexing (drafts are checked with the text rules until
// the index is ready, then re-checked); diagnostics are published only for the latest version.
import { promises as fs, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  TextDocumentSyncKind,
  SemanticTokensBuilder,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type PolicyConfig } from '../core/config';
import { mergeConfig, parseConfig } from '../core/configFile';
import { getCompletions, prepareCompletion, type CompletionCandidate } from '../core/features/completion';
import { getHover } from '../core/features/hover';
import { getDefinition, getReferences } from '../core/features/navigation';
import { getSemanticSpans, type SpanKind } from '../core/features/semanticSpans';
import { getDocumentSymbols, type HeadingSymbol } from '../core/features/symbols';
import { countChars } from '../core/features/wordCount';
import { defaultCacheDir, Indexer } from '../core/index/indexer';
import { setLocale, t } from '../core/l10n';
import { RULE_IDS } from '../core/rules';
import { checkFileText, createPolicyService } from '../core/service';
import type { Finding, Logger } from '../core/types';
import { editsAction, fixAction, placeToLocation, toDiagnostic, toRange } from './convert';

const CONFIG_FILE = 'policy-lint.json';
const SEMANTIC_TYPES: readonly SpanKind[] = ['officialTerm', 'sourceQuote', 'misquote'];
const FIRST_INDEX_WAIT_MS = 20000;
const SETTINGS_WAIT_MS = 1500;
const WATCH_DEBOUNCE_MS = 300;
const MAX_LOGGED_PROBLEMS = 50;

interface ClientSettings extends Partial<PolicyConfig> {
  completion?: { enabled?: boolean; pinyin?: boolean };
}

// Server commands are registered in VS Code by the language client (ExecuteCommandFeature): their ids
// must differ from the client's own UI commands (policyLint.fixAllSafe, policyLint.checkSources, …),
// or activation fails with "command … already exists".
export const COMMANDS = {
  reindex: 'policyLint.reindex',
  addToAllow: 'policyLint.addToAllow',
  fixAllSafe: 'policyLint.server.fixAllSafe',
  indexReport: 'policyLint.indexReport',
  checkSources: 'policyLint.server.checkSources',
  wordCount: 'policyLint.wordCount',
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    info: (m) => connection.console.info(`[${new Date().toISOString()}] ${m}`),
    warn: (m) => connection.console.warn(`[${new Date().toISOString()}] ${m}`),
    error: (m) => connection.console.error(`[${new Date().toISOString()}] ${m}`),
  };
  const service = createPolicyService({ logger });
  let workspaceRoot: string | undefined;
  let hasConfigurationCapability = false;
  let hasProgressCapability = false;
  let settings: ClientSettings = {};
  let indexer: Indexer | undefined;
  let indexing: Promise<void> | undefined;
  let reindexRequested = false;
  let configLoaded = false;
  /** In an untrusted workspace, source folders named by the workspace are not read (only the bundled seeds). */
  let trusted = true;
  // Requests that need the sources wait for the first index (bounded), instead of answering empty.
  let markIndexed: () => void = () => undefined;
  const firstIndex = new Promise<void>((resolve) => (markIndexed = resolve));
  const indexReady = () => Promise.race([firstIndex, new Promise<void>((r) => setTimeout(r, FIRST_INDEX_WAIT_MS))]);
  const findingsByUri = new Map<string, { version: number; findings: Finding[] }>();
  const pending = new Map<string, NodeJS.Immediate>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { locale?: string; trusted?: boolean };
    setLocale(params.locale ?? init.locale);
    trusted = init.trusted !== false;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceRoot = rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : (params.rootPath ?? undefined);
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    hasProgressCapability = !!params.capabilities.window?.workDoneProgress;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true, triggerCharacters: ['“', '《', '、'] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TYPES], tokenModifiers: [] }, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'policy-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyLint' }).catch(() => undefined);
    }
    void reindex();
  });

  async function readSettings(): Promise<ClientSettings> {
    if (!hasConfigurationCapability) return settings;
    // A client may never answer (some only answer while they wait for a reply of their own): fall back to defaults.
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SETTINGS_WAIT_MS));
    try {
      const answer = (await Promise.race([connection.workspace.getConfiguration([{ section: 'policyLint' }]), timeout])) as Array<ClientSettings | null> | undefined;
      const s = answer?.[0];
      return s && typeof s === 'object' ? s : {};
    } catch {
      return {};
    }
  }

  // The last policy-lint.json that could be read as a whole. While the file does not parse (a
  // syntax error, a top level that is no object) that configuration stays in force, instead of
  // every rule setting and replace entry falling back to the defaults at once (issue 7).
  let lastGoodFile: { file: string; config: PolicyConfig } | undefined;

  /** Settings, then policy-lint.json at the workspace root on top. Problems are logged, never fatal. */
  async function effectiveConfig(): Promise<PolicyConfig> {
    let config = mergeConfig(defaultConfig(), sanitize(settings));
    if (workspaceRoot) {
      const file = path.join(workspaceRoot, CONFIG_FILE);
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) {
        const parsed = parseConfig(text, file, RULE_IDS);
        // A file with thousands of bad entries would flood the output channel: the first ones, then a count.
        for (const p of parsed.problems.slice(0, MAX_LOGGED_PROBLEMS)) logger.warn(`${p.file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ''}${p.message}`);
        if (parsed.problems.length > MAX_LOGGED_PROBLEMS) {
          const more = parsed.problems.length - MAX_LOGGED_PROBLEMS;
          logger.warn(t(`${file}：另有 ${more} 个问题未列出`, `${file}: ${more} more problems not shown`));
        }
        // Problems without a key concern the file as a whole: nothing in it could be used.
        let fileConfig = parsed.config;
        if (!parsed.problems.some((p) => p.key === '')) lastGoodFile = { file, config: parsed.config };
        else if (lastGoodFile?.file === file) {
          fileConfig = lastGoodFile.config;
          logger.warn(t(`${file} 无法使用，继续沿用上一次有效的配置`, `${file} cannot be used; the last valid configuration stays in force`));
        }
        config = mergeConfig(config, {
          ...fileConfig,
          sources: fileConfig.sources.map((s) => path.resolve(workspaceRoot as string, s)),
        });
      } else lastGoodFile = undefined; // no file (any more): its settings are gone with it
    }
    config.sources = config.sources.map((s) => (workspaceRoot ? path.resolve(workspaceRoot, s) : path.resolve(s)));
    if (!trusted && config.sources.length) {
      logger.warn(t('工作区未受信任：忽略工作区指定的来源文件夹，仅使用内置来源。', 'Workspace not trusted: source folders named by the workspace are ignored; only the bundled sources are used.'));
      config.sources = [];
    }
    return config;
  }

  async function reindex(): Promise<void> {
    if (indexing) {
      reindexRequested = true;
      return indexing;
    }
    indexing = (async () => {
      do {
        reindexRequested = false;
        settings = await readSettings();
        let config: PolicyConfig;
        try {
          config = await effectiveConfig();
        } catch (e) {
          // Configuration problems are reported, not thrown; should one throw all the same, the
          // configuration in force stays and indexing goes on.
          logger.error(t(`读取配置失败：${(e as Error).message}`, `Reading the configuration failed: ${(e as Error).message}`));
          config = service.config;
        }
        service.setConfig(config);
        // Drafts are checked as soon as the configuration is known (rules switched off stay off),
        // with the text rules, before the sources are indexed.
        if (!configLoaded) {
          configLoaded = true;
          for (const doc of documents.all()) schedule(doc);
        }
        const progress = hasProgressCapability ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
        progress?.begin(t('正在索引来源', 'Indexing sources'), 0, undefined, true);
        const options = {
          folders: config.sources,
          maxFileSize: config.maxSourceFileSize,
          cacheDir: process.env.POLICY_LINT_CACHE_DIR || defaultCacheDir(),
          logger,
          isCancelled: () => progress?.token.isCancellationRequested ?? false,
          onProgress: (done: number, total: number) => progress?.report(Math.round((done / Math.max(1, total)) * 100), `${done}/${total}`),
        };
        if (indexer) indexer.setOptions(options);
        else indexer = new Indexer(options);
        watchSources(config.sources);
        try {
          service.setIndex(await indexer.rebuild());
        } catch (e) {
          logger.error(t(`索引失败：${(e as Error).message}`, `Indexing failed: ${(e as Error).message}`));
        }
        progress?.done();
        markIndexed();
        for (const doc of documents.all()) schedule(doc);
        // Completion lookups (pinyin keys) are built now rather than on the first keystroke.
        setImmediate(() => prepareCompletion(service.index));
        void connection.sendNotification('policyLint/indexed', summary());
      } while (reindexRequested);
    })()
      // Callers do not await this promise (`void reindex()`): a rejection here would be unhandled,
      // and Node ends the process on an unhandled rejection. Log it instead.
      .catch((e: unknown) => logger.error(t(`索引出错：${(e as Error)?.message ?? String(e)}`, `Indexing error: ${(e as Error)?.message ?? String(e)}`)))
      .finally(() => {
        indexing = undefined;
      });
    return indexing;
  }

  function summary() {
    const r = indexer?.report;
    return {
      files: r?.files.length ?? 0,
      skipped: r?.skipped.length ?? 0,
      terms: r?.terms ?? 0,
      ms: r?.ms ?? 0,
    };
  }

  /** Coalesces bursts of edits: the check runs once the event queue is drained, for the latest version. */
  function schedule(doc: TextDocument): void {
    const prev = pending.get(doc.uri);
    if (prev) clearImmediate(prev);
    pending.set(
      doc.uri,
      setImmediate(() => {
        pending.delete(doc.uri);
        validate(doc.uri);
      }),
    );
  }

  function validate(uri: string): void {
    const doc = documents.get(uri);
    if (!doc || !configLoaded) return;
    const version = doc.version;
    let findings: Finding[];
    try {
      findings = service.check(doc.getText());
    } catch (e) {
      logger.error(t(`检查 ${uri} 失败：${(e as Error).message}`, `Checking ${uri} failed: ${(e as Error).message}`));
      return;
    }
    const latest = documents.get(uri);
    if (!latest || latest.version !== version) return;
    findingsByUri.set(uri, { version, findings });
    void connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(doc, f)) });
  }

  documents.onDidOpen((e) => schedule(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const p = pending.get(e.document.uri);
    if (p) clearImmediate(p);
    pending.delete(e.document.uri);
    findingsByUri.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => void reindex());
  connection.onNotification('policyLint/trust', (p: { trusted?: boolean }) => {
    trusted = p?.trusted !== false;
    void reindex();
  });
  connection.onDidChangeWatchedFiles(() => scheduleReindex());

  // Source folders outside the workspace are watched here: an edit, addition or removal re-indexes
  // (unchanged files come from the per-file cache, so only changed ones are mined again).
  let watchers: FSWatcher[] = [];
  let reindexTimer: NodeJS.Timeout | undefined;
  function scheduleReindex(): void {
    if (reindexTimer) clearTimeout(reindexTimer);
    reindexTimer = setTimeout(() => void reindex(), WATCH_DEBOUNCE_MS);
  }
  function watchSources(folders: string[]): void {
    for (const w of watchers) w.close();
    watchers = [];
    for (const folder of folders) {
      try {
        const w = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
          if (!name || /\.(txt|md)$/i.test(String(name))) scheduleReindex();
        });
        w.on('error', () => w.close());
        watchers.push(w);
      } catch (e) {
        logger.warn(t(`无法监视来源文件夹 ${folder}：${(e as Error).message}`, `Cannot watch source folder ${folder}: ${(e as Error).message}`));
      }
    }
  }

  function docAndOffset(params: { textDocument: { uri: string }; position: { line: number; character: number } }) {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return undefined;
    const text = doc.getText();
    const offset = doc.offsetAt(params.position);
    return { doc, text, offset };
  }

  connection.onHover(async (params) => {
    await indexReady();
    const at = docAndOffset(params);
    if (!at) return null;
    const h = getHover(service.index, at.text, at.offset);
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(at.doc, h.start, h.end) };
  });

  // The last completion list's candidates: an item's documentation is written when the editor
  // resolves it (the selected item), from the candidate its `data` names. Older lists are gone.
  let lastCompletion: { list: number; candidates: CompletionCandidate[] } = { list: 0, candidates: [] };

  connection.onCompletion(async (params) => {
    await indexReady();
    const at = docAndOffset(params);
    if (!at || settings.completion?.enabled === false) return { isIncomplete: false, items: [] };
    const items = getCompletions(service.index, at.text, at.offset, { pinyin: settings.completion?.pinyin !== false });
    const list = lastCompletion.list + 1;
    lastCompletion = { list, candidates: items };
    // Incomplete: the next keystroke asks again, so suggestions follow the typed Chinese run.
    return { isIncomplete: true, items: items.map(
      (c, i): CompletionItem => ({
        label: c.label,
        kind: c.kind === 'statement' ? CompletionItemKind.Text : c.kind === 'title' ? CompletionItemKind.Reference : CompletionItemKind.Keyword,
        detail: c.detail,
        sortText: c.sortText,
        filterText: at.text.slice(c.replaceStart, c.replaceEnd) + c.label,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: toRange(at.doc, c.replaceStart, c.replaceEnd), newText: c.insertText },
        data: { list, item: i },
      }),
    ) };
  });

  connection.onCompletionResolve((item) => {
    const data = item?.data as { list?: unknown; item?: unknown } | undefined;
    const candidate = data && data.list === lastCompletion.list && typeof data.item === 'number' ? lastCompletion.candidates[data.item] : undefined;
    // (An item of an older list, or one some client made up, is answered as it came.)
    if (!candidate || candidate.label !== item.label) return item;
    const documentation = candidate.documentation;
    return documentation ? { ...item, documentation: { kind: MarkupKind.Markdown, value: documentation } } : item;
  });

  connection.onDefinition(async (params) => {
    await indexReady();
    const at = docAndOffset(params);
    if (!at) return null;
    const place = getDefinition(service.index, at.text, at.offset);
    return place ? placeToLocation(place) : null;
  });

  connection.onReferences(async (params) => {
    await indexReady();
    const at = docAndOffset(params);
    if (!at) return null;
    return getReferences(service.index, at.text, at.offset).map(placeToLocation);
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const convert = (s: HeadingSymbol): DocumentSymbol => ({
      name: s.name || '—',
      kind: s.level <= 1 ? SymbolKind.Module : s.level <= 3 ? SymbolKind.Namespace : SymbolKind.String,
      range: toRange(doc, s.start, s.end),
      selectionRange: toRange(doc, s.selectionStart, s.selectionEnd),
      children: s.children.map(convert),
    });
    return getDocumentSymbols(doc.getText()).map(convert);
  });

  connection.languages.semanticTokens.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    const builder = new SemanticTokensBuilder();
    if (!doc) return builder.build();
    const text = doc.getText();
    for (const span of getSemanticSpans(service.index, text, currentFindings(doc))) {
      // A token may not cross a line: split spans at line breaks.
      let start = span.start;
      while (start < span.end) {
        const pos = doc.positionAt(start);
        const lineEnd = doc.offsetAt({ line: pos.line + 1, character: 0 });
        const end = Math.min(span.end, lineEnd > start ? lineEnd : span.end);
        const piece = text.slice(start, end).replace(/[\r\n]+$/, '');
        if (piece.length) builder.push(pos.line, pos.character, piece.length, SEMANTIC_TYPES.indexOf(span.kind), 0);
        start = end;
      }
    }
    return builder.build();
  });

  function currentFindings(doc: TextDocument): Finding[] {
    const cached = findingsByUri.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.findings;
    return service.check(doc.getText());
  }

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const findings = currentFindings(doc);
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const safe = service.safeRuleIds();
    const wantsFixAll = !only || only.some((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
    if (!only || only.includes(CodeActionKind.QuickFix)) {
      for (const f of findings) {
        if (f.end < start || f.start > end) continue;
        const diag = params.context.diagnostics.find((d) => d.code === f.rule && doc.offsetAt(d.range.start) === f.start && doc.offsetAt(d.range.end) === f.end);
        actions.push(...fixAction(doc, f, diag, safe.has(f.rule)));
        const sameRule = findings.filter((x) => x.rule === f.rule && x.replacements.length);
        if (sameRule.length > 1) {
          const all = editsAction(doc, t(`修正本文件中所有 ${f.rule} 问题（${sameRule.length} 处）`, `Fix all ${f.rule} problems in this file (${sameRule.length})`), CodeActionKind.QuickFix, sameRule);
          if (all) actions.push(all);
        }
        const word = doc.getText().slice(f.start, f.end);
        if (word.trim() && workspaceRoot) {
          actions.push({
            title: t(`将「${word}」加入允许列表`, `Add "${word}" to the allow list`),
            kind: CodeActionKind.QuickFix,
            command: { title: t('加入允许列表', 'Add to allow list'), command: COMMANDS.addToAllow, arguments: [word] },
          });
        }
      }
    }
    if (wantsFixAll) {
      const fixAll = editsAction(doc, t('修正所有安全问题', 'Fix all safe problems'), CodeActionKind.SourceFixAll, findings.filter((f) => safe.has(f.rule)));
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  });

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.reindex:
        await reindex();
        return summary();
      case COMMANDS.indexReport:
        return indexer?.report ?? null;
      case COMMANDS.addToAllow:
        if (typeof args[0] === 'string' && args[0].trim()) return addToAllow(args[0].trim());
        return false;
      case COMMANDS.fixAllSafe: {
        const doc = typeof args[0] === 'string' ? documents.get(args[0]) : undefined;
        if (!doc) return false;
        const safe = service.safeRuleIds();
        const action = editsAction(doc, '', CodeActionKind.SourceFixAll, currentFindings(doc).filter((f) => safe.has(f.rule)));
        if (!action?.edit) return 0;
        await connection.workspace.applyEdit({ label: t('修正所有安全问题', 'Fix all safe problems'), edit: action.edit });
        return action.edit.changes?.[doc.uri]?.length ?? 0;
      }
      case COMMANDS.checkSources:
        return checkSources();
      case COMMANDS.wordCount: {
        const doc = typeof args[0] === 'string' ? documents.get(args[0]) : undefined;
        return doc ? countChars(doc.getText()) : null;
      }
      default:
        return null;
    }
  });

  /** Adds a word to policy-lint.json's allow list (creating the file), atomically. */
  async function addToAllow(word: string): Promise<boolean> {
    if (!workspaceRoot) return false;
    const file = path.join(workspaceRoot, CONFIG_FILE);
    let data: Record<string, unknown> = {};
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      // `null`, a list or a string at the top level used to throw here (null) or lose the word (a
      // list): the file is left as it is.
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        logger.error(t(`${file} 不是有效的 JSON 对象，未修改`, `${file} is not a valid JSON object; not changed`));
        return false;
      }
      data = parsed as Record<string, unknown>;
    }
    const allow = Array.isArray(data.allow) ? (data.allow as unknown[]) : [];
    if (!allow.includes(word)) allow.push(word);
    data.allow = allow;
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(data, null, 2) + '\n', 'utf8');
    await fs.rename(tmp, file);
    await reindexConfigOnly();
    return true;
  }

  async function reindexConfigOnly(): Promise<void> {
    service.setConfig(await effectiveConfig());
    for (const doc of documents.all()) schedule(doc);
  }

  /** Checks the sources themselves and publishes their problems (their typos show in the Problems panel). */
  async function checkSources(): Promise<number> {
    if (indexing) await indexing;
    let count = 0;
    for (const f of service.index.files) {
      const doc = TextDocument.create(pathToFileURL(f.source.path).toString(), 'plaintext', 0, f.source.original);
      const findings = checkFileText(service, f.source.original);
      count += findings.length;
      void connection.sendDiagnostics({ uri: doc.uri, diagnostics: findings.map((x) => toDiagnostic(doc, x)) });
    }
    return count;
  }

  documents.listen(connection);
  connection.listen();
}

/** Keeps only well-typed keys from client settings (they are user input too). */
function sanitize(s: ClientSettings): Partial<PolicyConfig> {
  const out: Partial<PolicyConfig> = {};
  if (Array.isArray(s.sources)) out.sources = s.sources.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  if (s.rules && typeof s.rules === 'object') out.rules = Object.fromEntries(Object.entries(s.rules).filter(([k, v]) => RULE_IDS.includes(k) && ['error', 'warning', 'info', 'hint', 'off'].includes(v as string))) as PolicyConfig['rules'];
  if (Array.isArray(s.allow)) out.allow = s.allow.filter((x): x is string => typeof x === 'string' && x !== '');
  if (Array.isArray(s.replace)) out.replace = s.replace.filter((r) => r && typeof r.pattern === 'string' && r.pattern !== '' && typeof r.expected === 'string');
  if (typeof s.maxSourceFileSize === 'number' && s.maxSourceFileSize > 0) out.maxSourceFileSize = s.maxSourceFileSize;
  return out;
}
