import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { commands } from '../../commands/index.js';
import type { Config } from '../../src/config.js';
import { runSandbox } from '../../src/run-sandbox.js';
import { installShutdown } from '../../src/shutdown.js';

/** `npm start -- --script FILE` as the console runs it, with everything it prints and what it printed first. */
export async function start(config: Config, dir: string, name: string, lines: string[]) {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  const output = new PassThrough();
  let text = '';
  let databaseExistedAtFirstLine: boolean | undefined;
  output.on('data', (chunk: Buffer) => {
    databaseExistedAtFirstLine ??= existsSync(join(config.dataDir, 'pglite'));
    text += chunk.toString();
  });
  const code = await runSandbox(config, commands, { script: file, output }, installShutdown({ exit: () => undefined }));
  return { code, text, databaseExistedAtFirstLine };
}

