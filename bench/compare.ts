// Two builds of the bot, the same /wins, measured in turn: for a change whose effect is a few per cent,
// far below what the machine's drift moves the `win` part's figures by from one run to the next.
import { measureInTurn, medianFigures, startWinBench, type BotKind, type Segment, type WinBench, type WinFigures } from './win-throughput.js';

export interface CompareOptions {
  serverUrl: string;
  kind: BotKind;
  /** Entries of the two builds (A is the one compared against). */
  builds: readonly [string, string];
  total: number;
  concurrency: number;
  warmUp: number;
  segment: number;
}

export interface Comparison {
  figures: [WinFigures, WinFigures];
  /** Each cycle's B ÷ A: throughput, and the bot's CPU per /win. */
  cycles: { perSecond: number[]; botCpu: number[] };
}

/** Starts both builds (each with its own sandbox and database), then measures them in turn. */
export async function compareBuilds(options: CompareOptions): Promise<Comparison> {
  const benches: WinBench[] = [];
  try {
    for (const build of options.builds) benches.push(await startWinBench(options.kind, options.serverUrl, { ...options, build }));
    // In turn, alternating which build goes first.
    const cycles = { perSecond: [] as number[], botCpu: [] as number[] };
    for (const [a, b] of (await measureInTurn(benches, options.total, options.segment)) as [Segment, Segment][]) {
      cycles.perSecond.push(b.perSecond / a.perSecond);
      cycles.botCpu.push(b.botCpuMsPerWin / a.botCpuMsPerWin);
    }
    const figures = (await Promise.all(benches.map((bench) => bench.finish()))) as [WinFigures, WinFigures];
    return { figures, cycles };
  } finally {
    for (const bench of benches) await bench.close();
  }
}

/** Rounds of `compareBuilds`, each figure the median over the rounds, the cycles' ratios pooled. */
export async function compareRounds(options: CompareOptions, rounds: number): Promise<Comparison> {
  const runs: Comparison[] = [];
  for (let round = 0; round < rounds; round++) {
    // The build started first in one round starts second in the next.
    const builds = (round % 2 === 0 ? options.builds : [options.builds[1], options.builds[0]]) as [string, string];
    const run = await compareBuilds({ ...options, builds });
    runs.push(round % 2 === 0 ? run : { figures: [run.figures[1], run.figures[0]], cycles: { perSecond: run.cycles.perSecond.map((r) => 1 / r), botCpu: run.cycles.botCpu.map((r) => 1 / r) } });
  }
  return {
    figures: [medianFigures(runs.map((run) => run.figures[0])), medianFigures(runs.map((run) => run.figures[1]))],
    cycles: { perSecond: runs.flatMap((run) => run.cycles.perSecond), botCpu: runs.flatMap((run) => run.cycles.botCpu) },
  };
}
