// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// One hash of the core's sources for every bundle: the CLI and the server share their index cache.
function hashTree(dir, hash) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(p, hash);
    else if (p.endsWith('.ts')) hash.update(p).update(readFileSync(p));
  }
  return hash;
}
const coreHash = hashTree('server/src/core', createHash('sha256')).digest('hex').slice(0, 12);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // The segmenter is a native addon with its dictionary files: it is loaded from node_modules at run time.
  external: ['vscode', '@node-rs/jieba', '@node-rs/jieba/dict'],
  define: { __POLICY_LINT_CORE_HASH__: JSON.stringify(coreHash) },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // Started by the server and the CLI as a worker thread from its file (see text/suffixArray.ts).
  build({ ...common, entryPoints: ['server/src/core/text/suffixArrayWorker.ts'], outfile: 'dist/suffixArrayWorker.js' }),
]);
