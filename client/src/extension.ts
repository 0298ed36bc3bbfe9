// The VS Code client: starts the language server over IPC, passes settings, restarts it on crash,
// and adds the editor UI (commands, status bar). All analysis lives in the server.
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

const zh = () => !vscode.env.language.toLowerCase().startsWith('en');
const msg = (cn: string, en: string) => (zh() ? cn : en);

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
    initializationOptions: {
      locale: vscode.env.language,
      cacheDir: context.globalStorageUri.fsPath,
    },
    connectionOptions: { maxRestartCount: 5 },
  };
  client = new LanguageClient('policyLint', 'Policy Lint', serverOptions, clientOptions);

  // Status bar: what is indexed (click → report) and the draft's character count.
  const indexItem = vscode.window.createStatusBarItem('policyLint.index', vscode.StatusBarAlignment.Left, 10);
  indexItem.name = msg('政策文稿来源索引', 'Policy sources index');
  indexItem.command = 'policyLint.showIndexReport';
  indexItem.text = `$(sync~spin) ${msg('正在索引来源…', 'Indexing sources…')}`;
  indexItem.show();
  const countItem = vscode.window.createStatusBarItem('policyLint.wordCount', vscode.StatusBarAlignment.Right, 100);
  countItem.name = msg('字数', 'Character count');
  const updateCount = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !DOCUMENT_SELECTOR.some((s) => s.language === editor.document.languageId)) return countItem.hide();
    const text = editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
    const chinese = (text.match(/[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/g) ?? []).length;
    const total = [...text.replace(/\s/g, '')].length;
    countItem.text = msg(`字数 ${chinese}（共 ${total}）`, `${chinese} Chinese chars (${total} total)`);
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
      if (crashes === 1) void vscode.window.showWarningMessage(msg('政策文稿检查服务意外退出，已自动重启。', 'The policy lint server stopped unexpectedly and was restarted.'));
    }
  });

  const exec = <T>(command: string, ...args: unknown[]) => client!.sendRequest<T>('workspace/executeCommand', { command, arguments: args });

  context.subscriptions.push(
    vscode.commands.registerCommand('policyLint.reindexSources', async () => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: msg('正在重建来源索引…', 'Reindexing sources…') }, () => exec('policyLint.reindex'));
    }),
    vscode.commands.registerCommand('policyLint.showIndexReport', async () => {
      const report = await exec<{ files: Array<{ path: string; articles: number; chars: number }>; skipped: Array<{ path: string; reason: string }>; terms: number; ms: number } | null>('policyLint.indexReport');
      if (!report) return vscode.window.showInformationMessage(msg('来源尚未索引完成。', 'Sources are not indexed yet.'));
      const lines = [
        `# ${msg('来源索引报告', 'Source index report')}`,
        '',
        msg(`已索引 ${report.files.length} 个文件，${report.terms} 个术语，用时 ${report.ms} ms。`, `Indexed ${report.files.length} files, ${report.terms} terms, in ${report.ms} ms.`),
        '',
        `## ${msg('文件', 'Files')}`,
        ...report.files.map((f) => `- ${f.path}（${f.articles} ${msg('篇文章', 'articles')}，${f.chars} ${msg('字', 'chars')}）`),
        '',
        `## ${msg('跳过的文件', 'Skipped files')}`,
        ...(report.skipped.length ? report.skipped.map((s) => `- ${s.path}：${s.reason}`) : [msg('无', 'None')]),
      ];
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand('policyLint.checkSources', async () => {
      const n = await exec<number>('policyLint.server.checkSources');
      void vscode.window.showInformationMessage(msg(`来源文件中发现 ${n} 个问题，见“问题”面板。`, `${n} problems found in the sources; see the Problems panel.`));
    }),
    vscode.commands.registerCommand('policyLint.fixAllSafe', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const n = await exec<number>('policyLint.server.fixAllSafe', editor.document.uri.toString());
      void vscode.window.setStatusBarMessage(msg(`已修正 ${n} 处`, `Fixed ${n}`), 3000);
    }),
    vscode.commands.registerCommand('policyLint.addToAllowList', async (word?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
      const value = word ?? (await vscode.window.showInputBox({ prompt: msg('加入允许列表的词语', 'Word to allow'), value: selected }));
      if (value) await exec('policyLint.addToAllow', value);
    }),
    vscode.commands.registerCommand('policyLint.chooseSourceFolders', async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: msg('用作来源', 'Use as sources') });
      if (!picked?.length) return;
      const config = vscode.workspace.getConfiguration('policyLint');
      const current = config.get<string[]>('sources', []);
      const next = [...new Set([...current, ...picked.map((u) => u.fsPath)])];
      await config.update('sources', next, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand('policyLint.openSource', async (file?: string, line?: number) => {
      const target = file ?? (await vscode.window.showInputBox({ prompt: msg('来源文件路径', 'Source file path') }));
      if (!target) return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
      const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
    }),
  );

  context.subscriptions.push(
    client.onNotification('policyLint/indexed', (s: IndexSummary) => {
      indexItem.text = `$(book) ${msg(`来源 ${s.files} · 术语 ${s.terms}`, `${s.files} sources · ${s.terms} terms`)}`;
      indexItem.tooltip = msg(`已索引 ${s.files} 个来源文件（跳过 ${s.skipped} 个），用时 ${s.ms} ms。点击查看报告。`, `Indexed ${s.files} source files (${s.skipped} skipped) in ${s.ms} ms. Click for the report.`);
    }),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
