// Proves that policy-lint.vsix is self-contained: unpacks it into an empty temporary folder (no
// node_modules above it), then
//   1. speaks LSP to its dist/server.js over stdio: initialize, diagnostics, hover, completion, shutdown;
//   2. runs its dist/cli.js (through bin/policy-lint.js) on a draft: exit 1 and the expected findings.
// usage: node scripts/verify-vsix.mjs [policy-lint.vsix]
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VSIX = resolve(process.argv[2] ?? join(ROOT, 'policy-lint.vsix'));
const DRAFT = '# 携手践行“上海精神”\n\n各成员国秉持“上海精神”，在二戰胜利成果的基础上，有助于提升提升区域经济韧性。\n\n携手构建人类命\n';

const t0 = Date.now();
const log = (m) => console.log(`[verify-vsix ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const tmp = mkdtempSync(join(tmpdir(), 'policy-lint-vsix-'));
let failed = false;
try {
  execFileSync('unzip', ['-q', VSIX, '-d', tmp]);
  const ext = join(tmp, 'extension');
  const env = { ...process.env, NODE_PATH: '', XDG_CACHE_HOME: join(tmp, 'cache'), POLICY_LINT_CACHE_DIR: join(tmp, 'cache', 'policy-lint') };
  const draftPath = join(tmp, 'work', 'sample.draft.md');
  execFileSync('mkdir', ['-p', dirname(draftPath)]);
  writeFileSync(draftPath, DRAFT);
  log(`unpacked ${VSIX} into ${tmp}`);

  await lspExchange(ext, env, draftPath);
  cliCheck(ext, env, draftPath);
  console.log('verify-vsix: 2 passed, 0 failed');
} catch (e) {
  failed = true;
  console.error(e?.stack ?? String(e));
  console.log('verify-vsix: 0 passed, 1 failed');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/** A minimal LSP client over stdio (Content-Length framing). */
async function lspExchange(ext, env, draftPath) {
  const child = spawn(process.execPath, [join(ext, 'dist', 'server.js'), '--stdio'], { cwd: dirname(draftPath), env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const waiting = new Map();
  const notifications = [];
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const request = (method, params, timeoutMs = 60000) =>
    new Promise((resolvePromise, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms; server stderr:\n${stderr}`)), timeoutMs);
      waiting.set(id, (m) => (clearTimeout(timer), m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolvePromise(m.result)));
      send({ id, method, params });
    });
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (msg.id !== undefined && msg.method) send({ id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null });
      else if (msg.id !== undefined) waiting.get(msg.id)?.(msg);
      else notifications.push(msg);
    }
  });
  const exited = new Promise((r) => child.once('exit', (code) => r(code)));

  const uri = pathToFileURL(draftPath).href;
  const init = await request('initialize', { processId: process.pid, rootUri: pathToFileURL(dirname(draftPath)).href, capabilities: {} });
  assert.ok(init.capabilities.hoverProvider && init.capabilities.completionProvider, 'capabilities');
  send({ method: 'initialized', params: {} });
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'policy-draft', version: 1, text: DRAFT } } });
  log(`initialize → ${init.serverInfo?.name} ${init.serverInfo?.version}`);

  const lines = DRAFT.split('\n');
  const pos = (needle, after = false) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line].indexOf(needle) + (after ? needle.length : 1) };
  };
  // hover waits for the first index of the bundled seeds (read from the unpacked extension's seeds/)
  const hover = await request('textDocument/hover', { textDocument: { uri }, position: pos('上海精神') });
  const hoverText = JSON.stringify(hover?.contents ?? '');
  assert.match(hoverText, /尊重多样文明/, `hover on 上海精神: ${hoverText.slice(0, 300)}`);
  log('hover on 上海精神 cites 尊重多样文明');

  const completion = await request('textDocument/completion', { textDocument: { uri }, position: pos('携手构建人类命', true) });
  const labels = (Array.isArray(completion) ? completion : completion?.items ?? []).map((i) => i.label);
  assert.ok(labels.includes('人类命运共同体'), `completion after 携手构建人类命: ${labels.slice(0, 10).join('、')}`);
  log(`completion after 携手构建人类命 → ${labels.slice(0, 3).join('、')}`);

  let codes = [];
  for (let i = 0; i < 200 && !(codes.includes('variant-char') && codes.includes('duplicate')); i++) {
    const last = notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).pop();
    codes = (last?.params.diagnostics ?? []).map((d) => d.code);
    if (!(codes.includes('variant-char') && codes.includes('duplicate'))) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(codes.includes('variant-char') && codes.includes('duplicate'), `diagnostics: ${codes.join(', ')}`);
  log(`diagnostics: ${codes.join(', ')}`);

  await request('shutdown', null);
  send({ method: 'exit', params: null });
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
  if (code === 'timeout') child.kill();
  assert.equal(code, 0, `server exit code; stderr:\n${stderr}`);
  log('shutdown/exit → code 0');
}

function cliCheck(ext, env, draftPath) {
  const r = spawnSync(process.execPath, [join(ext, 'bin', 'policy-lint.js'), 'check', '--format', 'json', draftPath], { env, encoding: 'utf8', cwd: dirname(draftPath) });
  assert.equal(r.status, 1, `cli exit code ${r.status}; stderr: ${r.stderr}`);
  const findings = JSON.parse(r.stdout);
  const variant = findings.find((f) => f.rule === 'variant-char');
  assert.ok(variant && variant.replacements.includes('战'), `cli findings: ${r.stdout.slice(0, 400)}`);
  assert.ok(findings.some((f) => f.rule === 'duplicate'), 'cli finds 提升提升');
  log(`cli check → exit 1, ${findings.length} findings (${[...new Set(findings.map((f) => f.rule))].join(', ')})`);
}
