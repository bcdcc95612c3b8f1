import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';

export interface NaiveWins {
  save(guildId: string | null, userId: string | undefined, text: string): PromiseLike<unknown>;
  /** A /win payload saved, and the answer the naive HTTP endpoint gives it. */
  answer(interaction: APIInteraction): Promise<APIInteractionResponse>;
  end(): Promise<void>;
}

/** A pool on `url`, with the naive_wins table made. */
export function naiveWins(url: string): Promise<NaiveWins>;
