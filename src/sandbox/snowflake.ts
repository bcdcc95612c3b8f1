import type { Clock } from '../clock.js';

const DISCORD_EPOCH = 1420070400000n;

/** Discord-style snowflakes whose timestamps follow the sandbox clock and never repeat. */
export class SnowflakeFactory {
  #lastMs = 0n;
  #sequence = 0n;

  constructor(private readonly clock: Clock) {}

  next(): string {
    let ms = BigInt(this.clock.now().getTime());
    if (ms < this.#lastMs) ms = this.#lastMs;
    if (ms === this.#lastMs) {
      this.#sequence += 1n;
      // 12 bits of sequence per millisecond; borrow the next millisecond when exhausted.
      if (this.#sequence > 4095n) {
        ms += 1n;
        this.#sequence = 0n;
      }
    } else {
      this.#sequence = 0n;
    }
    this.#lastMs = ms;
    return this.#format();
  }

  /** The next id that Discord would assign to `shard` of `shardCount` (`(id >> 22) % shardCount`). */
  nextOnShard(shard: number, shardCount: number): string {
    const first = this.next();
    const count = BigInt(shardCount);
    if ((BigInt(first) >> 22n) % count === BigInt(shard)) return first;
    let ms = this.#lastMs + 1n;
    while ((ms - DISCORD_EPOCH) % count !== BigInt(shard)) ms += 1n;
    this.#lastMs = ms;
    this.#sequence = 0n;
    return this.#format();
  }

  /** The last id handed out (to carry on after it when the sandbox starts again). */
  get last(): string {
    return this.#format();
  }

  /** Continue after `id`, so ids from an earlier start are never handed out again. */
  continueAfter(id: string): void {
    const ms = (BigInt(id) >> 22n) + DISCORD_EPOCH;
    if (ms < this.#lastMs) return;
    this.#lastMs = ms;
    this.#sequence = BigInt(id) & 4095n;
  }

  #format(): string {
    return (((this.#lastMs - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.#sequence).toString();
  }
}

/** Which gateway shard Discord sends a guild's events on. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

