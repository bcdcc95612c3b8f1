import type { RepliableInteraction } from './interaction.js';
import type { LoggedWin } from '../features/wins.js';
import { translatorFor } from './locale.js';
import { renderCelebration } from './render/celebrate-win.js';
import { respond } from './reply.js';

/**
 * Answers a just-logged win (`/win` and "Log as my win" alike): the celebration where `logWin` said
 * it may be shown, then the lines only its author may read. Nothing is noted after: deleting the win
 * finds its celebration by the interaction's id.
 */
export async function replyToWin(interaction: RepliableInteraction, logged: LoggedWin): Promise<void> {
  const tr = translatorFor(interaction);
  const { embed, privateLines } = renderCelebration(logged.celebration, tr);
  const inPublic = logged.shown === 'public';
  await respond(interaction, {
    embeds: [embed],
    ephemeral: !inPublic,
    ...(logged.shown === 'quiet' ? { content: tr.t('win.quietCelebration') } : {}),
  });
  if (privateLines.length > 0) await respond(interaction, { ephemeral: true, content: `${privateLines.join('\n')}\n${tr.t('common.onlyYou')}` });
}
