// The VS Code client: starts the language server over IPC, passes settings, restarts it on crash,
// and adds the editor UI (commands, status bar). All analysis lives in the server.
// Runtime strings go through vscode.l10n.t (English keys; translations in l10n/bundle.l10n.*.json).
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const DOCUMENT_SELECTOR = [
  { language: 'policy-draft' },
  { language: 'markdown' },
  { language: 'plaintext' },
];

interface IndexSummary {
  files: number;
  skipped: number;
  terms: number;
  ms: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const output = vscode.window.createOutputChannel('Policy Lint', { log: true });
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: 'policyLint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{policy-lint.json,*.txt,*.md}'),
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // A function, so that every (re)start sends the current trust state. In an untrusted workspace
    // the server uses only the bundled sources (no `sources` from policy-lint.json or workspace settings).
    initializationOptions: () => ({
      locale: vscode.env.language,
      cacheDir: context.globalStorageUri.fsPath,
      trusted: vscode.workspace.isTrusted,
    }),
    connectionOptions: { maxRestartCount: 5 },
  };
  client = new LanguageClient('policyLint', 'Policy Lint', serverOptions, clientOptions);

  // Status bar: what is indexed (click → report) and the draft's character count.
  const indexItem = vscode.window.createStatusBarItem('policyLint.index', vscode.StatusBarAlignment.Left, 10);
  indexItem.name = vscode.l10n.t('Policy sources index');
  indexItem.command = 'policyLint.showIndexReport';
  indexItem.text = `$(sync~spin) ${vscode.l10n.t('Indexing sources…')}`;
  indexItem.show();
  const countItem = vscode.window.createStatusBarItem('policyLint.wordCount', vscode.StatusBarAlignment.Right, 100);
  countItem.name = vscode.l10n.t('Character count');
  const updateCount = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !DOCUMENT_SELECTOR.some((s) => s.language === editor.document.languageId)) return countItem.hide();
    const text = editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
    const chinese = (text.match(/[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/g) ?? []).length;
    const total = [...text.replace(/\s/g, '')].length;
    countItem.text = vscode.l10n.t('{0} Chinese chars ({1} total)', chinese, total);
    countItem.show();
  };
  context.subscriptions.push(
    indexItem,
    countItem,
    output,
    vscode.window.onDidChangeActiveTextEditor(updateCount),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && updateCount()),
    vscode.window.onDidChangeTextEditorSelection(updateCount),
  );
  updateCount();

  let crashes = 0;
  client.onDidChangeState((e) => {
    if (e.oldState === State.Running && e.newState === State.Starting) {
      crashes++;
      if (crashes === 1) void vscode.window.showWarningMessage(vscode.l10n.t('The policy lint server stopped unexpectedly and was restarted.'));
    }
  });

  const exec = <T>(command: string, ...args: unknown[]) => client!.sendRequest<T>('workspace/executeCommand', { command, arguments: args });

  context.subscriptions.push(
    vscode.commands.registerCommand('policyLint.reindexSources', async () => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reindexing sources…') }, () => exec('policyLint.reindex'));
    }),
    vscode.commands.registerCommand('policyLint.showIndexReport', async () => {
      const report = await exec<{ files: Array<{ path: string; articles: number; chars: number }>; skipped: Array<{ path: string; reason: string }>; terms: number; ms: number } | null>('policyLint.indexReport');
      if (!report) return vscode.window.showInformationMessage(vscode.l10n.t('Sources are not indexed yet.'));
      const lines = [
        `# ${vscode.l10n.t('Source index report')}`,
        '',
        vscode.l10n.t('Indexed {0} files, {1} terms, in {2} ms.', report.files.length, report.terms, report.ms),
        '',
        `## ${vscode.l10n.t('Files')}`,
        ...report.files.map((f) => vscode.l10n.t('- {0} ({1} articles, {2} chars)', f.path, f.articles, f.chars)),
        '',
        `## ${vscode.l10n.t('Skipped files')}`,
        ...(report.skipped.length ? report.skipped.map((s) => vscode.l10n.t('- {0}: {1}', s.path, s.reason)) : [vscode.l10n.t('None')]),
      ];
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand('policyLint.checkSources', async () => {
      const n = await exec<number>('policyLint.server.checkSources');
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} problems found in the sources; see the Problems panel.', n));
    }),
    vscode.commands.registerCommand('policyLint.fixAllSafe', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const n = await exec<number>('policyLint.server.fixAllSafe', editor.document.uri.toString());
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Fixed {0}', n), 3000);
    }),
    vscode.commands.registerCommand('policyLint.addToAllowList', async (word?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
      const value = word ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Word to allow'), value: selected }));
      if (value) await exec('policyLint.addToAllow', value);
    }),
    vscode.commands.registerCommand('policyLint.chooseSourceFolders', async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: vscode.l10n.t('Use as sources') });
      if (!picked?.length) return;
      const config = vscode.workspace.getConfiguration('policyLint');
      const current = config.get<string[]>('sources', []);
      const next = [...new Set([...current, ...picked.map((u) => u.fsPath)])];
      await config.update('sources', next, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand('policyLint.openSource', async (file?: string, line?: number) => {
      const target = file ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Source file path') }));
      if (!target) return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
      const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
    }),
  );

  context.subscriptions.push(
    client.onNotification('policyLint/indexed', (s: IndexSummary) => {
      indexItem.text = `$(book) ${vscode.l10n.t('{0} sources · {1} terms', s.files, s.terms)}`;
      indexItem.tooltip = vscode.l10n.t('Indexed {0} source files ({1} skipped) in {2} ms. Click for the report.', s.files, s.skipped, s.ms);
    }),
  );
  // Workspace trust: the server learns it from initializationOptions.trusted (computed at every
  // start, so a restart after a crash sends the current state). Trust can only be granted while the
  // window is open (revoking it reloads the window); the notification makes the server re-index,
  // now with the workspace's own sources.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return;
      output.info('Workspace trusted: the language server now uses the workspace sources too.');
      try {
        if (client.state === State.Starting) await client.start(); // resolves once it is running
        if (!client.isRunning()) return; // stopped: the next start sends trusted: true
        indexItem.text = `$(sync~spin) ${vscode.l10n.t('Indexing sources…')}`;
        await client.sendNotification('policyLint/trust', { trusted: true });
      } catch (e) {
        output.error(`Sending workspace trust to the server failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
