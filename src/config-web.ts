// A namespace import, so the production bundle keeps only the parts of zod it uses (not its 64 locales).
import * as z from 'zod';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The web view's three variables (SPEC §8): all set, or none. */
export const webViewEnv = {
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://wins.example.org' }).optional()),
  DISCORD_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional()),
};

export interface WebViewConfig {
  /** Where members reach the web view, without a trailing slash; the OAuth2 redirect is `${publicUrl}/auth/callback`. */
  publicUrl: string;
  clientSecret: string;
  sessionSecret: string;
}

type WebViewEnv = { PUBLIC_URL?: string | undefined; DISCORD_CLIENT_SECRET?: string | undefined; SESSION_SECRET?: string | undefined };

/** The web view's settings; undefined when none is set; a message naming the missing ones when only some are. */
export function webViewOf(e: WebViewEnv): WebViewConfig | undefined | string {
  const { PUBLIC_URL: publicUrl, DISCORD_CLIENT_SECRET: clientSecret, SESSION_SECRET: sessionSecret } = e;
  if (publicUrl === undefined && clientSecret === undefined && sessionSecret === undefined) return undefined;
  if (publicUrl === undefined || clientSecret === undefined || sessionSecret === undefined) {
    const missing = Object.entries({ PUBLIC_URL: publicUrl, DISCORD_CLIENT_SECRET: clientSecret, SESSION_SECRET: sessionSecret })
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    return `the web view needs PUBLIC_URL, DISCORD_CLIENT_SECRET and SESSION_SECRET together; missing ${missing.join(', ')}`;
  }
  return { publicUrl: publicUrl.replace(/\/+$/, ''), clientSecret, sessionSecret };
}
