import { DiscordAPIError, HTTPError, RateLimitError, type REST } from './rest.js';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { OutgoingMessage } from './render/outgoing.js';

/** Why a message could not be delivered. Only `transient` is worth trying again later. */
export type DeliveryFailure =
  /** 403 on a channel: the bot may not see it or send there. */
  | 'missing-permission'
  /** 404: the channel (or user) is gone. */
  | 'unknown-channel'
  /** The bot is not in the channel's server any more (removed, or the server deleted): see `post`'s `guildId`. */
  | 'not-in-server'
  /** 50007: the member does not accept DMs from the bot. */
  | 'dms-closed'
  /** Any other 4xx: Discord refused this message; sending it again would not help. */
  | 'rejected'
  /** 5xx, a timeout, network trouble or a long rate limit that outlasted discord.js's quick retries: try again later. */
  | 'transient';

export type DeliveryResult = { ok: true; channelId: string; messageId: string } | { ok: false; failure: DeliveryFailure; detail: string };

/** One of the bot's own messages, as much as a job needs to recognise it. */
export interface OwnMessage {
  id: string;
  content: string;
  footers: string[];
}

/** How jobs send to Discord: channel posts, DMs, and a look at what the bot already posted. */
export interface Delivery {
  /**
   * `nonce` makes Discord return the earlier message instead of posting a duplicate (≤ 25 characters).
   * `guildId`, the channel's server: a refusal that may mean the bot is no longer there (Unknown Guild, or Missing
   * Access or Unknown Channel that Discord then says of the server too) comes back as 'not-in-server'.
   */
  post(channelId: string, message: OutgoingMessage, options?: { nonce?: string; guildId?: string }): Promise<DeliveryResult>;
  dm(userId: string, message: OutgoingMessage, options?: { nonce?: string }): Promise<DeliveryResult>;
  /** The bot's own messages among the channel's latest `limit`, newest first. */
  recentOwnMessages(channelId: string, limit: number): Promise<OwnMessage[]>;
}

/**
 * No retries here: discord.js retries each request quickly (src/domain/retry-policy.ts), and a transient
 * failure is retried by the caller later (a job's claim after its lease), so one attempt stays bounded.
 */
export interface DeliveryOptions {
  /** The bot's user id; fetched once from `/users/@me` when not given. */
  botUserId?: string;
}

interface ApiMessage {
  id: string;
  channel_id: string;
  content?: string;
  author?: { id: string };
  embeds?: { footer?: { text?: string } }[];
}

/** Thrown by `recentOwnMessages`; `post` and `dm` answer with a result instead. */
export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    detail: string,
    /** Discord's JSON error code, when Discord answered. */
    readonly code?: number,
  ) {
    super(detail);
  }
}

// Missing Access on a channel is also what a channel hidden from the bot answers, and Unknown Channel what a deleted one
// does: only the server's own answer tells a removal apart.
const MAYBE_NOT_IN_SERVER: ReadonlySet<number> = new Set([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.UnknownChannel]);
const NOT_IN_SERVER: ReadonlySet<number> = new Set([RESTJSONErrorCodes.UnknownGuild, RESTJSONErrorCodes.MissingAccess]);

/** Turns a REST error into a delivery failure; anything not from Discord's HTTP API is rethrown. */
function classify(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof DiscordAPIError) {
    const detail = `${error.status} ${error.code}: ${error.message}`;
    const code = typeof error.code === 'number' ? error.code : undefined;
    if (error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return new DeliveryError('dms-closed', detail, code);
    if (error.status === 403) return new DeliveryError('missing-permission', detail, code);
    if (error.status === 404) return new DeliveryError('unknown-channel', detail, code);
    if (error.status >= 500) return new DeliveryError('transient', detail, code);
    return new DeliveryError('rejected', detail, code);
  }
  if (error instanceof RateLimitError) return new DeliveryError('transient', `rate limited for ${error.retryAfter} ms`);
  if (error instanceof HTTPError) return new DeliveryError('transient', `${error.status}: ${error.message}`);
  // Timeouts (AbortError) and connection errors reach us as plain errors from undici.
  if (error instanceof Error && /abort|ECONN|ETIMEDOUT|socket|fetch failed/i.test(`${error.name} ${error.message}`)) {
    return new DeliveryError('transient', error.message);
  }
  throw error;
}

/** A Delivery over discord.js's REST client (`client.rest` in the bot). */
export function createDelivery(rest: REST, options: DeliveryOptions = {}): Delivery {
  let botUserId: Promise<string> | undefined = options.botUserId ? Promise.resolve(options.botUserId) : undefined;

  async function once<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw classify(error);
    }
  }

  async function send(channelId: string, message: OutgoingMessage, nonce: string | undefined): Promise<DeliveryResult> {
    const body = nonce === undefined ? message : { ...message, nonce, enforce_nonce: true };
    const sent = (await once(() => rest.post(Routes.channelMessages(channelId), { body }))) as ApiMessage;
    return { ok: true, channelId: sent.channel_id, messageId: sent.id };
  }

  /** Whether Discord says the bot is not in the server (its own answer for the server, not for one channel). */
  async function notInServer(guildId: string): Promise<boolean> {
    try {
      await rest.get(Routes.guild(guildId));
      return false;
    } catch (error) {
      return error instanceof DiscordAPIError && typeof error.code === 'number' && NOT_IN_SERVER.has(error.code);
    }
  }

  async function outcome(work: () => Promise<DeliveryResult>, guildId?: string): Promise<DeliveryResult> {
    try {
      return await work();
    } catch (error) {
      const failed = classify(error);
      const code = failed.code ?? 0;
      const gone = guildId !== undefined && (code === RESTJSONErrorCodes.UnknownGuild || (MAYBE_NOT_IN_SERVER.has(code) && (await notInServer(guildId))));
      return { ok: false, failure: gone ? 'not-in-server' : failed.failure, detail: failed.message };
    }
  }

  return {
    post: (channelId, message, opts) => outcome(() => send(channelId, message, opts?.nonce), opts?.guildId),
    dm: (userId, message, opts) =>
      outcome(async () => {
        const channel = (await once(() => rest.post(Routes.userChannels(), { body: { recipient_id: userId } }))) as { id: string };
        return send(channel.id, message, opts?.nonce);
      }),
    async recentOwnMessages(channelId, limit) {
      botUserId ??= (rest.get(Routes.user('@me')) as Promise<{ id: string }>).then((user) => user.id);
      const me = await botUserId.catch((error: unknown) => {
        botUserId = undefined;
        throw error;
      });
      const query = new URLSearchParams({ limit: String(Math.min(100, Math.max(1, limit))) });
      const messages = (await once(() => rest.get(Routes.channelMessages(channelId), { query }))) as ApiMessage[];
      return messages
        .filter((m) => m.author?.id === me)
        .map((m) => ({ id: m.id, content: m.content ?? '', footers: (m.embeds ?? []).map((e) => e.footer?.text ?? '').filter((t) => t !== '') }));
    },
  };
}
