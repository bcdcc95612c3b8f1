// `npm ci` runs this (the `prepare` script): compiles to dist/, then bakes a migrated PGlite template
// so a first start without DATABASE_URL skips initdb. A production install (`npm ci --omit=dev`) has no
// compiler: it keeps the dist/ copied from the build instead.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const say = (line) => process.stdout.write(`${line}\n`);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  if (existsSync('dist/app/index.js')) {
    say('prepare: no TypeScript compiler (production install); using the existing dist/');
    process.exit(0);
  }
  process.stderr.write('prepare: dist/ is missing and TypeScript is not installed: run `npm ci` (with dev dependencies) first\n');
  process.exit(1);
}

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const { bundle } = await import('./bundle.mjs');
await bundle();
const { buildPgliteTemplate, pgliteTemplateDir } = await import('../dist/src/db/pglite-template.js');
await buildPgliteTemplate();
say(`prepare: compiled to dist/, bundled dist/app/ and baked ${pgliteTemplateDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
