// A minimal LSP client over stdio (Content-Length framing), enough to drive policy-lsp as an editor would.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export class LspClient {
  /** Spawns `node <serverJs> --stdio` (optionally with extra node flags such as --cpu-prof). */
  constructor(serverJs, { cwd, env, nodeArgs = [] } = {}) {
    this.spawnedAt = process.hrtime.bigint();
    this.child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    this.buf = Buffer.alloc(0);
    /** Order of arrival of the server's notifications (several may arrive in one chunk). */
    this.seq = 0;
    this.stderr = '';
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.child.stdout.on('data', (d) => this.onData(d));
    this.child.stderr.on('data', (d) => {
      this.stderr += d.toString('utf8');
      if (this.stderr.length > 100_000) this.stderr = this.stderr.slice(-50_000);
    });
    this.child.stdin.on('error', () => undefined);
  }

  onData(d) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body), process.hrtime.bigint());
    }
  }

  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { lsp: msg.error }));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: settings are answered with nulls (defaults), anything else with null.
      let result = null;
      if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? [null]).map(() => null);
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    const seq = ++this.seq;
    for (const fn of [...(this.listeners.get(msg.method) ?? [])]) fn(msg.params, at, seq);
    for (const fn of [...(this.listeners.get('*') ?? [])]) fn(msg, at, seq);
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  on(method, fn) {
    if (!this.listeners.has(method)) this.listeners.set(method, []);
    this.listeners.get(method).push(fn);
    return () => {
      const l = this.listeners.get(method);
      l.splice(l.indexOf(fn), 1);
    };
  }

  /** Resolves with the first notification `method` whose params satisfy `pred`. */
  waitFor(method, pred = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timeout waiting for ${method}`));
      }, timeoutMs);
      const off = this.on(method, (params, at) => {
        if (!pred(params)) return;
        clearTimeout(timer);
        off();
        resolve({ params, at });
      });
    });
  }

  request(method, params, timeoutMs = 120_000) {
    const id = this.nextId++;
    const sentAt = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`timeout: ${method}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve({ ...r, ms: Number(r.at - sentAt) / 1e6 });
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(rootDir) {
    const rootUri = rootDir ? pathToFileURL(rootDir).toString() : null;
    const r = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootDir ? [{ uri: rootUri, name: 'bench' }] : null,
      locale: 'zh-cn',
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true }, hover: {}, completion: {} } },
    });
    this.notify('initialized', {});
    return r;
  }

  async shutdown() {
    try {
      await this.request('shutdown', null, 10_000);
      this.notify('exit', null);
    } catch {
      // the process is killed below
    }
    const done = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(undefined), 10_000))]);
    if (!done) this.child.kill('SIGKILL');
    return done;
  }
}

/** Offset ↔ LSP position (UTF-16) for a text that the bench edits itself. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
