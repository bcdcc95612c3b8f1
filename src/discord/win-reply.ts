import type { RepliableInteraction } from './interaction.js';
import { winCelebrated, type LoggedWin, type WinDeps } from '../features/wins.js';
import { translatorFor } from './locale.js';
import { renderCelebration } from './render/celebrate-win.js';
import { respond } from './reply.js';

/**
 * Answers a just-logged win (`/win` and "Log as my win" alike): the celebration where `logWin` said
 * it may be shown, then the lines only its author may read, and notes where it was celebrated.
 */
export async function replyToWin(interaction: RepliableInteraction, deps: Pick<WinDeps, 'celebrations'>, logged: LoggedWin): Promise<void> {
  const tr = translatorFor(interaction);
  const { embed, privateLines } = renderCelebration(logged.celebration, tr);
  const inPublic = logged.shown === 'public';
  const messageId = await respond(interaction, {
    embeds: [embed],
    ephemeral: !inPublic,
    returnMessageId: inPublic,
    ...(logged.shown === 'quiet' ? { content: tr.t('win.quietCelebration') } : {}),
  });
  if (messageId && interaction.channelId) winCelebrated(deps, { winId: logged.winId, channelId: interaction.channelId, messageId });
  if (privateLines.length > 0) await respond(interaction, { ephemeral: true, content: `${privateLines.join('\n')}\n${tr.t('common.onlyYou')}` });
}
