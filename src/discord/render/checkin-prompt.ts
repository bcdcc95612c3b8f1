import type { OutgoingMessage } from './outgoing.js';

/** The mid-week check-in prompt by DM (SPEC §5). */
export const checkinPromptMessage: OutgoingMessage = {
  content: "Hi! 🌱 How is your week going? `/checkin`: a few words in the server, whenever you're ready, and your partner will see them. Small counts.",
  allowed_mentions: { parse: [] },
};
