/** The only source of "now" in the bot and the sandbox (SPEC §6), so tests and the sandbox can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests, and for the sandbox's `:time` command. */
export class ManualClock implements Clock {
  #ms: number;
  readonly #listeners = new Set<(now: Date) => void | Promise<void>>();
  #pending: Promise<unknown>[] = [];

  constructor(start: Date | string | number) {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(to: Date | string | number): void {
    this.#ms = new Date(to).getTime();
    for (const listener of this.#listeners) {
      const result = listener(this.now());
      if (result) this.#pending.push(result.catch(() => undefined));
    }
  }

  /** Resolves once the work started by listeners of earlier moves has finished. */
  async settled(): Promise<void> {
    while (this.#pending.length > 0) {
      const pending = this.#pending;
      this.#pending = [];
      await Promise.all(pending);
    }
  }

  advance(ms: number): void {
    this.set(this.#ms + ms);
  }

  /** Called after every move (a returned promise is awaited by `settled`); returns an unsubscribe function. */
  onChange(listener: (now: Date) => void | Promise<void>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
