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
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import type { Translator } from '../src/i18n/index.js';
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

const refusals = {
  notYours: userError('not-yours', 'error.privacy-not-yours'),
  expired: userError('confirm-expired', 'error.privacy-expired'),
};

function exportMessage(compressed: boolean, parts: number, tr: Translator): string {
  return tr.t('privacy.export', { how: !compressed ? 'plain' : parts === 1 ? 'gzip' : 'split', parts });
}

async function exportData(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
  const key = memberKeyOf(interaction);
  // A long history takes seconds to read and pack, and serialising it holds the event loop: defer first,
  // not on the safety net's timer, which a busy loop fires after Discord's 3 s have passed.
  await deferOnce(interaction, { ephemeral: true });
  // Discord tells each interaction its upload limit.
  const pack = await packExport(await exportOf(deps, key), exportFileName(key), interaction.attachmentSizeLimit || undefined);
  const tr = translatorFor(interaction);
  for (const [i, files] of pack.messages.entries()) {
    const content = i === 0 ? exportMessage(pack.compressed, pack.parts, tr) : tr.t('privacy.export.more', { n: i + 1, of: pack.messages.length });
    await respond(interaction, { ephemeral: true, content, files: files.map((f) => ({ attachment: f.data, name: f.name })) });
  }
}

async function askToDelete(interaction: ChatInputCommandInteraction): Promise<void> {
  const userId = interaction.user.id;
  const tr = translatorFor(interaction);
  const buttons = [
    { type: ComponentType.Button, style: ButtonStyle.Danger, label: tr.t('privacy.delete.button'), custom_id: componentIds.privacyDelete(userId) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: tr.t('privacy.delete.cancel'), custom_id: componentIds.privacyCancel(userId) },
  ] as const;
  await respond(interaction, { ephemeral: true, content: tr.t('privacy.delete.warning'), components: [{ type: ComponentType.ActionRow, components: [...buttons] }] });
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
    throw userError('unknown-subcommand', 'error.unknown-subcommand', { command: 'privacy' });
  },
  /** `privacy:delete:<owner>` and `privacy:cancel:<owner>` from the confirmation. */
  async button(interaction, deps, { action, ownerId }: ComponentIdOf<'privacy'>) {
    const { clock } = deps;
    // The confirmation is ephemeral, but a forwarded id could still reach here: only its owner may answer it.
    if (ownerId !== interaction.user.id) throw refusals.notYours;
    const tr = translatorFor(interaction);
    if (action === 'cancel') return settle(interaction, async () => tr.t('privacy.delete.cancelled'));
    if (clock.now().getTime() - interaction.message.createdTimestamp > CONFIRM_TTL_MS) throw refusals.expired;
    // Scoped to the clicking member, never to the id in the button alone.
    const roleLink = roleLinkClearing(interaction, deps.roleLinkSecrets);
    await settle(interaction, async () => (tr.t((await deleteEverythingOf(deps, memberKeyOf(interaction), roleLink)) ? 'privacy.delete.done' : 'privacy.delete.nothing')));
  },
};
