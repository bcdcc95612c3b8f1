import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { memberTimezone } from '../src/db/members.js';
import { noteCelebration } from '../src/db/celebrations.js';
import { isUniqueViolation, OutcomeUnknownError } from '../src/db/errors.js';
import { recordMemberWin } from '../src/db/record-win.js';
import { isCurrentPeriod } from '../src/domain/celebrate.js';
import { daysBetween, localDateOf } from '../src/domain/time.js';
import { BACKDATE_MAX_DAYS, parseWinText } from '../src/domain/win-input.js';
import { memberKeyOf, type MessageMenuCommand } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { winReply } from '../src/discord/render/celebrate-win.js';
import { echoBack, winMaybeSaved } from '../src/discord/render/problems.js';
import { respond } from '../src/discord/reply.js';
import { publicAllowance, QUIET_CELEBRATION_NOTE, slowDown } from '../src/discord/flood.js';

export const data = {
  name: 'Log as my win',
  type: ApplicationCommandType.Message,
  contexts: [0],
  integration_types: [0],
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

const refusals = {
  notYours: new UserFacingError('not-own-message', 'You can only log your own messages as wins — but you could cheer them on!'),
  empty: new UserFacingError(
    'text-empty',
    'That message has no words I can log (just pictures or embeds?). Try `/win` with a few words about it instead — every size counts.',
  ),
  alreadyLogged: new UserFacingError('already-logged', 'That message is already logged as a win — it counts once, and it counted! 🌱'),
  tooOld: new UserFacingError(
    'when-too-old',
    `That message is from more than ${BACKDATE_MAX_DAYS} days ago, and I can only log wins from the last ${BACKDATE_MAX_DAYS} days. Today's wins count just as much — \`/win\` one?`,
  ),
};

export const logAsWin: MessageMenuCommand = {
  kind: 'message-menu',
  data,
  ephemeral: false,
  async execute(interaction, deps) {
    const { db, clock, logger } = deps;
    const message = interaction.targetMessage;
    if (message.author.id !== interaction.user.id) throw refusals.notYours;
    const text = parseWinText(message.content);
    if (!text.ok) {
      if (text.problem !== 'text-too-long') throw refusals.empty;
      throw new UserFacingError(
        text.problem,
        `That message has ${text.length} characters, and a win can be at most ${text.max}. Try \`/win\` with a shorter version — here it is to trim:${echoBack(message.content)}`,
      );
    }
    const key = memberKeyOf(interaction);

    const now = clock.now();
    // A message cannot be from the future; a clock a little ahead of Discord's must not make it so.
    const occurredAt = new Date(Math.min(message.createdTimestamp, now.getTime()));
    const timezone = await memberTimezone(db, key);
    const daysAgo = daysBetween(localDateOf(timezone, occurredAt), localDateOf(timezone, now));
    if (daysAgo > BACKDATE_MAX_DAYS) throw refusals.tooOld;

    // Flood limits (SPEC §7): past a burst nothing is written; past a few public posts, celebrated privately.
    const allowance = publicAllowance(deps, key, interaction.channelId, now);
    if (allowance === 'slow-down') throw slowDown;
    const quiet = allowance === 'private';
    const input = { ...key, text: text.value, isPrivate: false, occurredAt, interactionId: interaction.id, source: 'message' as const, sourceMessageId: message.id, timezone };
    const saved = await recordMemberWin(db, input, now).catch((error: unknown) => {
      // The unique (server, message) index settles double logging, races included.
      if (isUniqueViolation(error)) throw refusals.alreadyLogged;
      throw error instanceof OutcomeUnknownError ? winMaybeSaved : error;
    });
    const { embed, privateLines } = winReply({
      win: { id: saved.id, userId: key.userId, text: text.value, isPrivate: false },
      counts: saved.counts,
      daysAgo,
      weekIsCurrent: isCurrentPeriod(saved.ranges.week, now),
    });
    const messageId = await respond(interaction, { embeds: [embed], ephemeral: quiet, returnMessageId: !quiet, ...(quiet ? { content: QUIET_CELEBRATION_NOTE } : {}) });
    if (messageId && interaction.channelId) {
      noteCelebration(db, { winId: saved.id, channelId: interaction.channelId, messageId }, (error) => logger.warn({ err: error }, 'could not note a celebration'));
    }
    if (privateLines.length > 0) await respond(interaction, { ephemeral: true, content: `${privateLines.join('\n')}\n-# Only you can see this.` });
  },
};
