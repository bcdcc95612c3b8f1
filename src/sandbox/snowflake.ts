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
    return (((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.#sequence).toString();
  }
}

export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}
