// Runs test/suite (compiled to out/test/suite) inside code-server's Node extension host, the way
// VS Code's own browser integration tests do: the workbench URL's payload names a development
// extension and the tests (extensionTestsPath); when the tests end, the workbench calls
// window.codeAutomationExit(code), and every log line goes to window.codeAutomationLog(type, args).
// The development extension is an empty one (test/e2e/host), so the suite exercises the
// policy-lint.vsix installed in code-server.
// usage: node test/e2e/run-suite.mjs --base http://127.0.0.1:PORT --folder WS --host DIR --tests out/test/suite/index.js
import { resolve } from 'node:path';
import { format } from 'node:util';
import { arg, clock, launch, remoteUri, workbenchUrl } from './lib.mjs';

const base = arg('base');
const folder = resolve(arg('folder'));
const host = resolve(arg('host'));
const tests = resolve(arg('tests'));
const timeoutMs = Number(arg('timeout', '300000'));
const { log } = clock('suite');
const PREFIX = process.env.POLICY_LINT_SUITE_PREFIX || '[policy-lint suite] ';

const browser = await launch();
let code = 1;
try {
  const page = await browser.newPage();
  let exited;
  const exit = new Promise((r) => (exited = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (process.env.E2E_DEBUG) console.log(`<${type}> ${line}`);
    // The suite's lines carry the prefix that e2e.sh gives the extension host (POLICY_LINT_SUITE_PREFIX);
    // the workbench's own chatter is dropped, its errors kept.
    if (line.startsWith(PREFIX)) console.log(line.slice(PREFIX.length));
    else if (type === 'error') console.log(`[workbench error] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (c) => exited(c));
  const url = workbenchUrl(base, folder, [
    ['extensionDevelopmentPath', remoteUri(base, host)],
    ['extensionTestsPath', remoteUri(base, tests)],
    ['skipWelcome', 'true'],
  ]);
  log(`opening the workbench with extensionTestsPath=${tests}`);
  await page.goto(url);
  code = await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
  log(`extension host exited with code ${code}`);
} finally {
  await browser.close();
}
process.exit(code === 0 ? 0 : 1);
