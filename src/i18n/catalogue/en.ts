import { ENCOURAGEMENT_BANK } from '../../domain/recap/encouragement.js';
import { webEn } from './web/en.js';

/**
 * English: the source every other catalogue translates, and the fallback for any message a language
 * lacks. ICU MessageFormat: {name} values, plural / selectordinal / select; an apostrophe before a
 * brace quotes it, so write ’ in text where that could happen.
 */
const messages = {
  ...webEn,
  // Shared bits
  'common.nothing': '',
  'common.onlyYou': '-# Only you can see this.',

  // /win: the celebration
  'win.title.0': 'A small win, logged 🌱',
  'win.title.1': 'That counts 🎉',
  'win.title.2': 'Nicely done ✨',
  'win.title.3': 'One more step 👣',
  'win.title.4': 'Win noted 📒',
  'win.title.5': 'Look at you go 🌟',
  'win.title.6': 'Every size counts 🌼',
  'win.loggedFor': '{daysAgo, plural, =0 {} =1 { (logged for yesterday)} other { (from # days ago)}}',
  'win.adds.firstHere': 'Your first win here — welcome! The first one is the hardest.{when}',
  'win.adds.firstInWeek': 'Your first win {current, select, yes {this week} other {that week}}. A fine start.{when}',
  'win.adds.nth': 'That\'s your {count, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} win {current, select, yes {this week} other {that week}}.{when}',
  'win.adds.trueCount':
    'Counting your private wins too, that\'s your {count, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} win {current, select, yes {this week} other {that week}}. 🌱',
  'win.logged': '{daysAgo, plural, =0 {Logged. 🌱} =1 {Logged for yesterday. 🌱} other {Logged for # days ago. 🌱}}',
  'win.embed.intro': '{member} logged a win:',
  'win.footer.private': '🔒 Private: only you can see this win. It never appears in recaps.',
  'win.footer.public': 'Every size counts.',
  'win.quietCelebration':
    '-# Saved and counted! You\'ve shared a lot of wins here in the last few minutes, so I\'m celebrating this one just with you, to keep the channel calm.',
  'win.goalLine':
    '🎯 {title}: {bar} {count}/{target} {current, select, yes {{period, select, week {this week} other {this month}}} other {{period, select, week {that week} other {that month}}}}{met, select, exactly { — goal met! 🎉} over { ✅} other {}}',

  // Refusals of a win
  'error.text-empty': 'Your win needs a few words — even "drank a glass of water" counts. Try again with some `text`.',
  'error.text-too-long': 'That\'s a lovely amount to say, but a win can be at most {max} characters (yours has {length}). Could you trim it a little? Here it is to copy:',
  'error.when-unknown': 'I didn\'t understand `when: {value}`. Use `today`, `yesterday`, or a date like `{example}`.',
  'error.when-future': '{value} hasn\'t happened yet — log it once it has! 🌱',
  'error.when-too-old': 'I can only log wins from the last {maxDays} days, and {value} is further back. Wins from today are just as good.',
  'error.win-outcome-unknown':
    'My notebook went quiet just as I was saving that, so I can\'t tell whether it went in. I may have saved it — `/wins` shows it if so. If it isn\'t there in a minute, please log it again.',
  'error.slow-down': 'Whoa, that\'s a lot at once! 🌱 I didn\'t save that one — give it half a minute, then try again. Every win still counts.',
  'error.slow-down-copy': 'Whoa, that\'s a lot at once! 🌱 I didn\'t save that one — give it half a minute, then try again. Every win still counts. Here it is to copy:',
  'error.not-own-message': 'Only the person who wrote a message can log it as their win, so this one is theirs to log. 🌱 Got one of your own? `/win` it.',
  'error.message-empty': 'That message has no words I can log (just pictures or embeds?). Try `/win` with a few words about it instead — every size counts.',
  'error.already-logged': 'That message is already logged as a win — it counts once, and it counted! 🌱',
  'error.message-too-old':
    'That message is from more than {maxDays} days ago, and I can only log wins from the last {maxDays} days. Today\'s wins count just as much — `/win` one?',
  'error.message-too-long': 'That message has {length} characters, and a win can be at most {max}. Try `/win` with a shorter version — here it is to trim:',

  // Errors anywhere
  'error.apology': 'Sorry — something went wrong on my side and I couldn\'t finish that. If it keeps happening, tell an admin this reference: `{ref}`.',
  'error.database-unavailable': 'I couldn\'t reach my notebook just now, so nothing was saved — please try again in a minute.',
  'error.database-unavailable-reading': 'I couldn\'t reach my notebook just now, so I can\'t look that up — nothing you saved is lost. Please try again in a minute.',
  'error.database-full': 'My notebook has run out of room, so nothing was saved. Please let an admin know; it will work again once they\'ve made space.',
  'home.ask': "I'd love to keep this for you! You're in a few servers with me, so tell me which one is home first: `/settings home`. Nothing was saved this time. 🌱",
  'home.none': "I'd love to keep this for you, but we don't share a server where I could count it yet. Use me once in a server I'm in, and then this works from anywhere. Nothing was saved this time. 🌱",
  'home.chosen': "You share one server with me, so that's your home for wins logged here (and from DMs). Change it any time with `/settings home`. 🌱",
  'home.notShared': "I can only make a server home when we're both in it. Pick one from the list under `home`; nothing changed meanwhile. 🌱",
  'home.set': "Done: that server is home now. Wins you log from DMs, or from servers I'm not in, count there, privately. 🌱",
  'error.bot-not-in-server': 'I\'m not in this server, so I can\'t keep anything here and nothing was saved. Ask an admin to add me, or use me in a server we share.',
  'error.took-too-long':
    'My notebook is very slow to answer right now, so I couldn\'t finish that in time. If you were saving something, it may still go through — check again in a minute before trying again.',
  'error.unknown-button': 'That button is from an older message and no longer does anything.',
  'error.unknown-command': 'I don\'t know that one (yet). `/help` shows what I can do.',
  'error.not-in-guild': 'Small Wins lives in servers — try this in a server we share.',
  'error.guild-only': 'Small Wins works inside a server: run this there, not in DMs.',

  // /goal
  'goal.added':
    'New goal: **{title}**, {target} a {period, select, week {week} other {month}}. {share, select, private {Only you can see it.} partner {You and your check-in partner can see it.} other {Anyone here can see it.}}\nLink wins to it with `/win goal:`. Start small, grow when you want to. 🌱',
  'goal.edited':
    'Updated: **{title}**, {target} a {period, select, week {week} other {month}} ({share, select, private {private} partner {partner} other {server}}).{newTarget, select, yes { Periods before today keep the target they had.} other {}}',
  'goal.archived': 'Archived **{title}**. Its wins stay yours, and still count in your progress. Letting a goal go is a decision too.',
  'goal.offer.accepted': 'Done: **{title}** is now {to} a {period, select, week {week} other {month}}, starting this {period, select, week {week} other {month}}.',
  'goal.offer.declined': 'Keeping **{title}** at {from} a {period, select, week {week} other {month}}. I won\'t ask again for this run.',
  'goal.offer.smaller':
    '**{title}** hasn\'t landed for three {period, select, week {weeks} other {months}} running. That happens, and it\'s no failing of yours. Would **{to} a {period, select, week {week} other {month}}** feel better for now?',
  'goal.offer.bigger':
    '**{title}** has been met three {period, select, week {weeks} other {months}} running. 🌟 Ready to try **{to} a {period, select, week {week} other {month}}**? Only if you want to.',
  'goal.offer.accept': 'Make it {to} a {period, select, week {week} other {month}}',
  'goal.offer.keep': 'Keep {from}',
  'goal.progress': '{bar} {count}/{target} {period, select, week {this week} other {this month}}{done, select, yes { ✅} other {}}',
  'goal.choice': '{title} ({target} a {period, select, week {week} other {month}})',
  'error.goal-not-picked': 'I couldn\'t find that among your active goals. Pick one from the list as you type, or see them all with `/goal list`.',
  'goal.share.private': '🔒 just you',
  'goal.share.partner': '🤝 you and your partner',
  'goal.share.server': '👀 shared with the server',
  'goal.list.title': 'Your goals',
  'goal.list.empty': 'No goals yet, and that is fine: wins count without them. When you want one, try `/goal add title: Read target: 2 period: week`.',
  'goal.list.footer': 'Link a win to a goal with /win goal:. Only you can see this.',
  'goal.list.entry': '**{title}** · {target} a {period, select, week {week} other {month}} · {share}',
  'error.goal-limit': 'You already have {max} active goals, which is plenty. Archive one with `/goal archive` to make room.',
  'error.goal-title-taken': 'You already have an active goal called **{title}**. Pick another title, or change that one with `/goal edit`.',
  'error.goal-title-empty': 'A goal needs a title, even a short one like "Read".',
  'error.goal-title-invisible': 'A goal needs a title, even a short one like "Read". Yours shows nothing on screen:',
  'error.goal-title-too-long': 'A goal title can be at most {max} characters (yours has {length}).',
  'error.goal-target-range': 'A target is a whole number from {min} to {max}. Small is good!',
  'error.goal-period-unknown': 'The period can be `week` or `month`.',
  'error.goal-share-unknown': 'The share can be `private` or `partner` or `server`.',
  'error.nothing-to-change': 'Tell me what to change: `title`, `target`, `period`, `share`, or the plan (`when`, `then`, `at`).',
  'error.goal-not-found': 'That goal was archived a moment ago.',
  'error.offer-gone': 'That offer has already been answered, so nothing changed.',
  'error.not-yours': 'Those buttons belong to someone else’s goals.',

  // /progress
  'progress.title': 'Your progress 🌱',
  'progress.thisWeek': 'This week',
  'progress.streak': 'Weekly streak',
  'progress.best': 'Your best week',
  'progress.goals': 'Goals',
  'progress.footer': 'Your wins per day, last 26 weeks ({timezone}). Only you can see this.',
  'progress.onlyYou': 'Only you can see this.',
  'progress.calendarAlt': 'Your wins per day over the last 26 weeks',
  'progress.more': '…and {count} more',
  'progress.nudge.1': 'You haven\'t logged a win here yet — and that\'s completely fine.',
  'progress.nudge.2': 'Start with something tiny: `/win text: made my bed` counts. Your streak, your usual week and your win calendar grow from there.',
  'progress.shared.title': 'Shared progress',
  'progress.shared.some': 'Here\'s what {member} has chosen to share with {partner, select, yes {the server, and with you as their partner this week (🤝)} other {the server}}:',
  'progress.shared.none': 'Nothing shared yet. {member}\'s goals and wins are theirs unless they choose to share a goal with the server — and that\'s on purpose.',
  'progress.shared.goals': 'Shared goals',
  'progress.shared.footer': 'Small Wins never compares members: the only race is with your own past.',
  'error.progress-bot': 'Bots don\'t log wins, so there\'s no progress to show there. Try `/progress` on its own to see yours. 🌱',

  // A member\'s own figures (/progress, the DM recap, the web view)
  'pace.usual.fewWeeks': 'a win every few weeks',
  'pace.usual.otherWeek': 'a win every other week or so',
  'pace.usual.about': 'about {count, plural, one {# win} other {# wins}} a week',
  'pace.usual.between': '{low} or {high} wins a week',
  'pace.week.none.new': 'No wins yet this week — one small thing is enough to start.',
  'pace.week.some.new': '{count, plural, one {# win} other {# wins}} this week — your first week here, so this is the start of your usual.',
  'pace.week.none.quiet': 'No wins yet this week — the last few weeks were quiet, and that\'s okay. One small thing is enough to start again.',
  'pace.week.some.quiet': '{count, plural, one {# win} other {# wins}} this week — up from a quiet few weeks. Welcome back! 🎉',
  'pace.week.none': 'No wins yet this week — you usually log {usual}, and one small thing is enough to start.',
  'pace.week.ahead': '{count, plural, one {# win} other {# wins}} this week — you usually log {usual}. You\'re ahead of your own pace! 🎉',
  'pace.week.around': '{count, plural, one {# win} other {# wins}} this week — right around your usual ({usual}).',
  'pace.week.below': '{count, plural, one {# win} other {# wins}} this week — you usually log {usual}. Every one counts, and the week isn\'t over.',
  'pace.streak.best': ' Your best: {best, plural, one {# week} other {# weeks}}.',
  'pace.streak.pausedWith': '⏸️ You\'re on a pause, so your streak of {count, plural, one {# week} other {# weeks}} is frozen, safe until you\'re back.{best}',
  'pace.streak.paused': '⏸️ You\'re on a pause: nothing breaks while you rest.{best}',
  'pace.streak.newAfter': 'A new streak starts with your next win.{best}',
  'pace.streak.none': 'A streak starts with your next win.',
  'pace.streak.begun': '🔥 Your streak has begun: 1 week with a win.{best}',
  'pace.streak.run': '🔥 {count} weeks in a row with a win{repaired}.{record, select, longest { Your longest yet!} matches { That matches your best.} other {{best}}}',
  'pace.streak.repaired': ' (with {count, plural, one {# repaired week} other {# repaired weeks}} 🩹)',
  'pace.ghost.first': '👻 This is your best week so far — next week it becomes your ghost to chase.',
  'pace.ghost.when': '{count, plural, one {# win} other {# wins}} in the week of {date}',
  'pace.ghost.passed': '👻 You passed your ghost ({when}): this is your best week yet!',
  'pace.ghost.caught': '👻 You\'ve caught your ghost ({when}). One more passes it!',
  'pace.ghost.chasing': '👻 Your ghost: {when} — {gap} to catch it.',

  // /wins
  'wins.title.week': 'Your wins this week',
  'wins.title.month': 'Your wins this month',
  'wins.title.all': 'All your wins',
  'wins.empty.week': 'No wins this week yet — `/win` one small thing? Every size counts.',
  'wins.empty.month': 'No wins this month yet — `/win` one small thing? Every size counts.',
  'wins.empty.all': 'No wins logged here yet — `/win` one small thing? "Answered one email" counts.',
  'wins.private': '🔒 private',
  'wins.footer.empty': 'Only you can see this list.',
  'wins.footer': 'page {page} of {pages} · {total, plural, one {# win} other {# wins}} · only you can see this list',
  'wins.confirm': 'Delete this win for good?{celebrated, select, yes { Its celebration in the channel will be removed too.} other {}} This can\'t be undone.',
  'wins.confirm.delete': 'Delete for good',
  'wins.confirm.keep': 'Keep it',
  'wins.deleted': '🗑 Deleted “{text}”. It\'s gone for good.',
  'wins.alreadyGone': 'That win was already gone — here is your list as it is now.',
  'error.period-unknown': 'I can list your wins for `week`, `month` or `all` — pick one of those.',
  'error.not-your-list': 'These buttons belong to someone else’s list — run `/wins` to see your own.',

  // /checkin
  'checkin.private': 'Noted, just for you. 📓 Writing it down counts too.',
  'checkin.noPartner': 'Noted! 📓 You don\'t have a partner this week, so it stays with you. (`/partner status` says why.)',
  'checkin.sent': 'Checked in! ✨ I sent it to {partners}.',
  'checkin.updated':
    '{count, plural, one {Updated! ✏️ Your partner already got a check-in from you today, so I saved your new words without sending another DM. They\'ll see the latest in `/partner status`.} other {Updated! ✏️ Your partners {partners} each already got a check-in from you today, so I saved your new words without sending another DM. They\'ll each see the latest in `/partner status`.}}',
  'checkin.saved': 'Checked in! ✨ Your note is saved.',
  'checkin.notDelivered': '{delivery, select, failed {I couldn\'t deliver it to} other {I didn\'t DM it to}} {partner}: {why}. Your note is saved, and `/partner status` shows it to them.',
  'checkin.why.dms-off': 'they haven\'t asked for DMs from me',
  'checkin.why.not-partner': 'they haven\'t asked for partner DMs',
  'checkin.why.paused': 'they\'re taking a break',
  'checkin.why.dms-closed': 'their DMs are closed to me',
  'checkin.why.undelivered': 'Discord wouldn\'t take it just now',
  'error.note-empty': 'A check-in needs a few words — even "tired, but still here" is plenty. Try again with a `note`.',
  'error.note-invisible': 'A check-in needs a few words — even "tired, but still here" is plenty. Try again with a `note`. Yours shows nothing on screen:',
  'error.note-too-long':
    'That\'s a lot on your mind, and it\'s welcome — but a check-in can be at most {max} characters (yours has {length}). Could you trim it a little? Here it is to copy:',

  // The server\'s weekly recap
  'recap.title': 'Small wins, {dates}',
  'recap.together': '**Together**: {text}',
  'recap.beatUsual': '{count, plural, one {# member} other {# members}} beat their own usual week. 🌱',
  'recap.together.text':
    '{members, plural, =0 {Members} one {# member} other {# members}} logged {wins, plural, one {# win} other {# wins}} {span}{goals, plural, =0 {} one {, and # goal was met} other {, and # goals were met}}.',
  'recap.span.week': 'this week',
  'recap.span.weeks':
    '{count, plural, =2 {these two weeks} =3 {these three weeks} =4 {these four weeks} =5 {these five weeks} =6 {these six weeks} =7 {these seven weeks} =8 {these eight weeks} =9 {these nine weeks} =10 {these ten weeks} other {these # weeks}}',
  'recap.span.days': '{count, plural, =8 {these eight days} =9 {these nine days} =10 {these ten days} other {these # days}}',
  'recap.quietGoals': 'Quietly, {goals, plural, one {# goal was met} other {# goals were met}} {span}. 🌿',
  'recap.invitation': 'Whenever you’re ready, /win and a few words is all it takes. One small thing is plenty. 🌱',
  'recap.togetherLabel': 'Together',
  'recap.lateWeb': 'Posted a little late: I was offline for a while.',
  'recap.late': '*Posted a little late: I was offline for a while.*',
  'recap.highlights': 'Highlights ✨',
  'recap.archive': 'From the archive 📜',
  'recap.archive.year': 'A year ago this week, {member} logged:',
  'recap.archive.month': 'A month ago, {member} logged:',
  'recap.archive.older': 'From the archive: on {date}, {member} logged:',
  'recap.footer': 'Every size counts, and the only comparison here is with your own past. 🌱',
  'recap.partners.heading': '🤝 **This week\'s partners**: say hello, and `/checkin` whenever you\'re ready.',
  'recap.partners.more': '…and {count, plural, one {# more group} other {# more groups}}: `/partner status` shows yours.',

  // The personal recap by DM
  'dm.title': 'Your week of {date}',
  'dm.footer': 'Only you get this, and it only ever compares you with you. Turn it off with /settings dms:false.',
  'dm.goals': 'Your goals',
  'dm.goals.more': '…and {count} more in `/goal list`.',
  'dm.partners': 'Your partners this week 🤝',
  'dm.partners.text': '{partners}: say hello, and `/checkin` whenever you\'re ready.',
  'dm.oldWin': 'Remember this? 🌱',
  'dm.oldWin.text': 'On {date} you logged:',
  'dm.week.soFarEmpty': 'No wins logged yet this week, and there’s still a little of it left. One small thing is plenty.',
  'dm.week.quiet.0': 'A quiet week, with no wins logged, and that’s okay: rest is part of it. One small thing is enough to start again.',
  'dm.week.quiet.1': 'No wins logged this week. Some weeks are for getting through, and that counts too.',
  'dm.week.quiet.2': 'Nothing logged this week, and nothing to catch up on either. The next small thing can be tiny.',
  'dm.week.quiet.3': 'A gentle week in the log. If you did one small thing and didn’t write it down, it still happened.',
  'dm.week.quiet.4': 'The log was quiet this week. Resting is part of the work, not a break from it.',
  'dm.week.quiet.5': 'A pause in the log this week. When you’re ready, a few words about one small thing are plenty.',
  'dm.week.quiet.6': 'This week stayed off the log, and that’s allowed. Weeks like this are part of every long story.',
  'dm.week.quiet.7': 'No wins this week. Catching your breath is part of it too.',
  'dm.week.quiet.8': 'A still week. Whenever you feel like it, one small step is a fine place to pick things up.',
  'dm.week.quiet.9': 'A week without entries, which happens to everyone. You are still here, and that is what matters.',
  'dm.week.logged': 'You logged {count, plural, one {# win} other {# wins}} this week{over, select, yes {} other { so far}}',
  'dm.week.new': '{logged}. Soon you’ll have a usual week of your own to look back on. 🌱',
  'dm.week.back': '{logged}, after a quiet month. Welcome back! 🌱',
  'dm.week.ahead': '{logged}: more than your usual week ({usual}). 🌟',
  'dm.week.below': '{logged}; you usually log {usual}. Quieter weeks are part of it, and every one of those wins counts.',
  'dm.week.around': '{logged}, right around your usual week ({usual}). Steady. 🌿',
  'dm.streak.open': '🔥 Your streak of {count, plural, one {# week} other {# weeks}} is still open: one small win before your week ends keeps it going.',
  'dm.goal.progress': '{bar} {count}/{target} {periodWords}',
  'dm.goal.met': '✅ {title}: {progress}. Met! 🎉',
  'dm.goal.soFar': '🌱 {title}: {progress} so far. Your {period, select, week {week} other {month}} isn’t over yet, so there’s still time, and no pressure either way.',
  'dm.goal.paused': '⏸️ {title}: {progress}. You took a pause during it, so it isn’t judged: rest is part of it too.',
  'dm.goal.missed': '🌱 {title}: {progress}. Not this time, and that’s okay: you can do your best and still fall short.',
  'dm.goal.missedOffer':
    '🌱 {title}: {progress}. Not this time, and that’s okay: you can do your best and still fall short. It hasn’t landed for a few {period, select, week {weeks} other {months}} running. Want to try {to} a {period, select, week {week} other {month}} instead? `/goal edit`',
  'dm.periodWords.thisWeek': 'this week',
  'dm.periodWords.month': 'in {month}',
  'dm.closing.0': 'Whatever next week brings, every size counts.',
  'dm.closing.1': 'Rest is part of it. So is starting again.',
  'dm.closing.2': 'You can do your best and still fall short. You are still doing the thing.',
  'dm.closing.3': 'One small win at a time: that is the whole trick.',
  'dm.closing.4': 'Be as kind to yourself next week as you would be to a friend.',
  'dm.closing.5': 'Next week is a fresh page, and it is yours.',

  // /config language and recap day
  'config.language.auto': 'The recap will follow the server\'s Discord language ({language} right now).',
  'config.language.saved': 'The recap will speak {language} from now on.',
} as const;

export type MessageKey = keyof typeof messages;

/** A translation: any message may be missing (English then speaks), none may be added. */
export type Catalogue = { readonly [K in MessageKey]?: string } & { readonly [line: `encouragement.${string}`]: string };

/** The encouragement bank’s English lines, keyed by their stable ids (src/domain/recap/encouragement.ts). */
const encouragement = Object.fromEntries(ENCOURAGEMENT_BANK.map((line) => [`encouragement.${line.id}`, line.text])) as Record<`encouragement.${string}`, string>;

export const en: Catalogue & typeof messages = { ...messages, ...encouragement };
