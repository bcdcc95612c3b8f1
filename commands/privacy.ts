import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ButtonInteraction, ChatInputCommandInteraction } from '../src/discord/interaction.js';
import { roleLinkClearing } from '../src/discord/role-connections.js';
import { deleteEverythingOf, exportFileName, exportOf } from '../src/features/privacy.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { componentIds, type ComponentIdOf } from '../src/discord/component-ids.js';
import { UserFacingError } from '../src/discord/errors.js';
import { packExport } from '../src/discord/render/export-files.js';
import { deferOnce, respond, updateInPlace } from '../src/discord/reply.js';

export const data = {
  name: 'privacy',
  description: 'See or delete everything Small Wins stores about you in this server',
  contexts: [0],
  integration_types: [0],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'export', description: 'Get a file with everything I store about you here' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'delete', description: 'Delete everything I store about you here (asks first)' },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A confirmation left open longer than this is refused, so an old ephemeral message can't delete by surprise. */
export const CONFIRM_TTL_MS = 15 * 60_000;

const WARNING = [
  "⚠️ **This deletes everything I've stored about you in this server:**",
  '• all your wins, private ones too',
  '• your goals and their history',
  '• your settings, pauses, check-ins and partner pairings',
  '',
  "It can't be undone. Your data in other servers stays untouched, and messages already posted in channels stay where they are.",
  'Want a copy first? `/privacy export` gives you a file with all of it.',
].join('\n');

const DONE = "Done. Everything I stored about you here is gone. If you come back, you'll start fresh — and that's fine too.";
const NOTHING_STORED = "There's nothing stored about you here, so there was nothing to delete. You're all clear.";
const CANCELLED = 'Nothing was deleted.';

const refusals = {
  notYours: new UserFacingError('not-yours', 'Those buttons belong to someone else — run `/privacy delete` to manage your own data.'),
  expired: new UserFacingError('confirm-expired', 'That confirmation has expired, so nothing was deleted. Run `/privacy delete` again if you still want to.'),
};


function exportMessage(compressed: boolean, parts: number): string {
  const what = !compressed
    ? 'as a JSON file'
    : parts === 1
      ? "as a JSON file compressed with gzip to fit Discord's upload limit (any unzip tool opens `.gz` files)"
      : `as ${parts} gzip-compressed JSON files to fit Discord's upload limits (your wins are split between them; any unzip tool opens \`.gz\` files)`;
  return `Here's everything I store about you in this server, ${what}. Only you can see this message.`;
}

async function exportData(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
  const key = memberKeyOf(interaction);
  // A long history takes seconds to read and pack, and serialising it holds the event loop: defer first,
  // not on the safety net's timer, which a busy loop fires after Discord's 3 s have passed.
  await deferOnce(interaction, { ephemeral: true });
  // Discord tells each interaction its upload limit.
  const pack = await packExport(await exportOf(deps, key), exportFileName(key), interaction.attachmentSizeLimit || undefined);
  for (const [i, files] of pack.messages.entries()) {
    const content = i === 0 ? exportMessage(pack.compressed, pack.parts) : `More of your export (message ${i + 1} of ${pack.messages.length}).`;
    await respond(interaction, { ephemeral: true, content, files: files.map((f) => ({ attachment: f.data, name: f.name })) });
  }
}

async function askToDelete(interaction: ChatInputCommandInteraction): Promise<void> {
  const userId = interaction.user.id;
  const buttons = [
    { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Delete everything', custom_id: componentIds.privacyDelete(userId) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Cancel', custom_id: componentIds.privacyCancel(userId) },
  ] as const;
  await respond(interaction, { ephemeral: true, content: WARNING, components: [{ type: ComponentType.ActionRow, components: [...buttons] }] });
}

/** Replaces the confirmation with the outcome, its buttons gone. */
async function settle(interaction: ButtonInteraction, work: () => Promise<string>): Promise<void> {
  await updateInPlace(interaction, async () => ({ content: await work(), components: [], embeds: [] }));
}

export const privacy: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.getSubcommand(false) === 'export',
  async execute(interaction, deps) {
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === 'export') return exportData(interaction, deps);
    if (subcommand === 'delete') return askToDelete(interaction);
    throw new UserFacingError('unknown-subcommand', 'Try `/privacy export` or `/privacy delete`.');
  },
  /** `privacy:delete:<owner>` and `privacy:cancel:<owner>` from the confirmation. */
  async button(interaction, deps, { action, ownerId }: ComponentIdOf<'privacy'>) {
    const { clock } = deps;
    // The confirmation is ephemeral, but a forwarded id could still reach here: only its owner may answer it.
    if (ownerId !== interaction.user.id) throw refusals.notYours;
    if (action === 'cancel') return settle(interaction, async () => CANCELLED);
    if (clock.now().getTime() - interaction.message.createdTimestamp > CONFIRM_TTL_MS) throw refusals.expired;
    // Scoped to the clicking member, never to the id in the button alone.
    const roleLink = roleLinkClearing(interaction, deps.roleLinkSecrets);
    await settle(interaction, async () => ((await deleteEverythingOf(deps, memberKeyOf(interaction), roleLink)) ? DONE : NOTHING_STORED));
  },
};
