import { readFileSync } from 'node:fs';

/** The arguments `npm start` gives node (package.json's start script: its flags, then the bundle), so the bench measures what runs. */
export function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).slice(1);
}

/** The bot's Node flags in the bench: BENCH_NODE_FLAGS when set, else those of `npm start`. */
export function botNodeFlags(): string[] {
  const set = process.env.BENCH_NODE_FLAGS;
  return set !== undefined ? set.split(/\s+/).filter(Boolean) : startArgs().filter((word) => word.startsWith('--'));
}
