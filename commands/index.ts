import type { Command } from '../src/discord/command.js';
import { help } from './help.js';
import { win } from './win.js';

/** The explicit list of commands: what deploy registers and what the router knows. */
export const commands: readonly Command[] = [win, help];
