import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as RestModule from '@discordjs/rest';

/*
 * The web build of @discordjs/rest (see rest.ts for why). Its package exports that build only to
 * runtimes other than Node, so it is loaded here by path. The production bundle (scripts/bundle.mjs)
 * replaces this module with a static import of the same file, so the build is bundled with the rest.
 */
const entry = createRequire(import.meta.url).resolve('@discordjs/rest');
export const rest = (await import(pathToFileURL(join(dirname(entry), 'web.mjs')).href)) as typeof RestModule;
