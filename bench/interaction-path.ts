// The `path` part: the worker's own path for /win in one process (bench/interaction-path-driver.ts), against the
// naive endpoint's work in the same harness. No HTTP, no signature and no sandbox on the cores while it is
// measured, so its CPU per /win moves less with the machine than the `win` part's; and its allocation and
// promotion per /win do not move with the machine at all.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createBenchDatabase } from './bench-database.js';
import { botNodeFlags } from './start-args.js';

export interface PathFigures {
  kind: 'naive' | 'small-wins';
  wins: number;
  answered: number;
  perSecond: number;
  cpuUsPerWin: number;
  allocatedKbPerWin: number;
  /** Of what the new space allocated, the share scavenges moved to the old space. */
  promotedShare: number;
  scavenges: number;
  markCompacts: number;
}

/** The driver bundled by npm start's own build script (scripts/bundle.mjs), so it runs the bot's code as `npm start` does. */
async function bundledDriver(): Promise<string> {
  await promisify(execFile)(process.execPath, ['scripts/bundle.mjs', 'dist/bench', '--entry=bench/interaction-path-driver.ts']);
  return 'dist/bench/interaction-path-driver.js';
}

let runs = 0;

async function runDriver(driver: string, kind: PathFigures['kind'], serverUrl: string, options: { wins: number; warmUp: number; concurrency: number }): Promise<PathFigures> {
  const database = await createBenchDatabase(serverUrl, `small_wins_bench_path_${process.pid}_${++runs}`);
  const folder = await mkdtemp(join(tmpdir(), 'small-wins-path-'));
  const result = join(folder, 'result.json');
  try {
    // The bot's Node flags (npm start's, or BENCH_NODE_FLAGS); its log lines go where npm start's go, to a pipe, read and dropped here.
    const flags = botNodeFlags();
    // Each member's /wins come a minute apart on the driver's clock, inside the flood limits; fewer members for a smoke run.
    const members = Math.min(3000, options.wins + options.warmUp);
    const env = {
      PATH: process.env.PATH,
      PATH_KIND: kind,
      PATH_DATABASE_URL: database.url,
      PATH_WINS: String(options.wins),
      PATH_WARMUP: String(options.warmUp),
      PATH_CONCURRENCY: String(options.concurrency),
      PATH_MEMBERS: String(members),
      PATH_RESULT: result,
    };
    const child = spawn(process.execPath, [...flags, driver], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the path driver (${kind}) exited with ${code}: ${errors}`);
    return JSON.parse(await readFile(result, 'utf8')) as PathFigures;
  } finally {
    await rm(folder, { recursive: true, force: true });
    await database.drop();
  }
}

/** `rounds` runs of each, in alternating order; the figures of each are its runs' medians. */
export async function benchInteractionPath(serverUrl: string, options: { wins: number; warmUp: number; concurrency: number; rounds: number }): Promise<{ naive: PathFigures[]; ours: PathFigures[] }> {
  const driver = await bundledDriver();
  const out = { naive: [] as PathFigures[], ours: [] as PathFigures[] };
  for (let round = 0; round < options.rounds; round++) {
    const order: PathFigures['kind'][] = round % 2 === 0 ? ['naive', 'small-wins'] : ['small-wins', 'naive'];
    for (const kind of order) (kind === 'naive' ? out.naive : out.ours).push(await runDriver(driver, kind, serverUrl, options));
  }
  return out;
}
