import { overwriteCommands, upsertCommand } from './commands-registry.js';
import { ApiError, cannotDm, missingAccess, missingPermissions, unknownChannel, unknownGuild, unknownMember, unknownMessage, unknownUser } from './errors.js';
import type { RequestContext, Route, RouteResult } from './http-front.js';
import type { InteractionHub } from './interaction-hub.js';
import { asString, type Json } from './json.js';
import { bodyObject, messageFields } from './message-body.js';
import { apiChannel, apiGuild, apiMember, apiMessage, apiRoles, apiUser } from './payloads.js';
import type { SandboxState } from './state.js';
import type { CommandDef, SandboxChannel, SandboxGuild } from './types.js';
import { validateMessageBody } from './validate.js';

export interface RouteDeps {
  state: SandboxState;
  hub: InteractionHub;
  gatewayUrl: () => string;
  /** The `shards` count GET /gateway/bot recommends. */
  recommendedShards: () => number;
  attachmentUrl: (channelId: string, id: string, filename: string) => string;
}

type Handler = (ctx: RequestContext, params: string[]) => RouteResult | Promise<RouteResult>;
const ID = '(\\d+)';
const TOKEN = '([^/]+)';

/** The slice of Discord's REST API v10 that a discord.js 14 bot uses. */
export function buildRoutes(deps: RouteDeps): Route[] {
  const { state, hub } = deps;
  const routes: Route[] = [];
  const on = (method: string, path: string, handler: Handler, auth = true): void => {
    routes.push({ method, pattern: new RegExp(`^${path}$`), auth, handler });
  };
  const ok = (body: Json): RouteResult => ({ body });
  // A server that never added the bot, or removed it, answers as Discord does: Missing Access, for its channels too;
  // a deleted one is gone: Unknown Guild, and Unknown Channel for what were its channels.
  const guildOf = (id: string): SandboxGuild => {
    const guild = state.guild(id) ?? fail(unknownGuild());
    if (guild.deleted) fail(unknownGuild());
    return guild.withBot === false ? fail(missingAccess()) : guild;
  };
  const channelOf = (id: string): SandboxChannel => {
    const channel = state.channels.get(id) ?? fail(unknownChannel());
    const guild = channel.guildId === undefined ? undefined : state.guild(channel.guildId);
    if (guild?.deleted) fail(unknownChannel());
    if (guild?.withBot === false) fail(missingAccess());
    return channel;
  };
  const messageIn = (channelId: string, id: string) => {
    const msg = state.message(id);
    return msg && msg.channel_id === channelId && !msg.ephemeral ? msg : fail(unknownMessage());
  };

  const gateway = (): RouteResult =>
    ok({ url: deps.gatewayUrl(), shards: deps.recommendedShards(), session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } });
  on('GET', '/gateway/bot', gateway);
  on('GET', '/gateway', gateway, false);
  on('GET', '/users/@me', () => ok(apiUser(state.users.get(state.botUserId) ?? fail(unknownUser()))));
  on('GET', `/users/${ID}`, (_, [id]) => ok(apiUser(state.users.get(id ?? '') ?? fail(unknownUser()))));
  on('POST', '/users/@me/channels', (ctx) => {
    const recipient = state.users.get(asString(bodyObject(ctx.body).recipient_id) ?? '') ?? fail(unknownUser());
    return ok(apiChannel(state, state.dmChannelFor(recipient.id)));
  });
  on('GET', '/applications/@me', () => ok({ id: state.applicationId, name: state.users.get(state.botUserId)?.username ?? 'bot', flags: 0, bot_public: true, bot_require_code_grant: false, description: '', icon: null, team: null, owner: null }));

  // Linked roles: the app's metadata records (at most 5, as Discord allows), with the bot's token.
  on('PUT', `/applications/${ID}/role-connections/metadata`, (ctx, [id]) => {
    const records = Array.isArray(ctx.body) ? (ctx.body as Json[]) : fail(new ApiError(400, 50035, 'Invalid Form Body'));
    if (id !== state.applicationId || records.length > 5) fail(new ApiError(400, 50035, 'Invalid Form Body'));
    state.roleConnectionMetadata = records;
    return ok(records);
  });
  on('GET', `/applications/${ID}/role-connections/metadata`, () => ok(state.roleConnectionMetadata as Json[]));

  on('GET', `/channels/${ID}`, (_, [id]) => ok(apiChannel(state, channelOf(id ?? ''))));
  on('POST', `/channels/${ID}/typing`, () => ({ status: 204 }));
  on('GET', `/channels/${ID}/messages`, (ctx, [id]) => {
    const limit = Math.min(Number(ctx.query.get('limit') ?? 50), 100);
    const visible = state.messagesIn(channelOf(id ?? '').id).filter((m) => !m.ephemeral);
    // As Discord: the `limit` messages just after `after`, or just before `before` (else the latest), newest first.
    const after = ctx.query.get('after');
    const before = ctx.query.get('before');
    const page = after
      ? visible.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit)
      : (before ? visible.filter((m) => BigInt(m.id) < BigInt(before)) : visible).slice(-limit);
    return ok(page.reverse().map((m) => apiMessage(state, m)));
  });
  on('POST', `/channels/${ID}/messages`, (ctx, [id]) => {
    const channel = channelOf(id ?? '');
    const recipient = channel.recipientId ? state.users.get(channel.recipientId) : undefined;
    if (recipient?.dmsClosed) throw cannotDm();
    if (!channel.canPost) throw missingPermissions();
    const body = bodyObject(ctx.body);
    const invalid = validateMessageBody(body, { creating: true, files: ctx.files });
    if (invalid) throw invalid;
    // Like Discord: with enforce_nonce, a nonce reused by the same author within minutes returns the earlier message.
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
    const earlier = nonce !== undefined && body.enforce_nonce === true ? state.messageForNonce(state.botUserId, nonce) : undefined;
    if (earlier) return ok({ ...apiMessage(state, earlier), nonce: body.nonce ?? null });
    const fields = messageFields(state, body, ctx.files, undefined, deps.attachmentUrl, channel.id);
    fields.flags = (fields.flags ?? 0) & ~64; // Only interaction responses can be ephemeral.
    const created = state.createMessage({ ...fields, channelId: channel.id, authorId: state.botUserId });
    if (nonce !== undefined) state.rememberNonce(state.botUserId, nonce, created.id);
    return ok(nonce !== undefined ? { ...apiMessage(state, created), nonce: body.nonce ?? null } : apiMessage(state, created));
  });
  on('GET', `/channels/${ID}/messages/${ID}`, (_, [cid, mid]) => ok(apiMessage(state, messageIn(channelOf(cid ?? '').id, mid ?? ''))));
  on('PATCH', `/channels/${ID}/messages/${ID}`, (ctx, [cid, mid]) => {
    const msg = messageIn(channelOf(cid ?? '').id, mid ?? '');
    if (msg.author.id !== state.botUserId) throw new ApiError(403, 50005, 'Cannot edit a message authored by another user');
    const body = bodyObject(ctx.body);
    const invalid = validateMessageBody(body, { creating: false, files: ctx.files });
    if (invalid) throw invalid;
    state.editMessage(msg, messageFields(state, body, ctx.files, msg.attachments, deps.attachmentUrl, msg.channel_id));
    return ok(apiMessage(state, msg));
  });
  on('DELETE', `/channels/${ID}/messages/${ID}`, (_, [cid, mid]) => {
    state.deleteMessage(messageIn(channelOf(cid ?? '').id, mid ?? ''));
    return { status: 204 };
  });

  on('GET', `/guilds/${ID}`, (_, [gid]) => {
    const { members: _m, channels: _c, ...guild } = apiGuild(state, guildOf(gid ?? ''));
    return ok({ ...guild, approximate_member_count: state.users.size });
  });
  on('GET', `/guilds/${ID}/channels`, (_, [gid]) => ok(state.guildChannels(guildOf(gid ?? '').id).map((c) => apiChannel(state, c))));
  on('GET', `/guilds/${ID}/roles`, (_, [gid]) => ok(apiRoles(guildOf(gid ?? ''))));
  on('GET', `/guilds/${ID}/members`, (_, [gid]) => {
    const guild = guildOf(gid ?? '');
    return ok([...state.users.values()].map((u) => apiMember(guild, u)));
  });
  on('GET', `/guilds/${ID}/members/${ID}`, (_, [gid, uid]) => ok(apiMember(guildOf(gid ?? ''), state.users.get(uid ?? '') ?? fail(unknownMember()))));

  on('GET', `/applications/${ID}/commands`, () => ok(state.globalCommands as unknown as Json));
  on('PUT', `/applications/${ID}/commands`, (ctx) => {
    state.globalCommands = overwriteCommands(state, state.globalCommands, ctx.body);
    return ok(state.globalCommands as unknown as Json);
  });
  on('POST', `/applications/${ID}/commands`, (ctx) => ({ status: 201, body: upsertCommand(state, state.globalCommands, ctx.body) as unknown as Json }));
  // Each guild's commands are kept in one list, told apart by `guild_id`.
  const guildCommandsOf = (gid: string): CommandDef[] => state.guildCommands.filter((c) => c.guild_id === guildOf(gid).id);
  on('GET', `/applications/${ID}/guilds/${ID}/commands`, (_, [, gid]) => ok(guildCommandsOf(gid ?? '') as unknown as Json));
  on('PUT', `/applications/${ID}/guilds/${ID}/commands`, (ctx, [, gid = '']) => {
    const replaced = overwriteCommands(state, guildCommandsOf(gid), ctx.body, gid);
    state.guildCommands = [...state.guildCommands.filter((c) => c.guild_id !== gid), ...replaced];
    return ok(replaced as unknown as Json);
  });
  on('POST', `/applications/${ID}/guilds/${ID}/commands`, (ctx, [, gid = '']) => {
    const list = guildCommandsOf(gid);
    const command = upsertCommand(state, list, ctx.body, gid);
    state.guildCommands = [...state.guildCommands.filter((c) => c.guild_id !== gid), ...list];
    return { status: 201, body: command as unknown as Json };
  });

  on('POST', `/interactions/${ID}/${TOKEN}/callback`, (ctx, [id, token]) => hub.callback(ctx, id ?? '', token ?? ''), false);
  on('POST', `/webhooks/${ID}/${TOKEN}`, async (ctx, [app, token]) => {
    await hub.settled(token ?? '');
    return hub.followUp(ctx, app ?? '', token ?? '');
  }, false);
  for (const method of ['GET', 'PATCH', 'DELETE'])
    on(method, `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d+)`, async (ctx, [app, token, mid]) => {
      await hub.settled(token ?? '');
      return hub.webhookMessage(ctx, app ?? '', token ?? '', mid ?? '');
    }, false);

  on('GET', `/_raw/attachments/${ID}/${ID}/(.+)`, (_, [, aid]) => {
    const attachment = state.allMessages().flatMap((m) => m.attachments).find((a) => a.id === aid) ?? fail(new ApiError(404, 0, '404: Not Found'));
    return { raw: attachment.data, headers: { 'content-type': attachment.content_type ?? 'application/octet-stream' } };
  }, false);
  return routes;
}

function fail(error: ApiError): never {
  throw error;
}
