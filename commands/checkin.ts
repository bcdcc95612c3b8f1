import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ComponentType,
  Routes,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { checkinOf, claimPartnerNotice, markCheered, recordCheckin, releasePartnerNotice, type CheckinShare } from '../src/db/checkins.js';
import { markDmsClosed } from '../src/db/member-dms.js';
import { recordCheer } from '../src/db/cheers.js';
import { memberTimezone, type MemberKey } from '../src/db/members.js';
import { partnersOf } from '../src/db/partners.js';
import type { OutgoingMessage } from '../src/discord/render/outgoing.js';
import { isVisiblyEmpty, publicMemberText, stripControlCharacters } from '../src/domain/member-text.js';
import { localDateOf, weekKey } from '../src/domain/time.js';
import { formatLocalDate } from '../src/domain/time-calendar.js';
import { guildIdOf, memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { componentIds, type ComponentIdOf } from '../src/discord/component-ids.js';
import { createDelivery, type Delivery } from '../src/discord/delivery.js';
import { UserFacingError } from '../src/discord/errors.js';
import { echoBack } from '../src/discord/render/problems.js';
import { respond } from '../src/discord/reply.js';
import { slowDown, writeAllowance } from '../src/discord/flood.js';

export const CHECKIN_NOTE_MAX = 1000;

export const data = {
  name: 'checkin',
  description: "Tell your partner how this week is going (or just note it for yourself)",
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'note',
      description: 'How is your week going? A few honest words are plenty.',
      required: true,
      min_length: 1,
      max_length: CHECKIN_NOTE_MAX,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'share',
      description: 'Send it to your partner (default) or keep it private',
      choices: [
        { name: 'partner (your partner this week gets it by DM)', value: 'partner' },
        { name: 'private (just for you)', value: 'private' },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A DM with a button: `Delivery` sends the body as given, components included. */
type DmWithButtons = OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] };

const cheerButtonId = componentIds.cheer;

/** The Cheer button; once pressed it says so and cannot be pressed again. */
function cheerRow(author: MemberKey, week: string, cheered: boolean): APIActionRowComponent<APIButtonComponent> {
  const button: APIButtonComponent = cheered
    ? { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Cheered', emoji: { name: '🎉' }, custom_id: cheerButtonId(author, week), disabled: true }
    : { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Cheer', emoji: { name: '🎉' }, custom_id: cheerButtonId(author, week) };
  return { type: ComponentType.ActionRow, components: [button] };
}

function partnerDm(author: MemberKey, week: string, note: string): DmWithButtons {
  return {
    content: `💬 A check-in from your partner <@${author.userId}>:\n\n${publicMemberText(note)}\n\n-# Only you (and any other partner of theirs this week) got this.`,
    allowed_mentions: { parse: [] },
    components: [cheerRow(author, week, false)],
  };
}

function readNote(raw: string | null): string {
  const note = stripControlCharacters(raw ?? '').trim();
  if (isVisiblyEmpty(note)) {
    const given = note ? ` Yours shows nothing on screen:${echoBack(note)}` : '';
    throw new UserFacingError('note-empty', `A check-in needs a few words — even "tired, but still here" is plenty. Try again with a \`note\`.${given}`);
  }
  const length = [...note].length;
  if (length > CHECKIN_NOTE_MAX) {
    throw new UserFacingError(
      'note-too-long',
      `That's a lot on your mind, and it's welcome — but a check-in can be at most ${CHECKIN_NOTE_MAX} characters (yours has ${length}). Could you trim it a little? Here it is to copy:${echoBack(note)}`,
    );
  }
  return note;
}

// discord.js's own quick retry is all: a member is waiting for the answer.
const deliveryFor = (interaction: { client: { rest: Parameters<typeof createDelivery>[0] } }): Delivery => createDelivery(interaction.client.rest);

/** Sends the note to each partner; answers those whose DMs are closed (or failed), and whether a failure was transient. */
async function sendToPartners(deps: Deps, delivery: Delivery, author: MemberKey, week: string, note: string, partners: readonly string[]) {
  const undelivered: string[] = [];
  let transient = false;
  for (const partnerId of partners) {
    const result = await delivery.dm(partnerId, partnerDm(author, week, note));
    if (result.ok) continue;
    undelivered.push(partnerId);
    transient ||= result.failure === 'transient';
    if (result.failure === 'dms-closed') await markDmsClosed(deps.db, { guildId: author.guildId, userId: partnerId }, deps.clock.now());
    deps.logger.info({ guild: author.guildId, partner: partnerId, failure: result.failure }, 'check-in: not delivered to partner');
  }
  return { undelivered, transient };
}

const ALREADY_TODAY =
  "Updated! ✏️ Your partner already got a check-in from you today, so I saved your new words without sending another DM. They'll see the latest in `/partner status`.";

const mentions = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(' & ');

function answer(share: CheckinShare, partners: readonly string[], undelivered: readonly string[]): string {
  if (share === 'private') return 'Noted, just for you. 📓 Writing it down counts too.';
  if (partners.length === 0) return "Noted! 📓 You don't have a partner this week, so it stays with you. (`/partner status` says why.)";
  const delivered = partners.filter((id) => !undelivered.includes(id));
  const lines = delivered.length > 0 ? [`Checked in! ✨ I sent it to ${mentions(delivered)}.`] : ['Checked in! ✨ Your note is saved.'];
  if (undelivered.length > 0) {
    lines.push(`I couldn't deliver it to ${mentions(undelivered)}: their DMs are closed to me. Your note is saved, and \`/partner status\` shows it to them.`);
  }
  return lines.join('\n');
}

export const checkin: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const note = readNote(interaction.options.getString('note'));
    const share: CheckinShare = interaction.options.getString('share') === 'private' ? 'private' : 'partner';
    const key: MemberKey = memberKeyOf(interaction);
    const content = await (async () => {
      const now = deps.clock.now();
      if (writeAllowance(deps, key, now) === 'slow-down') throw slowDown;
      const timezone = await memberTimezone(deps.db, key);
      const week = weekKey(timezone, now);
      await recordCheckin(deps.db, key, { weekKey: week, note, share }, now);
      if (share === 'private') return answer(share, [], []);
      const partners = await partnersOf(deps.db, key, week);
      if (partners.length === 0) return answer(share, partners, []);
      // A partner hears from the author at most once a day, however many times they check in.
      const day = formatLocalDate(localDateOf(timezone, now));
      if (!(await claimPartnerNotice(deps.db, key, week, day))) return ALREADY_TODAY;
      const { undelivered, transient } = await sendToPartners(deps, deliveryFor(interaction), key, week, note, partners);
      if (transient && undelivered.length === partners.length) await releasePartnerNotice(deps.db, key, week, day);
      return answer(share, partners, undelivered);
    })();
    await respond(interaction, { ephemeral: true, content });
  },
  /** `checkin:cheer:<author>:<week>:<guild>` under a partner's DM. */
  async button(interaction: ButtonInteraction, deps, { authorId, week, guildId }: ComponentIdOf<'checkin'>) {
    const author: MemberKey = { guildId: guildId ?? guildIdOf(interaction), userId: authorId };
    if (authorId === interaction.user.id) throw new UserFacingError('own-checkin', "That's your own check-in — the Cheer button is for your partner. 🌱");
    const partners = await partnersOf(deps.db, author, week);
    if (!partners.includes(interaction.user.id)) throw new UserFacingError('not-partner', 'Only their partner that week can cheer this check-in.');
    const checkin = await checkinOf(deps.db, author, week);
    if (checkin?.share !== 'partner') throw new UserFacingError('checkin-gone', 'That check-in is no longer there to cheer.');
    const first = await recordCheer(deps.db, author, week, interaction.user.id, deps.clock.now());
    // The button shows the cheer either way; a failed edit only leaves it pressable, and a press then changes nothing.
    // By REST: a DM channel is seldom in discord.js's cache, so Message#edit would refuse.
    await interaction.client.rest
      .patch(Routes.channelMessage(interaction.message.channelId, interaction.message.id), { body: { components: [cheerRow(author, week, true)] } })
      .catch(() => undefined);
    if (!first) {
      await respond(interaction, { ephemeral: true, content: 'You already cheered this one, and they heard it. 🎉' });
      return;
    }
    await markCheered(deps.db, author, week, deps.clock.now());
    const result = await deliveryFor(interaction).dm(authorId, { content: `<@${interaction.user.id}> cheered your check-in 🎉`, allowed_mentions: { parse: [] } });
    const content = result.ok ? 'Cheer sent! 🎉' : "I saved your cheer, but I couldn't tell them: their DMs are closed to me.";
    await respond(interaction, { ephemeral: true, content });
  },
};
