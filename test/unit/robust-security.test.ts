// Issue 7, part 6: the server never executes workspace content and makes no network requests,
// and in an untrusted workspace it reads no folder the workspace names.
//  - statically: our own code imports no network, process or code-evaluation module; the bundles
//    contain no HTTP/TLS/DNS client, no fetch, no eval; `net` and `child_process` appear only in
//    the protocol library (its --socket/--pipe transports and npm/yarn path helpers we never call);
//  - dynamically: the bundled server, run over stdio on a hostile workspace (sources named by URL,
//    a local TCP listener named as a source, files holding code), is watched by a preloaded hook
//    that records any socket connection, HTTP request, DNS lookup, child process, vm/eval use or
//    module loaded from the workspace: none happens, while every feature is exercised.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = path.resolve(__dirname, '../../..');
const NETWORK = ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'net'];
const EXECUTION = ['child_process', 'vm', 'worker_threads', 'cluster', 'inspector'];
/** The only modules that may use worker_threads: workers from our own dist/*Worker.js files, never from a string. */
const WORKER_MODULES = ['server/src/core/util/ownWorker.ts', 'server/src/core/text/suffixArrayWorker.ts', 'server/src/core/index/formulationsWorker.ts'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('robustness: no network, no execution of workspace content', function () {
  this.timeout(120000);

  it('our server code imports no network, process or evaluation module, and evaluates no code', () => {
    const banned = [...NETWORK, ...EXECUTION].join('|');
    const importRe = new RegExp(`(?:from\\s+|require\\(\\s*|import\\(\\s*)['"](?:node:)?(${banned})(?:/[\\w/]*)?['"]`);
    const files = sourceFiles(path.join(ROOT, 'server/src'));
    assert.ok(files.length > 20);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      // One exception: a cold index sorts and mines on worker threads started from our own script files.
      if (WORKER_MODULES.includes(rel)) {
        const others = new RegExp(importRe.source.replace('|worker_threads', ''));
        assert.doesNotMatch(text, others, `${rel} imports a network or execution module`);
        assert.doesNotMatch(text, /eval\s*:\s*true/, `${rel} starts a worker from a string`);
        continue;
      }
      assert.doesNotMatch(text, importRe, `${path.relative(ROOT, file)} imports a network or execution module`);
      assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(|\bfetch\s*\(|\bFiles\.resolve/, `${path.relative(ROOT, file)} evaluates code or fetches`);
    }
  });

  it('the bundles hold no HTTP/TLS/DNS client, fetch or eval; net and child_process only inside the protocol library', () => {
    const vendor = fs.readdirSync(path.join(ROOT, 'dist/vendor')).filter((f) => f.endsWith('.js')).map((f) => `dist/vendor/${f}`);
    assert.ok(vendor.length >= 4, 'the third-party bundles of dist/vendor/ are checked too');
    for (const bundle of ['dist/server.js', 'dist/cli.js', ...vendor]) {
      const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      for (const mod of ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'vm', 'cluster', 'inspector']) {
        assert.doesNotMatch(text, new RegExp(`require\\(["'](?:node:)?${mod}["']\\)`), `${bundle} requires ${mod}`);
      }
      // worker_threads only in the module that starts our own worker files.
      for (const m of text.matchAll(/require\(["'](?:node:)?worker_threads["']\)/g)) {
        const header = [...text.slice(0, m.index).matchAll(/^\/\/ (node_modules\/\S+|server\/\S+)$/gm)].pop()?.[1] ?? '(none)';
        assert.equal(header, 'server/src/core/util/ownWorker.ts', `${bundle}: worker_threads required in ${header}`);
      }
      assert.doesNotMatch(text, /eval\s*:\s*true/, `${bundle} starts a worker from a string`);
      assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(|\bfetch\s*\(|XMLHttpRequest|WebSocket/, `${bundle} evaluates code or fetches`);
      // Where `net` or `child_process` is required, the module around it (esbuild marks each with
      // its path) belongs to vscode-jsonrpc or vscode-languageserver.
      for (const m of text.matchAll(/require\(["'](?:node:)?(net|child_process)["']\)/g)) {
        const header = [...text.slice(0, m.index).matchAll(/^\/\/ (node_modules\/\S+|server\/\S+)$/gm)].pop()?.[1] ?? '(none)';
        assert.match(header, /^node_modules\/vscode-(jsonrpc|languageserver)\//, `${bundle}: ${m[1]} required in ${header}`);
      }
    }
    // The CLI needs neither.
    assert.doesNotMatch(fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8'), /require\(["'](?:node:)?(net|child_process)["']\)/);
  });

  describe('the running server on a hostile workspace', () => {
    let ws: string;
    let listener: net.Server;
    let port = 0;
    let connections = 0;
    const hookLog = () => path.join(ws, '..', `${path.basename(ws)}-hook.log`);

    before(async () => {
      ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-robust-sec-')));
      listener = net.createServer((s) => {
        connections++;
        s.destroy();
      });
      await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
      port = (listener.address() as net.AddressInfo).port;
      const src = path.join(ws, 'src');
      fs.mkdirSync(src);
      fs.writeFileSync(path.join(src, 'a.txt'), `第一篇\n坚持“蓬莱仙阁方略”。“蓬莱仙阁方略”要求：require('child_process').execSync('touch ${ws}/pwned')\n`);
      fs.writeFileSync(path.join(src, 'b.md'), `# 标题\n<script>fetch('http://127.0.0.1:${port}/')</script>\n[链接](http://127.0.0.1:${port}/x)\n`);
      fs.writeFileSync(path.join(src, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(path.join(ws, 'pwned'))}, 'x');`);
      fs.writeFileSync(path.join(src, '$(touch pwned).txt'), '文件名里的命令。\n');
      fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'evil', main: 'src/evil.js', scripts: { postinstall: 'touch pwned' } }));
      fs.writeFileSync(
        path.join(ws, 'policy-lint.json'),
        JSON.stringify({
          sources: ['src', `http://127.0.0.1:${port}/sources`, `//127.0.0.1:${port}/share`, `file://127.0.0.1:${port}/x`, '$(touch pwned)', '`touch pwned`'],
          replace: [{ pattern: "require('child_process')", expected: 'x' }],
          allow: ['${process.exit()}'],
        }),
      );
      // The hook: preloaded into the server, it records what must never happen.
      const hook = path.join(ws, '..', `${path.basename(ws)}-hook.js`);
      fs.writeFileSync(
        hook,
        `
const fs = require('fs');
const LOG = ${JSON.stringify(hookLog())};
const WS = ${JSON.stringify(ws)};
const note = (what) => fs.appendFileSync(LOG, what + '\\n');
const watch = (mod, names) => {
  const m = require(mod);
  for (const n of names) {
    const orig = m[n];
    if (typeof orig !== 'function') continue;
    m[n] = function (...args) { note(mod + '.' + n + ' ' + String(args[0]).slice(0, 80)); return orig.apply(this, args); };
  }
};
watch('child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
watch('http', ['request', 'get']);
watch('https', ['request', 'get']);
watch('tls', ['connect']);
watch('dns', ['lookup', 'resolve', 'resolve4', 'resolve6']);
watch('vm', ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']);
const net = require('net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { note('net.Socket.connect ' + JSON.stringify(args[0])); return connect.apply(this, args); };
if (typeof globalThis.fetch === 'function') { const f = globalThis.fetch; globalThis.fetch = (...a) => { note('fetch ' + String(a[0])); return f(...a); }; }
const Module = require('module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  let resolved = '';
  try { resolved = Module._resolveFilename(request, parent, isMain); } catch {}
  if (resolved.startsWith(WS)) note('require ' + resolved);
  return load.apply(this, arguments);
};
`,
      );
    });

    it('(the hook itself records what it watches)', async () => {
      const hook = path.join(ws, '..', `${path.basename(ws)}-hook.js`);
      const probe = `require('child_process').spawnSync(process.execPath, ['-e', '0']); const s = require('net').connect(${port}, '127.0.0.1', () => s.destroy()); s.on('close', () => 0);`;
      const { spawnSync } = await import('node:child_process');
      spawnSync(process.execPath, ['-r', hook, '-e', probe], { cwd: ws });
      const log = recorded();
      assert.match(log, /child_process\.spawnSync/);
      assert.match(log, /net\.Socket\.connect/);
      for (let i = 0; i < 40 && !connections; i++) await new Promise((r) => setTimeout(r, 25));
      assert.equal(connections, 1, 'the listener counts connections');
      fs.rmSync(hookLog());
      connections = 0;
    });

    after(async () => {
      await new Promise<void>((r) => listener.close(() => r()));
      fs.rmSync(ws, { recursive: true, force: true });
      for (const f of [hookLog(), path.join(ws, '..', `${path.basename(ws)}-hook.js`), path.join(ws, '..', `${path.basename(ws)}-cache`)]) fs.rmSync(f, { recursive: true, force: true });
    });

    async function startServer(trusted: boolean): Promise<{ child: ChildProcess; conn: MessageConnection; logs: string[]; stop: () => Promise<void> }> {
      const hook = path.join(ws, '..', `${path.basename(ws)}-hook.js`);
      const child = spawn(process.execPath, ['-r', hook, path.join(ROOT, 'bin/policy-lsp.js'), '--stdio'], {
        cwd: ws,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, POLICY_LINT_CACHE_DIR: path.join(ws, '..', `${path.basename(ws)}-cache`) },
      });
      let exited = false;
      child.on('exit', () => (exited = true));
      const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const logs: string[] = [];
      conn.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
      let indexed = 0;
      conn.onNotification('policyLint/indexed', () => indexed++);
      // The client's settings name sources by URL too.
      conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ sources: [`http://127.0.0.1:${port}/settings`, `\\\\127.0.0.1\\share`] })));
      conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
      conn.onRequest('client/registerCapability', () => null);
      conn.listen();
      const rootUri = pathToFileURL(ws).toString();
      await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'ws' }],
        capabilities: { workspace: { configuration: true } },
        initializationOptions: { trusted },
      });
      await conn.sendNotification('initialized', {});
      for (let i = 0; i < 400 && !indexed; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(indexed, 'indexed');
      const stop = async () => {
        if (!exited) {
          await conn.sendRequest('shutdown').catch(() => undefined);
          await conn.sendNotification('exit').catch(() => undefined);
          for (let i = 0; i < 100 && !exited; i++) await new Promise((r) => setTimeout(r, 50));
        }
        if (!exited) child.kill();
        conn.dispose();
      };
      return { child, conn, logs, stop };
    }

    async function exercise(conn: MessageConnection): Promise<{ hover: string }> {
      const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
      const text = `坚持“蓬莱仙阁方略”，携手构建人类命。require('child_process') 见 http://127.0.0.1:${port}/ 。\n`;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as { contents: { value: string } } | null;
      const at = { textDocument: { uri }, position: { line: 0, character: 17 } };
      await conn.sendRequest('textDocument/completion', at);
      await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 5 } });
      await conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 5 }, context: { includeDeclaration: true } });
      await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      await conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
      await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
      for (const command of ['policyLint.reindex', 'policyLint.indexReport', 'policyLint.server.checkSources', 'policyLint.wordCount']) {
        await conn.sendRequest('workspace/executeCommand', { command, arguments: [uri] });
      }
      await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(ws, 'src', 'a.txt')).toString(), type: 2 }] });
      await new Promise((r) => setTimeout(r, 1500)); // the debounced re-index
      return { hover: hover?.contents.value ?? '' };
    }

    const recorded = () => (fs.existsSync(hookLog()) ? fs.readFileSync(hookLog(), 'utf8').trim() : '');

    it('trusted: the workspace sources are indexed; no connection, request, lookup, process or code from the workspace', async () => {
      const { conn, logs, stop } = await startServer(true);
      try {
        const { hover } = await exercise(conn);
        assert.match(hover, /蓬莱仙阁方略/, 'the workspace source folder is used when trusted');
        assert.ok(logs.some((m) => m.includes('http:') || m.includes('127.0.0.1')), 'the URL "folders" are reported as missing folders');
      } finally {
        await stop();
      }
      assert.equal(recorded(), '', 'nothing recorded by the hook');
      assert.equal(connections, 0, 'no connection reached the local listener');
      assert.ok(!fs.existsSync(path.join(ws, 'pwned')) && !fs.existsSync(path.join(ROOT, 'pwned')));
    });

    it('untrusted: folders named by the workspace are not read, the bundled sources still are', async () => {
      const { conn, logs, stop } = await startServer(false);
      try {
        const { hover } = await exercise(conn);
        assert.doesNotMatch(hover, /蓬莱仙阁方略/, 'no term from the workspace folder');
        assert.ok(logs.some((m) => /未受信任|not trusted/.test(m)), logs.join(' | '));
        const report = (await conn.sendRequest('workspace/executeCommand', { command: 'policyLint.indexReport', arguments: [] })) as { files: Array<{ path: string }>; skipped: Array<{ path: string }> };
        assert.ok(report.files.length > 0 && report.files.every((f) => !f.path.startsWith(ws)), 'only the bundled seeds are indexed');
        assert.ok(report.skipped.every((s) => !s.path.startsWith(ws)), 'the workspace is not even walked');
      } finally {
        await stop();
      }
      assert.equal(recorded(), '');
      assert.equal(connections, 0);
    });
  });
});
