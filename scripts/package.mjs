// Packages the extension as policy-lint.vsix from the esbuild bundles.
//
// The bundles (dist/client.js, dist/server.js, dist/cli.js) hold every JavaScript dependency except
// the word segmenter, @node-rs/jieba: a native addon whose dictionary files are read from its package
// folder at run time. So the .vsix is built from a staging folder (out/vsix/) that holds only
//   dist/*.js (no source maps) · bin/ · seeds/ · syntaxes/ · package.nls*.json · l10n/ · README.md
//   node_modules/@node-rs/jieba (+ dict.txt) and the native package for the target platform
// and a package.json without scripts or devDependencies whose only dependency is @node-rs/jieba;
// vsce then packs exactly that (its `npm list --production` sees nothing else).
//
// usage: node scripts/package.mjs [--target linux-x64] [--out policy-lint.vsix] [--no-build]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const TARGET = option('--target', 'linux-x64');
const OUT = resolve(ROOT, option('--out', 'policy-lint.vsix'));
const STAGE = join(ROOT, 'out', 'vsix');
const MAX_BYTES = 20 * 1024 * 1024;

// VS Code target → the napi-rs platform package of @node-rs/jieba.
const NATIVE = {
  'linux-x64': 'linux-x64-gnu',
  'linux-arm64': 'linux-arm64-gnu',
  'alpine-x64': 'linux-x64-musl',
  'alpine-arm64': 'linux-arm64-musl',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64-msvc',
  'win32-arm64': 'win32-arm64-msvc',
};
if (!NATIVE[TARGET]) fail(`unknown --target ${TARGET}; one of ${Object.keys(NATIVE).join(', ')}`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
const t0 = Date.now();
const log = (m) => console.log(`[package ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

// 1. Bundles.
if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  log('built dist/');
}

// 2. Staging folder.
rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
const copy = (from, to = from) => {
  const src = join(ROOT, from);
  if (!existsSync(src)) fail(`missing ${from}`);
  cpSync(src, join(STAGE, to), { recursive: true });
};
for (const f of ['client.js', 'server.js', 'cli.js', 'suffixArrayWorker.js', 'formulationsWorker.js']) copy(`dist/${f}`);
for (const f of readdirSync(join(ROOT, 'dist/vendor'))) if (f.endsWith('.js')) copy(`dist/vendor/${f}`);
for (const f of readdirSync(join(ROOT, 'bin'))) copy(`bin/${f}`);
for (const f of readdirSync(join(ROOT, 'seeds'))) if (/\.(txt|md)$/i.test(f)) copy(`seeds/${f}`);
copy('syntaxes');
for (const f of readdirSync(ROOT)) if (/^package\.nls(\.[\w-]+)?\.json$/.test(f)) copy(f);
copy('l10n');
checkL10n();
copy('README.md');
for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'CHANGELOG.md']) if (existsSync(join(ROOT, f))) copy(f);

// The segmenter package (all of its published files: index.js loads the addon, dict.js reads
// dict.txt and idf.txt) and the native addon for the target.
const jiebaDir = dirname(require.resolve('@node-rs/jieba/package.json'));
const jiebaPkg = JSON.parse(readFileSync(join(jiebaDir, 'package.json'), 'utf8'));
const nativeName = `@node-rs/jieba-${NATIVE[TARGET]}`;
let nativeDir;
try {
  nativeDir = dirname(require.resolve(`${nativeName}/package.json`, { paths: [jiebaDir] }));
} catch {
  fail(`${nativeName} is not installed (npm installs only the current platform's addon); on this machine package --target ${hostTarget()}`);
}
cpSync(jiebaDir, join(STAGE, 'node_modules', '@node-rs', 'jieba'), { recursive: true });
cpSync(nativeDir, join(STAGE, 'node_modules', '@node-rs', `jieba-${NATIVE[TARGET]}`), { recursive: true });
log(`staged @node-rs/jieba ${jiebaPkg.version} and ${nativeName}`);

// The client's runtime strings (vscode.l10n.t): every literal message in client/src is a key of
// l10n/bundle.l10n.json, and every translation bundle has exactly those keys with the same {n} placeholders.
function checkL10n() {
  const dir = join(ROOT, 'l10n');
  const base = JSON.parse(readFileSync(join(dir, 'bundle.l10n.json'), 'utf8'));
  const keys = Object.keys(base);
  const problems = [];
  const used = new Set();
  for (const f of readdirSync(join(ROOT, 'client', 'src'), { recursive: true })) {
    if (!String(f).endsWith('.ts')) continue;
    const text = readFileSync(join(ROOT, 'client', 'src', String(f)), 'utf8');
    for (const m of text.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\(.)/g, '$1'));
  }
  for (const k of used) if (!(k in base)) problems.push(`bundle.l10n.json lacks "${k}"`);
  for (const k of keys) if (!used.has(k)) problems.push(`bundle.l10n.json has unused "${k}"`);
  const holes = (m) => [...new Set(m.match(/\{\d+\}/g) ?? [])].sort().join();
  for (const f of readdirSync(dir)) {
    if (!/^bundle\.l10n\.[\w-]+\.json$/.test(f)) continue;
    const bundle = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const k of keys) {
      if (typeof bundle[k] !== 'string') problems.push(`${f} lacks "${k}"`);
      else if (holes(bundle[k]) !== holes(k)) problems.push(`${f}: placeholders of "${k}" differ`);
    }
    for (const k of Object.keys(bundle)) if (!(k in base)) problems.push(`${f} has unknown "${k}"`);
  }
  if (problems.length) fail(`l10n:\n  ${problems.join('\n  ')}`);
  log(`l10n: ${keys.length} messages, ${readdirSync(dir).length - 1} translations`);
}

function hostTarget() {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  return `${process.platform === 'linux' ? 'linux' : process.platform}-${arch}`;
}

// 3. The manifest: what VS Code reads, plus the one run-time dependency.
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const KEEP = ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'repository', 'homepage', 'bugs',
  'icon', 'galleryBanner', 'engines', 'categories', 'keywords', 'main', 'browser', 'l10n', 'activationEvents',
  'contributes', 'capabilities', 'extensionKind', 'pricing', 'sponsor', 'qna'];
const manifest = Object.fromEntries(KEEP.filter((k) => pkg[k] !== undefined).map((k) => [k, pkg[k]]));
manifest.dependencies = { '@node-rs/jieba': jiebaPkg.version };
manifest.l10n ??= './l10n';
writeFileSync(join(STAGE, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
// npm list must see a consistent tree: the installed jieba's optionalDependencies for other platforms
// are absent (allowed), the one for this target is present.
writeFileSync(join(STAGE, '.vscodeignore'), ['**/*.map', '**/*.d.ts', 'node_modules/@node-rs/jieba/README.md', '.vscodeignore'].join('\n') + '\n');

// 4. vsce, from this package's devDependencies.
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const vsceArgs = ['package', '--target', TARGET, '--out', OUT, '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--no-update-package-json'];
rmSync(OUT, { force: true });
execFileSync(process.execPath, [vsce, ...vsceArgs], { cwd: STAGE, stdio: ['ignore', 'inherit', 'inherit'] });

// 5. Checks: size, contents.
const size = statSync(OUT).size;
const listing = execFileSync('unzip', ['-Z1', OUT], { encoding: 'utf8' }).split('\n').filter(Boolean);
const problems = [];
if (size > MAX_BYTES) problems.push(`${(size / 1048576).toFixed(1)} MB is over 20 MB`);
for (const must of ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/dist/suffixArrayWorker.js', 'extension/dist/formulationsWorker.js', 'extension/dist/vendor/opencc-js.js', 'extension/dist/vendor/pinyin-pro.js', 'extension/dist/vendor/cjk-decomp.js', 'extension/dist/vendor/iconv-lite.js',
  'extension/syntaxes/policy-draft.tmLanguage.json', 'extension/syntaxes/language-configuration.json', 'extension/package.nls.json',
  'extension/package.nls.zh-cn.json', 'extension/l10n/bundle.l10n.json', 'extension/l10n/bundle.l10n.zh-cn.json',
  'extension/node_modules/@node-rs/jieba/index.js', 'extension/node_modules/@node-rs/jieba/dict.txt',
  `extension/node_modules/@node-rs/jieba-${NATIVE[TARGET]}/package.json`]) {
  if (!listing.includes(must)) problems.push(`missing ${must}`);
}
if (!listing.some((f) => /^extension\/seeds\/.+\.txt$/.test(f))) problems.push('no seeds/*.txt');
if (!listing.some((f) => f.endsWith('.node'))) problems.push('no native addon (.node)');
const devDeps = Object.keys(pkg.devDependencies ?? {});
for (const f of listing) {
  if (f.endsWith('.map')) problems.push(`source map ${f}`);
  const m = /^extension\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
  if (m && !m[1].startsWith('@node-rs/jieba')) problems.push(`unexpected module ${m[1]}`);
  if (m && devDeps.includes(m[1])) problems.push(`devDependency ${m[1]}`);
}
if (problems.length) fail(`${relative(ROOT, OUT)}:\n  ${[...new Set(problems)].join('\n  ')}`);
log(`${relative(ROOT, OUT)}: ${(size / 1048576).toFixed(2)} MB, ${listing.length} files, target ${TARGET}`);
