// The server re-indexes when a configured source folder changes on disk.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(__dirname, '../../..');

describe('policy-lsp source watching and policy-lint.json', function () {
  this.timeout(120000);
  it('picks up a new source file and the workspace configuration', async () => {
    const ws = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-ws-'));
    const src = path.join(ws, 'sources');
    await fs.mkdir(src);
    await fs.writeFile(path.join(src, 'a.txt'), '第一篇\n坚持“两个毫不动摇”。\n');
    await fs.writeFile(path.join(ws, 'policy-lint.json'), JSON.stringify({ sources: ['sources'], rules: { 'variant-char': 'off' } }));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/policy-lsp.js'), '--stdio'], {
      cwd: ws,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, POLICY_LINT_CACHE_DIR: path.join(ws, '.cache') },
    });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let indexed = 0;
    conn.onNotification('policyLint/indexed', () => indexed++);
    const published: Array<{ uri: string; diagnostics: Array<{ code: string }> }> = [];
    conn.onNotification('textDocument/publishDiagnostics', (p) => published.push(p));
    conn.listen();
    const root = pathToFileURL(ws).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '坚持两个毫不动摇，弘扬二戰精神，推动新质生产力' } });
    const hoverAt = async (character: number) =>
      (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } })) as { contents: { value: string } } | null;
    const first = await hoverAt(4);
    assert.ok(first?.contents.value.includes('两个毫不动摇'));
    // variant-char is off in policy-lint.json: no diagnostic for 二戰
    for (let i = 0; i < 100 && !published.length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(published.length > 0);
    assert.ok(!published.some((p) => p.diagnostics.some((d) => d.code === 'variant-char')));
    // A new source file is indexed without a restart.
    const before = indexed;
    await fs.writeFile(path.join(src, 'b.txt'), '第二篇\n加快发展“新质生产力”。\n');
    for (let i = 0; i < 200 && indexed === before; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(indexed > before, 'reindexed after the change');
    const second = await hoverAt(20);
    assert.ok(second?.contents.value.includes('新质生产力'));
    // "Add to allow list" writes policy-lint.json, keeps its other keys, and silences the finding.
    const dupUri = pathToFileURL(path.join(ws, 'dup.md')).toString();
    published.length = 0;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: dupUri, languageId: 'markdown', version: 1, text: '要研究研究这个问题。' } });
    for (let i = 0; i < 100 && !published.some((p) => p.uri === dupUri); i++) await new Promise((r) => setTimeout(r, 50));
    const dupDiags = published.filter((p) => p.uri === dupUri).pop()!.diagnostics;
    assert.deepEqual(dupDiags.map((d) => d.code), ['duplicate']);
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: dupUri },
      range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } },
      context: { diagnostics: dupDiags },
    })) as Array<{ title: string; command?: { command: string; arguments: unknown[] } }>;
    const allow = actions.find((a) => a.command?.command === 'policyLint.addToAllow');
    assert.ok(allow, JSON.stringify(actions.map((a) => a.title)));
    published.length = 0;
    assert.equal(await conn.sendRequest('workspace/executeCommand', { command: allow.command!.command, arguments: ['研究研究'] }), true);
    const written = JSON.parse(await fs.readFile(path.join(ws, 'policy-lint.json'), 'utf8'));
    assert.deepEqual(written.allow, ['研究研究']);
    assert.deepEqual(written.sources, ['sources']);
    for (let i = 0; i < 100 && !published.some((p) => p.uri === dupUri); i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(published.filter((p) => p.uri === dupUri).pop()!.diagnostics, []);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
  });

  it('reads no workspace-named source folder in an untrusted workspace', async () => {
    const ws = await fs.mkdtemp(path.join(os.tmpdir(), 'pl-untrusted-'));
    await fs.mkdir(path.join(ws, 'sources'));
    await fs.writeFile(path.join(ws, 'sources', 'a.txt'), '第一篇\n坚持“两个毫不动摇”。\n');
    await fs.writeFile(path.join(ws, 'policy-lint.json'), JSON.stringify({ sources: ['sources'] }));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/policy-lsp.js'), '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, POLICY_LINT_CACHE_DIR: path.join(ws, '.cache') } });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let indexedCount = 0;
    let lastFiles = 0;
    conn.onNotification('policyLint/indexed', (p: { files: number }) => {
      indexedCount++;
      lastFiles = p.files;
    });
    conn.listen();
    const root = pathToFileURL(ws).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: root, capabilities: {}, initializationOptions: { trusted: false } });
    await conn.sendNotification('initialized', {});
    const waitIndexed = async (n: number) => {
      for (let i = 0; i < 200 && indexedCount < n; i++) await new Promise((r) => setTimeout(r, 50));
    };
    await waitIndexed(1);
    assert.equal(lastFiles, 2, 'only the two bundled seeds');
    await conn.sendNotification('policyLint/trust', { trusted: true });
    await waitIndexed(2);
    assert.equal(lastFiles, 3, 'the workspace source once trusted');
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
  });
});
