/**
 * Why recaps stopped reaching their channel, as stored in `guilds.recap_problem`: a code, never
 * rendered text, so each surface names the channel its own way (a mention, a web page's "#name").
 */
export type RecapProblem = 'missing-permission' | 'unknown-channel' | 'invalid-schedule';

const PROBLEMS: Record<RecapProblem, (channel: string) => string> = {
  'missing-permission': (channel) => `I couldn't post in ${channel}: I'm missing permission to send messages there.`,
  'unknown-channel': (channel) => `I couldn't post in ${channel}: that channel no longer exists.`,
  'invalid-schedule': () => "I couldn't work out when to post the recap from these settings: please run /config recap again.",
};

export const isRecapProblem = (stored: string): stored is RecapProblem => Object.hasOwn(PROBLEMS, stored);

/** The stored problem in words, `channel` as the surface names it; text stored before codes is shown as it was. */
export function describeRecapProblem(stored: string, channel: string): string {
  return isRecapProblem(stored) ? PROBLEMS[stored](channel) : stored;
}
