// Issue 7, part 4: the language server under abuse, spoken to over stdio as any client would.
// Out-of-range positions, unknown and closed documents, malformed parameters, cancellations,
// 200 open documents and a burst of 10,000 edits: the server stays up, answers every request,
// publishes for each document the diagnostics of its last version (and they are right for that
// text), and gives its memory back once the documents are closed.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Indexer } from '../../server/src/core/index/indexer';
import { PolicyService } from '../../server/src/core/service';
import { reflow } from '../../server/src/core/sources/reflow';

const ROOT = path.resolve(__dirname, '../../..');
const DOCS = 200;
/** The burst: this many edits per second, for this many seconds (a bounded loop). */
const EDITS_PER_SECOND = 1000;
const BURST_SECONDS = 10;
/**
 * Live heap the server may keep after closing every document, over its heap before the first one:
 * caches built on first use and shared by all documents (term tables, the sources' character pairs,
 * the paragraph cache, bounded by its size). Measured: +35 MB for 200 documents of 575 k characters.
 */
const HEAP_BOUND_MB = 60;

interface Diagnostic {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** Figures of the last run, for docs/reliability.md. */
export const lspStats: Record<string, number> = {};

/** RSS of the server right after a full garbage collection (see the SIGUSR2 hook below). */
async function collectedRssMb(child: ChildProcess): Promise<number> {
  child.kill('SIGUSR2');
  await sleep(1000);
  return rssMb(child.pid!);
}

/** The server's live JavaScript heap in MB after the full collection of the last SIGUSR2 (written by the hook). */
function collectedHeapMb(statsFile: string): number {
  return Math.round(JSON.parse(fs.readFileSync(statsFile, 'utf8')).heapUsed / 2 ** 20);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s*kB/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

/** A small deterministic random generator, so that a failure can be replayed. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('robustness: the language server under abuse', function () {
  this.timeout(300000);
  let child: ChildProcess;
  let conn: MessageConnection;
  let ws: string;
  let stderr = '';
  let statsFile = '';
  let exited: number | null | undefined;
  const published: Published[] = [];
  let service: PolicyService;
  const sentences: string[] = [];

  async function waitFor(what: string, ok: () => boolean, ms = 60000): Promise<void> {
    const until = Date.now() + ms;
    while (!ok()) {
      if (exited !== undefined) assert.fail(`the server exited (${exited}) while waiting for ${what}: ${stderr.slice(0, 800)}`);
      if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
      await sleep(25);
    }
  }
  const alive = () => exited === undefined && child.exitCode === null;

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-robust-lsp-'));
    for (const name of fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt'))) {
      for (const para of reflow(fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8')).text.split('\n')) {
        for (const s of para.split(/(?<=[。！？])/)) if (s.length >= 6) sentences.push(s);
      }
    }
    // The reference: the same core, the same bundled sources, the default configuration.
    service = new PolicyService({ index: await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild() });

    // Test-only hook, preloaded into the server process: SIGUSR2 runs a full garbage collection, so
    // that memory figures show what the server retains, not V8's high-water mark until its next
    // major collection (an idle Node process does not collect on its own).
    // It also writes the live heap after the collection: RSS keeps pages V8 has not returned to the
    // system (how many varies from run to run by tens of MB), the heap is what the server holds.
    const hook = path.join(ws, 'gc-hook.js');
    statsFile = path.join(ws, 'gc-stats.json');
    fs.writeFileSync(hook, `process.on('SIGUSR2', () => { global.gc && global.gc(); global.gc && global.gc(); require('fs').writeFileSync(${JSON.stringify(statsFile)}, JSON.stringify(process.memoryUsage())); });\n`);
    child = spawn(process.execPath, ['--expose-gc', '-r', hook, path.join(ROOT, 'bin/policy-lsp.js'), '--stdio'], {
      cwd: ws,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, POLICY_LINT_CACHE_DIR: path.join(ws, '.cache') },
    });
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => (exited = code));
    conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => published.push(p));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
    let indexed = 0;
    conn.onNotification('policyLint/indexed', () => indexed++);
    conn.listen();
    const rootUri = pathToFileURL(ws).toString();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    await waitFor('the first index', () => indexed > 0);
  });

  after(async () => {
    try {
      if (alive()) {
        await Promise.race([conn.sendRequest('shutdown'), sleep(5000)]);
        await conn.sendNotification('exit');
        await waitFor('exit', () => exited !== undefined, 10000).catch(() => undefined);
      }
    } finally {
      if (exited === undefined) child.kill();
      conn.dispose();
      fs.rmSync(ws, { recursive: true, force: true });
      // eslint-disable-next-line no-console
      console.log(`      lsp figures: ${JSON.stringify(lspStats)}`);
    }
  });

  const uriOf = (i: number) => pathToFileURL(path.join(ws, `draft-${i}.md`)).toString();

  /** Sends a request and returns its result, or the error it was answered with: either is an answer. */
  async function answer(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    try {
      return { result: await conn.sendRequest(method, params) };
    } catch (e) {
      const err = e as { code: number; message: string };
      assert.equal(typeof err.code, 'number', `${method} answered with a protocol error, not a dropped connection: ${String(e)}`);
      return { error: err };
    }
  }

  /** null, [], or an empty completion list. */
  function isEmptyAnswer(a: { result?: unknown; error?: unknown }): boolean {
    const r = a.result as { items?: unknown[] } | unknown[] | null;
    return !a.error && (r === null || (Array.isArray(r) && r.length === 0) || (!!r && !Array.isArray(r) && Array.isArray(r.items) && r.items.length === 0));
  }

  it('answers out-of-range positions, unknown and closed documents, and malformed parameters', async () => {
    const uri = uriOf(9999);
    const text = '坚持“上海精神”，弘扬正确二戰史观。\r\n𠮷提升提升。';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const positions = [
      { line: 0, character: 0 },
      { line: 0, character: 100000 },
      { line: 99999, character: 5 },
      { line: 1, character: 1 }, // between the halves of 𠮷
      { line: -1, character: -1 },
      { line: 1.5, character: 2.5 },
      { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER },
    ];
    const positional = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references'];
    for (const method of positional) {
      for (const position of positions) {
        await answer(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
        // An unknown document: null or an empty list.
        const none = await answer(method, { textDocument: { uri: 'file:///no/such/draft.md' }, position });
        assert.ok(isEmptyAnswer(none), `${method} on an unknown uri: ${JSON.stringify(none)}`);
      }
      // Malformed: no textDocument, no position, nothing at all, wrong types.
      for (const params of [{}, { position: { line: 0, character: 0 } }, { textDocument: { uri } }, { textDocument: {}, position: {} }, { textDocument: { uri: 42 }, position: 'x' }, null, [], 'garbage']) {
        await answer(method, params);
      }
    }
    for (const method of ['textDocument/documentSymbol', 'textDocument/semanticTokens/full']) {
      for (const params of [{ textDocument: { uri } }, { textDocument: { uri: 'file:///no/such.md' } }, {}, null]) await answer(method, params);
    }
    for (const range of [
      { start: { line: 0, character: 0 }, end: { line: 99999, character: 99999 } },
      { start: { line: 5, character: 5 }, end: { line: 0, character: 0 } },
    ]) {
      await answer('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
      await answer('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [{ range, message: 'x', code: 'duplicate' }], only: ['source.fixAll'] } });
    }
    await answer('textDocument/codeAction', { textDocument: { uri } });
    for (const [command, args] of [
      ['policyLint.server.fixAllSafe', ['file:///no/such.md']],
      ['policyLint.server.fixAllSafe', [42]],
      ['policyLint.addToAllow', [{}]],
      ['policyLint.wordCount', [null]],
      ['policyLint.indexReport', undefined],
      ['no.such.command', []],
    ] as const) {
      await answer('workspace/executeCommand', { command, arguments: args });
    }
    const unknown = await answer('policyLint/noSuchRequest', { a: 1 });
    assert.ok(unknown.error, 'an unknown request is answered with an error');
    // Notifications that make no sense: no answer is due, and no crash may follow.
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 3 } }, text: '尾' }] });
    await conn.sendNotification('textDocument/didOpen', {});
    await conn.sendNotification('textDocument/didChange', {});
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.md' } });
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: { policyLint: { rules: 5, sources: [1, null], replace: 'x' } } });
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: 'nope' });
    await conn.sendNotification('$/noSuchNotification', { x: 1 });

    // After didClose: the document is gone, its diagnostics are cleared, requests get null.
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor('cleared diagnostics', () => published.filter((p) => p.uri === uri).pop()?.diagnostics.length === 0);
    for (const method of positional) {
      const r = await answer(method, { textDocument: { uri }, position: { line: 0, character: 3 } });
      assert.ok(isEmptyAnswer(r), `${method} after didClose: ${JSON.stringify(r)}`);
    }
    // Still serving: a normal request on a fresh document.
    const fresh = uriOf(9998);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: '以“上海精神”为指引' } });
    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: fresh }, position: { line: 0, character: 4 } })) as { contents: { value: string } } | null;
    assert.ok(hover?.contents.value.includes('尊重多样文明'));
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    assert.ok(alive(), stderr);
  });

  it('$/cancelRequest: cancelled and unknown requests leave the server serving', async () => {
    const uri = uriOf(9997);
    const text = sentences.slice(0, 40).join('') + '人类命';
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const position = { line: 0, character: text.length };
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const source = new CancellationTokenSource();
      const method = ['textDocument/completion', 'textDocument/hover', 'textDocument/references'][i % 3];
      const pending = conn.sendRequest(method, { textDocument: { uri }, position, context: { includeDeclaration: true } }, source.token);
      if (i % 2) source.cancel(); // right away
      else setTimeout(() => source.cancel(), i); // a little later, possibly after the answer
      outcomes.push(await pending.then(() => 'answered', (e: { code?: number }) => (e.code === -32800 ? 'cancelled' : `error ${e.code}`)));
    }
    assert.ok(outcomes.every((o) => o === 'answered' || o === 'cancelled'), outcomes.join());
    // A cancellation for a request that does not exist (or finished long ago).
    await conn.sendNotification('$/cancelRequest', { id: 123456789 });
    await conn.sendNotification('$/cancelRequest', { id: 'nope' });
    await conn.sendNotification('$/cancelRequest', {});
    const items = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as { items?: Array<{ label: string }> } | Array<{ label: string }>;
    const list = Array.isArray(items) ? items : (items.items ?? []);
    assert.ok(list.some((c) => c.label.includes('人类命运共同体')));
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    lspStats.cancelRequests = outcomes.length;
    lspStats.cancelled = outcomes.filter((o) => o === 'cancelled').length;
  });

  it(`${DOCS} documents and a burst of ${EDITS_PER_SECOND * BURST_SECONDS} edits: last versions published, correct; memory given back`, async () => {
    const random = rng(20261125);
    await sleep(2000); // settle after indexing and the earlier tests
    const baseline = await collectedRssMb(child);
    lspStats.rssBaselineMb = baseline;
    const heapBaseline = collectedHeapMb(statsFile);
    lspStats.heapBaselineMb = heapBaseline;

    // Open the documents: seed sentences with typical problems, mixed line breaks, 𠮷.
    const docs = new Map<string, TextDocument>();
    const problems = ['二戰', '提升提升', '，，', '因地制宜宜', '𠮷', '上海“精神”', '(中国)'];
    for (let i = 0; i < DOCS; i++) {
      const parts: string[] = [];
      for (let k = 0; k < 60; k++) {
        parts.push(sentences[random(sentences.length)]);
        if (random(4) === 0) parts.push(problems[random(problems.length)]);
        if (random(3) === 0) parts.push(['\n', '\r\n', '\n\n'][random(3)]);
      }
      const text = parts.join('');
      const uri = uriOf(i);
      docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    }
    lspStats.documents = docs.size;
    lspStats.documentChars = [...docs.values()].reduce((n, d) => n + d.getText().length, 0);

    // The burst: EDITS_PER_SECOND edits a second, spread over the documents, for BURST_SECONDS.
    const pieces = ['戰', '提升', '，', '𠮷', '\r\n', '的', '“', '”', '国', ''];
    const uris = [...docs.keys()];
    let sent = 0;
    const started = Date.now();
    for (let tick = 0; tick < BURST_SECONDS * 100; tick++) {
      for (let k = 0; k < EDITS_PER_SECOND / 100; k++) {
        const uri = uris[random(uris.length)];
        const doc = docs.get(uri)!;
        const length = doc.getText().length;
        const start = random(length + 1);
        const end = random(3) === 0 ? Math.min(length, start + 1 + random(3)) : start;
        const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
        const change = { range, text: pieces[random(pieces.length)] };
        const next = TextDocument.update(doc, [change], doc.version + 1);
        docs.set(uri, next);
        void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [change] });
        sent++;
      }
      // Keep the pace: 10 edits every 10 ms.
      const due = started + (tick + 1) * 10;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    lspStats.edits = sent;
    lspStats.burstMs = Date.now() - started;
    lspStats.rssAfterBurstMb = rssMb(child.pid!);
    assert.ok(alive(), stderr);

    // For every document: the last publication is for its last version…
    await waitFor('the last versions', () => uris.every((uri) => published.filter((p) => p.uri === uri).pop()?.version === docs.get(uri)!.version), 120000);
    lspStats.publications = published.length;
    // …versions only go up, never a stale version after a newer one…
    for (const uri of uris) {
      const versions = published.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `${uri}: version ${versions[i]} published after ${versions[i - 1]}`);
    }
    // …and its diagnostics are those of that text.
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    let compared = 0;
    for (const uri of uris) {
      const doc = docs.get(uri)!;
      const got = published.filter((p) => p.uri === uri).pop()!.diagnostics.map(key).sort();
      const want = service
        .check(doc.getText())
        .map((f) => key({ code: f.rule, range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) } }))
        .sort();
      assert.deepEqual(got, want, `diagnostics of ${uri} v${doc.version}`);
      compared += got.length;
    }
    lspStats.diagnosticsCompared = compared;
    lspStats.rssPeakDocsMb = rssMb(child.pid!);
    await collectedRssMb(child);
    const heapOpen = collectedHeapMb(statsFile);
    lspStats.heapDocsOpenMb = heapOpen;

    // Close everything: each document's diagnostics are cleared, and the memory comes back.
    const before = published.length;
    for (const uri of uris) await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor('cleared diagnostics', () => {
      const cleared = new Set(published.slice(before).filter((p) => p.diagnostics.length === 0).map((p) => p.uri));
      return uris.every((u) => cleared.has(u));
    });
    // Requests for closed documents are answered with nothing.
    assert.equal(await conn.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 0, character: 1 } }), null);
    await sleep(3000); // settle
    lspStats.rssAfterCloseUncollectedMb = rssMb(child.pid!);
    const after = await collectedRssMb(child);
    lspStats.rssAfterCloseMb = after;
    const heapAfter = collectedHeapMb(statsFile);
    lspStats.heapAfterCloseMb = heapAfter;
    // (RSS is reported, not judged: V8 gives pages back to the system when it likes, and the figure
    // after closing varied by 90 MB between runs of the same build.)
    assert.ok(heapAfter < heapBaseline + HEAP_BOUND_MB, `live heap ${heapAfter} MB after closing, baseline ${heapBaseline} MB (bound +${HEAP_BOUND_MB} MB)`);
    // Closing frees the documents' text, versions and diagnostics (5 MB here): a server that kept
    // them would stay at the heap it had with them open.
    assert.ok(heapAfter <= heapOpen - 2, `live heap ${heapAfter} MB after closing, ${heapOpen} MB with the documents open`);
    assert.ok(alive(), stderr);
  });
});
