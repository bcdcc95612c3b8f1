/** The bot's colours, in one place: every embed is green unless something needs an admin's eye. */
export const palette = {
  /** Discord's own green: wins, lists, recaps, progress, help. */
  embed: 0x57f287,
  /** Something to fix (a recap channel the bot cannot post in). */
  attention: 0xfee75c,
} as const;
