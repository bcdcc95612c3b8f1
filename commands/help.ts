import { PermissionFlagsBits, type APIEmbedField, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommand } from '../src/discord/command.js';
import { respond } from '../src/discord/reply.js';
import { palette } from '../src/discord/render/palette.js';

export const data = {
  name: 'help',
  description: 'What Small Wins is for, and how to use it.',
  contexts: [0],
  integration_types: [0],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const overview = [
  "Hi! I'm **Small Wins**. I help you notice the progress you're already making.",
  '',
  '**Log a win:** `/win text: answered one email` — a few words is plenty, and every size counts.',
  '• `private: true` keeps it just for you: it never shows up in public or in a recap.',
  '• `when: yesterday` (or a date up to 14 days back) for the ones you forgot to log.',
  '• `goal:` counts it toward one of your goals. Right-click your own message → Apps → **Log as my win** works too.',
  '',
  '**Goals are yours alone:** `/goal add`, `/goal list`, `/goal edit`, `/goal archive`. Private unless you share them. Miss three periods running and I will offer a smaller target; hit three and I will offer a bigger one. You decide.',
  '**Make a plan:** `/goal add … when: after lunch then: write 100 words` keeps an if-then plan with the goal.',
  'Add `at: thu 13:00` (your time; `13:00` alone means Mondays) for one gentle DM reminder a week, if your DMs are on; a button on it stops it.',
  '',
  '**Look back:** `/progress` (your week against your own usual, your streak, your ghost week and a win calendar), `/wins` (your list, with delete), `/remember` (an old win, to remind you what winning feels like).',
  '**Mend a streak:** when one empty week breaks your weekly streak, `/progress` offers a repair the week after: free, one every 8 weeks.',
  'A repaired week keeps your streak going, and your calendar marks it with a small ring.',
  '',
  '**Better than your usual, together:** the weekly recap may say how many members beat their own usual week: a number, never names.',
  'Only members with 4 weeks of history count, and the line stays out when it could point at one person.',
  '',
  '**Together, gently:** `/partner join` pairs you with someone each week (if your server has check-ins on); `/checkin` tells them how your week is going, and they can cheer you on.',
  '',
  '**Rest:** `/pause` freezes your streak for a holiday or a hard stretch; `/resume` when you are back. `/settings` sets your timezone and DMs.',
  '**Fresh starts:** `/settings fresh-start: true` (with DMs on) sends one line on the first morning of each week and month: last week in a sentence.',
  'A button on it sets one small goal if you want one. Never while you are paused, never twice.',
  '',
  '**Consistency role:** if your server offers it, link it from the web view to show how many of your last 6 weeks had a win.',
  'It counts only against yourself, is updated after each recap, and is yours to take or leave.',
  '',
  '**Anywhere:** add Small Wins to your own account and `/win`, `/progress`, `/wins`, `/remember` and `/settings` work in DMs and in servers without me.',
  'Those wins count in your home server (`/settings home`), private unless you say `private: false`; nothing is posted where I was not added.',
  '',
  '**Your data:** `/privacy export` gives you everything I store about you here; `/privacy delete` removes it for good.',
  '',
  'The only person you ever race here is your past self. There are no leaderboards, and a quiet week is met with kindness, not guilt. You can do your best and still have an off week.',
].join('\n');

// Shown only to members who can manage the server: the commands Discord shows them alone.
const adminSection: APIEmbedField = {
  name: 'For admins (Manage Server)',
  value: [
    '`/config recap channel: #wins` picks where the weekly recap goes; add `day:`, `time:` and `timezone:` if Monday 09:00 UTC does not suit. Nothing is posted until a channel is set.',
    '`/config checkins enabled: true` turns on weekly partners and the mid-week check-in (`day:` to move it).',
    '`/config show` shows the settings, when the next recap comes, and any delivery problem.',
    '`/recap preview` shows this week’s recap as it would look now, only to you.',
  ].join('\n'),
};

export const help: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction) {
    await respond(interaction, {
      ephemeral: true,
      embeds: [
        {
          title: 'Small Wins 🌱',
          description: overview,
          color: palette.embed,
          fields: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? [adminSection] : [],
          footer: { text: 'Success is a series of small wins.' },
        },
      ],
    });
  },
};
