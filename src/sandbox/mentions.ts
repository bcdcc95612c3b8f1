import { asArray, asString, type JsonObject } from './json.js';
import type { Pings } from './types.js';

const USER_MENTION = /<@!?(\d{15,25})>/g;
const ROLE_MENTION = /<@&(\d{15,25})>/g;
const EVERYONE = /@(everyone|here)\b/;

/** Discord's notification rules: content mentions filtered by allowed_mentions; embeds never ping. */
export function computePings(content: string, allowedMentions: JsonObject | undefined, ephemeral: boolean): Pings {
  if (ephemeral) return { users: [], roles: [], everyone: false };
  const users = unique([...content.matchAll(USER_MENTION)].map((m) => m[1] ?? ''));
  const roles = unique([...content.matchAll(ROLE_MENTION)].map((m) => m[1] ?? ''));
  const everyone = EVERYONE.test(content);
  if (!allowedMentions) return { users, roles, everyone };

  const parse = asArray(allowedMentions.parse).map(asString);
  const allowedUsers = new Set(asArray(allowedMentions.users).map(asString));
  const allowedRoles = new Set(asArray(allowedMentions.roles).map(asString));
  return {
    users: parse.includes('users') ? users : users.filter((id) => allowedUsers.has(id)),
    roles: parse.includes('roles') ? roles : roles.filter((id) => allowedRoles.has(id)),
    everyone: everyone && parse.includes('everyone'),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
