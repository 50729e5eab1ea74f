// `npm run build` (and `npm start` when a source changed): the bot bundled with esbuild into dist/,
// ES modules split into chunks so that what loads lazily (lab, metrics, charts, exports, the YAML
// parser) stays out of the start. One bundle instead of ~300 compiled files and the packages'
// own files: measured on issue 17's benchmark, the module graph loads in ~0.4 s instead of ~0.7 s
// and holds ~12 MB less. Whitespace and syntax are minified, names are kept (readable stack traces).
// Type checking is `npm test`'s job (tsc --noEmit). Packages with native code stay in node_modules.
// Then the question bank is parsed and validated once into its snapshot for this bundle, so the first
// start after a build does not parse YAML either (and a broken bank fails the build).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { build } from 'esbuild';

const outdir = 'dist';

rmSync(outdir, { recursive: true, force: true });
const contentCodeVersion = await sourceCodeVersion();
await build({
  entryPoints: { main: 'src/main.ts', 'write-question-snapshot': 'src/content/snapshot-main.ts', 'deck-check-worker': 'src/content/deck-check-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Native addons (and dockerode, whose ssh2 dependency loads native code when present).
  external: ['better-sqlite3', '@napi-rs/canvas', 'dockerode'],
  plugins: [oneNamespaceFor(['discord.js'])],
  // The content code's version, from the sources (src/content/code-version.ts): the bundle cannot follow them.
  define: { CONTENT_CODE_VERSION: JSON.stringify(contentCodeVersion) },
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
asciiOnly(outdir);
execFileSync(process.execPath, [`${outdir}/write-question-snapshot.js`], { stdio: 'inherit' });

/** `sourceCodeVersion` of src/content/code-version.ts, run by bundling that one file in memory. */
async function sourceCodeVersion() {
  const { outputFiles } = await build({ entryPoints: ['src/content/code-version.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  return module.sourceCodeVersion(resolve('src', 'content'));
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals (the
 * Korean grader patterns): one such character makes V8 hold the whole chunk's source, which it keeps
 * for lazy compilation, as two bytes per character (~1.6 MB more heap for two chunks). A `\uXXXX`
 * escape means the same character in a pattern, with or without the `u` flag (astral characters as
 * their surrogate pair); a character right after a backslash would change meaning, so it stops the build.
 */
function asciiOnly(dir) {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    if (!/[\u0080-\uffff]/.test(source)) continue;
    const escaped = source.replace(/[\u0080-\uffff]/g, (char, offset) => {
      const backslashes = /\\*$/.exec(source.slice(Math.max(0, offset - 8), offset))[0].length;
      if (backslashes % 2 === 1) throw new Error(`${path}: a non-ASCII character after a backslash at ${offset}; cannot escape it`);
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
    writeFileSync(path, escaped);
  }
}

/**
 * A CommonJS package imported by many of our ES modules gets, in esbuild's output, one `__toESM`
 * copy of its exports per importing module, each export a getter closure: discord.js's ~530 exports
 * × 49 modules were 26,000 closures (~2.3 MB of heap). Routing every import of such a package through
 * one ES module that re-exports it leaves a single copy.
 */
function oneNamespaceFor(packages) {
  const namespace = 'one-namespace';
  const filter = new RegExp(`^(${packages.map((name) => name.replace(/[.]/g, '\\.')).join('|')})$`);
  return {
    name: namespace,
    setup(builder) {
      builder.onResolve({ filter }, (args) => (args.namespace === namespace ? undefined : { path: args.path, namespace }));
      builder.onLoad({ filter: /.*/, namespace }, (args) => ({ contents: `export * from '${args.path}';`, resolveDir: process.cwd() }));
    },
  };
}
