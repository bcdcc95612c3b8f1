// The production build that `npm start` runs: src/ bundled by esbuild into dist/app/ (tsc's dist/src/ serves
// the deploy script, the REST proxy and the PGlite template). esbuild only strips types: tsc checks them.
// Why: a GATEWAY=off worker idles at a few MB less (SPEC §11). Unused exports are shaken out (zod's
// 64 locales, most of discord-api-types' routes), hundreds of module records become a few chunks, and
// the source V8 keeps in memory is minified and ASCII (esbuild escapes strings; V8 stores a source
// with one non-Latin-1 character at two bytes per character). Each mode still loads only its own chunks.
// Packages with native code, WebAssembly, worker files or their own data files stay external.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import process from 'node:process';
import { basename, dirname, extname, join } from 'node:path';

const require = createRequire(import.meta.url);
const restWebBuild = join(dirname(require.resolve('@discordjs/rest')), 'web.mjs');

/** rest-web-build.ts loads @discordjs/rest's web build by a path computed at run time; here it is a static import. */
const restWebBuildPlugin = {
  name: 'rest-web-build',
  setup(b) {
    b.onLoad({ filter: /[\\/]discord[\\/]rest-web-build\.ts$/ }, () => ({
      contents: `export * as rest from ${JSON.stringify(restWebBuild)};`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles src/index.ts into `outdir` (inside the package, so its packages and files resolve from there).
 * `entry`: another entry built the same way (the bench's `path` driver), written as `<its name>.js`.
 */
export async function bundle(outdir = 'dist/app', { minify = true, entry = 'src/index.ts' } = {}) {
  return build({
    entryPoints: { [entry === 'src/index.ts' ? 'index' : basename(entry, extname(entry))]: entry },
    tsconfig: 'tsconfig.json',
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify,
    // Stack traces name minified functions: the maps beside the chunks read them back
    // (`node --enable-source-maps`, or any source-map tool).
    sourcemap: 'linked',
    sourcesContent: false,
    charset: 'ascii',
    legalComments: 'linked',
    external: [
      '@electric-sql/pglite', // WebAssembly and data files beside its code
      '@resvg/resvg-js', // native addon
      '@discordjs/ws', // starts worker_threads from its own files
      '@discordjs/proxy',
      '@discordjs/rest', // its Node build, for the REST proxy only; the bot's web build is bundled (plugin)
      'discord.js',
      'hono',
      '@hono/node-server',
    ],
    // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [restWebBuildPlugin],
    logLevel: 'warning',
  });
}

// `node scripts/bundle.mjs [outdir] [--readable] [--entry=file.ts]`: --readable keeps names and layout, for
// reading a --cpu-prof (CPU per /win measured the same either way).
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const entry = args.find((arg) => arg.startsWith('--entry='))?.slice('--entry='.length);
  await bundle(args.find((arg) => !arg.startsWith('--')), { minify: !args.includes('--readable'), ...(entry ? { entry } : {}) });
}
