/** What a server has until an admin changes it: the schema's column defaults and every fallback read them from here. */
export const GUILD_DEFAULTS = {
  timezone: 'UTC',
  /** 1 = Monday … 7 = Sunday. */
  recapDay: 1,
  recapTime: '09:00',
  checkinsEnabled: false,
  checkinDay: 4,
} as const;
