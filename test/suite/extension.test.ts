// The extension through the vscode API, in a real extension host (VS Code or code-server): the
// language client starts the bundled server and every feature is reached the way the editor reaches it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'policy-lint.policy-lint';
const SOURCE = 'policy-lint';

const DRAFT = [
  '# 携手践行“上海精神”',
  '',
  '一、合作之基在于互信',
  '',
  '上海合作组织走过不平凡的历程。各成员国秉持“上海精神”，在二戰胜利成果的基础上坚定维护联合国权威。',
  '',
  '（一）深化安全合作',
  '',
  '各方要推进基础设施互联互通，有助于提升提升区域经济韧性。',
  '',
  '二、发展之要在于务实',
  '',
  '携手构建人类命',
  '',
].join('\n');

/** A note in the test output (with the prefix the code-server runner filters on). */
const note = (m: string) => console.log((process.env.POLICY_LINT_SUITE_PREFIX ?? '') + m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let dir: string;
let counter = 0;

/** Writes a draft to a fresh file (*.draft.md → language policy-draft) and shows it. */
async function openDraft(text = DRAFT): Promise<vscode.TextDocument> {
  const file = path.join(dir, `draft-${++counter}.draft.md`);
  fs.writeFileSync(file, text, 'utf8');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

/** Waits until the extension's diagnostics for `uri` satisfy `ok` (they arrive asynchronously). */
async function diagnosticsUntil(uri: vscode.Uri, ok: (codes: string[]) => boolean, what: string, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const diags = ours(uri);
    if (ok(diags.map(codeOf))) return diags;
    if (Date.now() > until) assert.fail(`${what}: diagnostics were ${JSON.stringify(diags.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`))}`);
    await sleep(100);
  }
}

function positionOf(doc: vscode.TextDocument, needle: string, after = false): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in the draft`);
  return doc.positionAt(at + (after ? needle.length : 1));
}

/** Language server processes forked by this extension host (Linux /proc). */
function serverChildren(): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (ppid === process.pid && /dist[\\/]server\.js/.test(cmd)) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))).join('\n');
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('policy-lint in the VS Code extension host', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-suite-'));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('activates on a *.draft.md file and starts the language server', async () => {
    const ext = vscode.extensions.getExtension<{ client: { isRunning(): boolean } }>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const doc = await openDraft();
    assert.equal(doc.languageId, 'policy-draft');
    const api = await ext.activate();
    assert.ok(ext.isActive);
    for (let i = 0; i < 100 && !api.client.isRunning(); i++) await sleep(100);
    assert.ok(api.client.isRunning(), 'the language client is running');
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['policyLint.reindexSources', 'policyLint.fixAllSafe', 'policyLint.showIndexReport', 'policyLint.addToAllowList']) assert.ok(commands.includes(c), c);
    note(`      extension ${ext.packageJSON.version} from ${ext.extensionPath}; VS Code ${vscode.version}, ${vscode.env.appName}, node ${process.versions.node}`);
  });

  it('ships its l10n bundles and tells the server whether the workspace is trusted', async () => {
    const ext = vscode.extensions.getExtension<{ client: { clientOptions: { initializationOptions?: unknown } } }>(EXTENSION_ID)!;
    assert.equal(ext.packageJSON.l10n, './l10n');
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'l10n', f), 'utf8')) as Record<string, string>;
    const en = read('bundle.l10n.json');
    const zh = read('bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'every message has a Chinese translation');
    assert.equal(zh['{0} Chinese chars ({1} total)'], '字数 {0}（共 {1}）');
    const options = (await ext.activate()).client.clientOptions.initializationOptions;
    const init = (typeof options === 'function' ? options() : options) as { trusted?: boolean; locale?: string };
    assert.equal(init.trusted, vscode.workspace.isTrusted);
    assert.equal(init.locale, vscode.env.language);
  });

  it('publishes diagnostics for 二戰 (variant-char) and 提升提升 (duplicate)', async () => {
    const doc = await openDraft();
    const diags = await diagnosticsUntil(doc.uri, (c) => c.includes('variant-char') && c.includes('duplicate'), 'variant-char and duplicate');
    const variant = diags.find((d) => codeOf(d) === 'variant-char')!;
    assert.equal(doc.getText(variant.range), '戰');
    assert.equal(variant.severity, vscode.DiagnosticSeverity.Warning);
    const dup = diags.find((d) => codeOf(d) === 'duplicate')!;
    assert.match(doc.getText(new vscode.Range(dup.range.start.translate(0, -2), dup.range.end.translate(0, 2))), /提升提升/);
  });

  it('hover on 上海精神 shows its source meaning (尊重多样文明)', async () => {
    const doc = await openDraft();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '“上海精神”'));
    const text = hoverText(hovers);
    assert.match(text, /尊重多样文明/, text.slice(0, 400));
  });

  it('completes 携手构建人类命 with 人类命运共同体', async () => {
    const doc = await openDraft();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, '携手构建人类命', true));
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('人类命运共同体'), labels.slice(0, 20).join('、'));
  });

  it('offers a quick fix 二戰 → 二战 and applying it clears the diagnostic', async () => {
    const doc = await openDraft();
    const diags = await diagnosticsUntil(doc.uri, (c) => c.includes('variant-char'), 'variant-char');
    const variant = diags.find((d) => codeOf(d) === 'variant-char')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, variant.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && a.edit.get(doc.uri).some((e) => e.newText === '战'));
    assert.ok(fix, `a fix to 战 among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.isPreferred, 'the variant fix is the preferred one');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(doc.getText().includes('二战胜利'), doc.getText());
    assert.ok(!doc.getText().includes('二戰'));
    await diagnosticsUntil(doc.uri, (c) => !c.includes('variant-char') && c.includes('duplicate'), 'variant-char gone after the fix');
  });

  it('“修正所有安全问题” fixes 二戰 and 提升提升 through the server (workspace/applyEdit)', async () => {
    const doc = await openDraft();
    await diagnosticsUntil(doc.uri, (c) => c.includes('variant-char') && c.includes('duplicate'), 'before fix-all');
    await vscode.commands.executeCommand('policyLint.fixAllSafe');
    for (let i = 0; i < 100 && doc.getText().includes('二戰'); i++) await sleep(100);
    assert.ok(doc.getText().includes('二战胜利') && doc.getText().includes('有助于提升区域'), doc.getText());
  });

  it('goes to the definition of 上海精神 in the bundled sources (seeds/*.txt)', async () => {
    const doc = await openDraft();
    const result = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, '“上海精神”'));
    assert.ok(result.length > 0, 'a definition');
    const first = result[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetUri' in first ? (first.targetSelectionRange ?? first.targetRange) : first.range;
    assert.match(uri.fsPath, /[\\/]seeds[\\/][^\\/]+\.txt$/);
    const source = await vscode.workspace.openTextDocument(uri);
    assert.equal(source.getText(range), '上海精神');
  });

  it('outlines the draft: # → 一、 → （一）', async () => {
    const doc = await openDraft();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.equal(symbols.length, 1, JSON.stringify(symbols.map((s) => s.name)));
    assert.match(symbols[0].name, /携手践行/);
    const top = symbols[0].children.map((s) => s.name);
    assert.deepEqual(top, ['一、合作之基在于互信', '二、发展之要在于务实']);
    assert.deepEqual(symbols[0].children[0].children.map((s) => s.name), ['（一）深化安全合作']);
  });

  it('a settings change takes effect: policyLint.rules {"variant-char": "off"}', async () => {
    const doc = await openDraft();
    await diagnosticsUntil(doc.uri, (c) => c.includes('variant-char'), 'variant-char before the change');
    const config = vscode.workspace.getConfiguration('policyLint');
    await config.update('rules', { 'variant-char': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsUntil(doc.uri, (c) => !c.includes('variant-char') && c.includes('duplicate'), 'variant-char off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsUntil(doc.uri, (c) => c.includes('variant-char'), 'variant-char back after the reset');
  });

  it('restarts the language server after it dies, without touching the draft', async function () {
    this.timeout(90000);
    if (!fs.existsSync('/proc/self/stat')) this.skip(); // finds the server process through Linux /proc
    const doc = await openDraft();
    await diagnosticsUntil(doc.uri, (c) => c.includes('variant-char'), 'diagnostics before the crash');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '未保存的修改。'));
    // The server is a child of this extension host (forked over IPC): kill it as a crash would.
    const pids = serverChildren();
    assert.ok(pids.length > 0, 'the server process was not found');
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await sleep(2000);
    const fresh = serverChildren();
    assert.ok(fresh.length > 0 && fresh.every((p) => !pids.includes(p)), `restarted: ${fresh} (was ${pids})`);
    assert.ok(doc.getText().startsWith('未保存的修改。# 携手践行'), 'the unsaved draft text is intact');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '聯合'));
    await diagnosticsUntil(doc.uri, (c) => c.filter((x) => x === 'variant-char').length >= 2, 'diagnostics from the restarted server');
  });
});
