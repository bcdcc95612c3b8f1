import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { endPause } from '../src/db/pauses.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { translatorFor } from '../src/discord/locale.js';
import { respond } from '../src/discord/reply.js';

export const data = {
  name: 'resume',
  description: 'End your pause and pick up where you left off.',
  contexts: [0],
  integration_types: [0],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const resume: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    const ended = await endPause(db, key, clock.now());
    await respond(interaction, { content: translatorFor(interaction).t(ended ? 'resume.welcomeBack' : 'resume.notPaused'), ephemeral: true });
  },
};
