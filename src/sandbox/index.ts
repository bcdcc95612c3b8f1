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

export { Sandbox } from './sandbox.js';
export type * from './types.js';
export { runConsole, runScript, type ConsoleOptions } from './console.js';
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
}

/** Starts a local Discord stand-in on 127.0.0.1 with members ada (owner, Manage Server), alice and bob. */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const logger = opts.logger ?? pino({ enabled: false });
  const token = opts.token ?? 'sandbox-token';
  const state = new SandboxState(opts.clock, opts.guildName ?? 'Sandbox Server', opts.botName ?? 'bot');
  for (const name of opts.channelNames ?? ['general', 'wins']) state.addChannel(name);
  state.ownerId = state.addUser('ada', { manageGuild: true }).id;
  state.addUser('alice');
  state.addUser('bob');

  const server = createServer();
  let port = 0;
  const base = (): string => `http://127.0.0.1:${port}`;
  const attachmentUrl = (channelId: string, id: string, filename: string): string =>
    `${base()}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  const gateway = new Gateway(server, {
    token,
    logger,
    heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
    resumeUrl: () => `ws://127.0.0.1:${port}/gateway`,
    guildId: state.guildId,
    ready: () => ({
      v: 10,
      user: { ...apiUser(state.users.get(state.botUserId) ?? state.addUser('bot')), verified: true, mfa_enabled: false },
      guilds: [{ id: state.guildId, unavailable: true }],
      application: { id: state.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
    }),
    guildCreate: () => apiGuild(state),
    members: () => [...state.users.values()].map((u) => apiMember(state, u)),
  });
  const hub = new InteractionHub(state, {
    responseDeadlineMs: opts.responseDeadlineMs ?? 3000,
    deferTimeoutMs: opts.deferTimeoutMs ?? 5000,
    dispatch: (payload) => gateway.dispatch('INTERACTION_CREATE', payload),
    attachmentUrl,
  });
  const http = new HttpFront(buildRoutes({ state, hub, gatewayUrl: () => `ws://127.0.0.1:${port}/gateway`, attachmentUrl }), token, logger, () => opts.clock.now());
  const oauth = new SandboxOAuth(state);
  server.on('request', (req, res) => void (oauth.handles(req) ? oauth.handle(req, res) : http.handle(req, res)));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'sandbox: listening');
  return new Sandbox({ server, port, token, state, http, gateway, hub, logger });
}
