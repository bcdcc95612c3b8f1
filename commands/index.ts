import { recapConfigured } from '../src/db/guild-settings.js';
import type { Command } from '../src/discord/command.js';
import { withLocalizations } from '../src/discord/command-localizations.js';
import { withSetupHint } from '../src/discord/setup-hint.js';
import { config } from './config.js';
import { goal } from './goal.js';
import { help } from './help.js';
import { logAsWin } from './log-as-win.js';
import { pause } from './pause.js';
import { progress } from './progress.js';
import { recap } from './recap.js';
import { remember } from './remember.js';
import { resume } from './resume.js';
import { settings } from './settings.js';
import { win } from './win.js';
import { wins } from './wins.js';
import { privacy } from './privacy.js';
import { partner } from './partner.js';
import { checkin } from './checkin.js';

/** The explicit list of commands: what deploy registers and what the router knows. */
export const commands: readonly Command[] = [win, logAsWin, goal, progress, remember, wins, settings, pause, resume, help, config, recap, privacy, partner, checkin].map((command) =>
  withSetupHint(withLocalizations(command), recapConfigured),
);
