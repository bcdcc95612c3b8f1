import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
// A namespace import, so the production bundle keeps only the parts of zod it uses (not its 64 locales).
import * as z from 'zod';

/**
 * What the sandbox keeps across restarts (SPEC §9): the application, its servers, channels and members
 * with their ids, the last id handed out and the clock, so a second start finds the bot's data again.
 * Messages are not kept: like a long-gone message on Discord, the bot finds them unknown.
 */
const worldSchema = z.object({
  version: z.literal(1),
  clock: z.string(),
  lastId: z.string().regex(/^\d+$/),
  applicationId: z.string(),
  botName: z.string(),
  guilds: z.array(z.object({ id: z.string(), name: z.string(), adminRoleId: z.string(), ownerId: z.string(), locale: z.string().optional() })),
  channels: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.union([z.literal(0), z.literal(1)]),
      guildId: z.string().optional(),
      recipientId: z.string().optional(),
      canPost: z.boolean(),
      position: z.number(),
    }),
  ),
  users: z.array(
    z.object({ id: z.string(), username: z.string(), globalName: z.string(), bot: z.boolean(), manageGuild: z.boolean(), dmsClosed: z.boolean(), joinedAt: z.string(), locale: z.string().optional() }),
  ),
});

export type SandboxWorld = z.infer<typeof worldSchema>;

/** The world saved by an earlier start, or undefined when there is none (a first start). */
export function readWorld(path: string): SandboxWorld | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw damagedWorld(path, error instanceof Error ? error.message : 'not JSON');
  }
  const parsed = worldSchema.safeParse(json);
  if (!parsed.success) throw damagedWorld(path, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** The sandbox's saved world cannot be read: it is left untouched, and the member is told what to do. */
export class DamagedWorldError extends Error {
  override name = 'DamagedWorldError';
}

const damagedWorld = (path: string, why: string) =>
  new DamagedWorldError(
    `The sandbox's saved world ${path} is damaged (${why}), so the sandbox did not start and left the file as it is. ` +
      'Repair it, or move it away to start a new sandbox world (new servers and members; what the bot saved for the old ones stays in its database).',
  );

/** Written to a temporary file and renamed, so a crash never leaves half a world. */
export function writeWorld(path: string, world: SandboxWorld): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(world, null, 2)}\n`);
  renameSync(tmp, path);
}
