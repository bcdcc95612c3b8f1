import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import type { Clock } from '../clock.js';
import { Gateway } from './gateway.js';
import { HttpFront } from './http-front.js';
import { InteractionHub } from './interaction-hub.js';
import { apiGuild, apiMember, apiUser } from './payloads.js';
import { SandboxOAuth } from './oauth.js';
import { buildRoutes } from './routes.js';
import { Sandbox } from './sandbox.js';
import { SandboxState } from './state.js';
import type { SandboxGuild } from './types.js';
import { readWorld, writeWorld } from './world.js';

export { Sandbox } from './sandbox.js';
export type * from './types.js';
export { runConsole, runScript, type ConsoleOptions } from './console.js';
export { scriptStartClock } from './console-parse.js';
export { shardOf } from './snowflake.js';
export { readWorld } from './world.js';
export { SANDBOX_CLIENT_SECRET } from './oauth.js';

export interface SandboxOptions {
  clock: Clock;
  /** 0 or undefined picks a free port. */
  port?: number;
  logger?: Logger;
  token?: string;
  guildName?: string;
  botName?: string;
  /** Guild text channels to create; the first is where commands run by default. */
  channelNames?: string[];
  /** Discord's 3 s to the first interaction response; lower it to speed up tests of late answers. */
  responseDeadlineMs?: number;
  /** How long to wait after a defer for the original response to be edited. */
  deferTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * Where the world (guilds, channels, members and their ids) is kept, so the next start finds the same
   * ids (SPEC §9). Unset: a fresh world every start, as tests want.
   */
  worldFile?: string;
  /** What GET /gateway/bot recommends as `shards` (default: one per 1,000 guilds, as Discord roughly does). */
  recommendedShards?: number;
}

/** Starts a local Discord stand-in on 127.0.0.1 with members ada (owner, Manage Server), alice and bob. */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const logger = opts.logger ?? pino({ enabled: false });
  const token = opts.token ?? 'sandbox-token';
  const world = opts.worldFile ? readWorld(opts.worldFile) : undefined;
  const state = new SandboxState(opts.clock, world?.botName ?? opts.botName ?? 'bot', world);
  if (state.guilds.size === 0) {
    const guild = state.addGuild(opts.guildName ?? 'Sandbox Server');
    for (const name of opts.channelNames ?? ['general', 'wins']) state.addChannel(name, guild.id);
  }
  const owner = state.addUser('ada', { manageGuild: true });
  for (const guild of state.guilds.values()) if (guild.ownerId === '') guild.ownerId = owner.id;
  state.addUser('alice');
  state.addUser('bob');
  const { worldFile } = opts;
  const save = worldFile ? (): void => writeWorld(worldFile, state.snapshot()) : (): void => undefined;
  save();
  state.onWorldChange = save;

  const server = createServer();
  let port = 0;
  const base = (): string => `http://127.0.0.1:${port}`;
  const attachmentUrl = (channelId: string, id: string, filename: string): string =>
    `${base()}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  const guildOrThrow = (id: string): SandboxGuild => state.guild(id) ?? (() => { throw new Error(`Unknown guild ${id}`); })();
  const gateway = new Gateway(server, {
    token,
    logger,
    heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
    resumeUrl: () => `ws://127.0.0.1:${port}/gateway`,
    ready: () => ({
      v: 10,
      user: { ...apiUser(state.users.get(state.botUserId) ?? state.addUser('bot')), verified: true, mfa_enabled: false },
      application: { id: state.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
    }),
    guildIds: () => [...state.guilds.values()].filter((g) => g.withBot !== false).map((g) => g.id),
    guildCreate: (id) => apiGuild(state, guildOrThrow(id)),
    members: (id) => [...state.users.values()].map((u) => apiMember(guildOrThrow(id), u)),
  });
  // Discord signs what it POSTs to an interactions endpoint; the bot gets the public half as DISCORD_PUBLIC_KEY.
  const keys = generateKeyPairSync('ed25519');
  const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const front: { http?: HttpFront } = {};
  const hub = new InteractionHub(state, {
    signingKey: keys.privateKey,
    now: () => opts.clock.now(),
    reportViolation: (violation) => front.http?.violations.push(violation),
    responseDeadlineMs: opts.responseDeadlineMs ?? 3000,
    deferTimeoutMs: opts.deferTimeoutMs ?? 5000,
    dispatch: (payload) => gateway.dispatch('INTERACTION_CREATE', payload),
    attachmentUrl,
  });
  const recommendedShards = (): number => opts.recommendedShards ?? Math.max(1, Math.ceil(state.guilds.size / 1000));
  const routes = buildRoutes({ state, hub, gatewayUrl: () => `ws://127.0.0.1:${port}/gateway`, attachmentUrl, recommendedShards });
  const http = new HttpFront(routes, token, logger, () => opts.clock.now());
  front.http = http;
  const oauth = new SandboxOAuth(state);
  server.on('request', (req, res) => void (oauth.handles(req) ? oauth.handle(req, res) : http.handle(req, res)));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'sandbox: listening');
  return new Sandbox({ server, port, token, state, http, gateway, hub, logger, save, publicKey });
}
