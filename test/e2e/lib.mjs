// Shared by the code-server runners: the browser, the workbench URL, timing.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--lang=zh-CN'],
  });
}

/** code-server's workbench for `folder`; `payload` entries become ?payload=[[k,v],…] (dev/test locations). */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** vscode-remote:// URI of a path on the code-server machine (its authority is the page's host). */
export const remoteUri = (base, p) => `vscode-remote://${new URL(base).host}${p}`;

export function clock(name) {
  const t0 = Date.now();
  const s = () => ((Date.now() - t0) / 1000).toFixed(1);
  return { log: (...a) => console.log(`[${name} ${s()}s]`, ...a), seconds: () => Number(s()) };
}

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
