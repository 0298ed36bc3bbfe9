// `npm run test:vscode`: runs test/suite in a real VS Code (Electron) with @vscode/test-electron.
// Uses VSCODE_EXECUTABLE when set, else downloads VS Code (cached in .vscode-test/). When neither is
// possible (no VS Code here and its download site unreachable) it says so in one line and exits 0:
// `npm run test:e2e` runs the same suite in code-server instead.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..');
const DOWNLOAD_PROBE = 'https://update.code.visualstudio.com/api/releases/stable';

function reachable(url: string, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 400);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
  });
}

async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE;
  const cached = fs.existsSync(path.join(ROOT, '.vscode-test')) && fs.readdirSync(path.join(ROOT, '.vscode-test')).some((d) => d.startsWith('vscode-'));
  if (!executable && !cached && !(await reachable(DOWNLOAD_PROBE))) {
    console.log('test:vscode: skipped: VS Code cannot be downloaded on this machine (update.code.visualstudio.com is unreachable) and VSCODE_EXECUTABLE is not set; `npm run test:e2e` runs this suite in code-server.');
    return 0;
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-vscode-ws-'));
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-vscode-ud-'));
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
    });
    return 0;
  } catch (e) {
    console.error(`test:vscode: failed: ${(e as Error).message ?? e}`);
    if (process.platform === 'linux' && !process.env.DISPLAY) console.error('test:vscode: no DISPLAY: run it under xvfb-run.');
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
