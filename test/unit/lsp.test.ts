// Speaks the protocol to the bundled server over stdio, as any LSP client would.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(__dirname, '../../..');

interface Diagnostic {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

describe('policy-lsp over stdio', function () {
  this.timeout(120000);
  let child: ChildProcess;
  let conn: MessageConnection;
  const published = new Map<string, Array<{ version?: number; diagnostics: Diagnostic[] }>>();

  before(async () => {
    child = spawn(process.execPath, [path.join(ROOT, 'bin/policy-lsp.js'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      const list = published.get(p.uri) ?? [];
      list.push(p);
      published.set(p.uri, list);
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    const result = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    })) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.hoverProvider);
    assert.ok(result.capabilities.completionProvider);
    // Completion opens by itself after “, 《 and 、 (a list's next item).
    assert.deepEqual((result.capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters, ['“', '《', '、']);
    await conn.sendNotification('initialized', {});
  });

  after(async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    conn.dispose();
  });

  async function diagnosticsFor(uri: string, version: number, wantNonEmpty: boolean): Promise<Diagnostic[]> {
    for (let i = 0; i < 600; i++) {
      const list = published.get(uri) ?? [];
      const last = list.filter((p) => p.version === undefined || p.version === version).pop();
      if (last && (!wantNonEmpty || last.diagnostics.length)) return last.diagnostics;
      await new Promise((r) => setTimeout(r, 50));
    }
    return [];
  }

  it('publishes diagnostics with rule codes for an opened draft', async () => {
    const uri = 'file:///tmp/policy-lsp-test-1.md';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '𠮷弘扬正确二戰史观。\r\n有助于提升提升城市设施韧性。' } });
    const diags = await diagnosticsFor(uri, 1, true);
    const codes = diags.map((d) => d.code).sort();
    assert.deepEqual(codes, ['duplicate', 'variant-char']);
    const variant = diags.find((d) => d.code === 'variant-char')!;
    // 𠮷 is two UTF-16 units: 二戰 starts at character 2 + 4 = 6; 戰 at 7.
    assert.deepEqual(variant.range.start, { line: 0, character: 7 });
    const dup = diags.find((d) => d.code === 'duplicate')!;
    assert.equal(dup.range.start.line, 1);
  });

  it('publishes nothing for clean text and answers after changes with the latest version', async () => {
    const uri = 'file:///tmp/policy-lsp-test-2.md';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '人人参与、人人负责，结出累累硕果。' } });
    assert.deepEqual(await diagnosticsFor(uri, 1, false), []);
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '二戰' }],
    });
    const diags = await diagnosticsFor(uri, 2, true);
    assert.deepEqual(diags.map((d) => d.code), ['variant-char']);
  });

  it('answers hover and completion from the seeds', async () => {
    const uri = 'file:///tmp/policy-lsp-test-3.md';
    const text = '以“上海精神”为指引，携手构建人类命';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } })) as { contents: { value: string } } | null;
    assert.ok(hover && hover.contents.value.includes('尊重多样文明'));
    const completion = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } })) as {
      isIncomplete: boolean;
      items: Array<{ label: string; textEdit: { newText: string } }>;
    };
    assert.equal(completion.isIncomplete, true);
    assert.ok(completion.items.some((c) => c.textEdit.newText.includes('人类命运共同体')));
    // Right after a list's 、: the sources' further items.
    const list = '建设创新、宜居、';
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: list }] });
    const next = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: list.length } })) as {
      items: Array<{ textEdit: { newText: string } }>;
    };
    assert.ok(next.items.some((c) => c.textEdit.newText.includes('创新、宜居、美丽、韧性')), JSON.stringify(next.items.map((c) => c.textEdit.newText)));
  });

  it('writes a completion item\'s documentation when the editor resolves it, and answers a stale or made-up item as it came', async () => {
    const uri = 'file:///tmp/policy-lsp-test-resolve.md';
    const text = '弘扬“上海精';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    type Item = { label: string; data?: unknown; documentation?: { kind: string; value: string }; textEdit: { newText: string } };
    const completion = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } })) as { items: Item[] };
    const item = completion.items.find((c) => c.textEdit.newText.includes('上海精神'));
    assert.ok(item, JSON.stringify(completion.items.map((c) => c.label)));
    // The list itself carries no documentation: the selected item's is asked for.
    assert.equal(item.documentation, undefined);
    const resolved = (await conn.sendRequest('completionItem/resolve', item)) as Item;
    assert.equal(resolved.documentation?.kind, 'markdown');
    assert.ok(resolved.documentation?.value.includes('互信、互利、平等、协商、尊重多样文明、谋求共同发展'), resolved.documentation?.value);
    assert.equal(resolved.label, item.label);
    // A newer list makes the older one's items stale: answered unchanged, with no documentation.
    await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } });
    assert.equal(((await conn.sendRequest('completionItem/resolve', item)) as Item).documentation, undefined);
    for (const made of [{ label: 'x' }, { label: 'x', data: null }, { label: 'x', data: { list: 'a', item: -1 } }, { label: item.label, data: { list: 1e9, item: 0 } }]) {
      const back = (await conn.sendRequest('completionItem/resolve', made)) as Item;
      assert.equal(back.label, made.label);
      assert.equal(back.documentation, undefined);
    }
  });

  it('returns semantic tokens for official terms', async () => {
    const uri = 'file:///tmp/policy-lsp-test-5.md';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '前言\r\n𠮷秉持“上海精神”。' } });
    const tokens = (await conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    // line 1, character 5 (𠮷 is two UTF-16 units, then 秉持“), length 4, type 0 (officialTerm)
    assert.deepEqual(tokens.data.slice(0, 5), [1, 5, 4, 0, 0]);
  });

  it('survives requests for unknown documents and out-of-range positions', async () => {
    const none = await conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.md' }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
    const uri = 'file:///tmp/policy-lsp-test-4.md';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '短' } });
    const far = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } });
    assert.equal(far, null);
  });
});
