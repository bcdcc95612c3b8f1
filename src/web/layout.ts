import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { WebSession } from '../db/schema.js';
import { CALENDAR_WEEKS } from '../domain/local-day-counts.js';
import { calendarSize } from '../discord/render/win-calendar.js';
import type { MessageKey, Translator } from '../i18n/index.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface SharedGuild {
  id: string;
  name: string;
  manage: boolean;
}

/** The win calendar's own drawn width: narrower than this, its counts stop being readable. */
export const CALENDAR_MIN_WIDTH = calendarSize(CALENDAR_WEEKS).width;

// Light page, dark text: every pair here is above WCAG AA's 4.5:1. Our own constant, so it goes in unescaped
// (escaped, `.card>h2` and `"Segoe UI"` would stop working).
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8f6}
a{color:#0b5d2a}a:hover{color:#073d1c}
:focus-visible{outline:3px solid #0b5d2a;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header.top{background:#0f3d22;color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:space-between}
header.top a{color:#fff;font-weight:700;text-decoration:none;font-size:1.15rem}
header.top form{display:inline}header.top .who{font-size:.95rem}
header.top button{background:transparent;color:#fff;border:1px solid #fff;padding:4px 10px;border-radius:6px;font:inherit;cursor:pointer}
nav.guild{background:#fff;border-bottom:1px solid #d0d7d2;padding:0 12px;overflow-x:auto}
nav.guild ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 4px}
nav.guild a{display:block;padding:10px 10px;text-decoration:none;color:#1f2328;white-space:nowrap;border-bottom:3px solid transparent}
nav.guild a[aria-current=page]{border-bottom-color:#0b5d2a;font-weight:600}
main{max-width:880px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;margin:.4em 0}h2{font-size:1.2rem;margin:1.2em 0 .4em}
.card{background:#fff;border:1px solid #d0d7d2;border-radius:10px;padding:14px 16px;margin:12px 0}
.notice{background:#e6f4ea;border:1px solid #8cc79f;border-radius:8px;padding:10px 14px}
.problem{background:#fff4e0;border:1px solid #d4a24c;border-radius:8px;padding:10px 14px}
.muted{color:#57606a}
button,.button{display:inline-block;background:#0b5d2a;color:#fff;border:0;border-radius:6px;padding:8px 14px;font:inherit;cursor:pointer;text-decoration:none}
button.danger,.button.danger{background:#a1261b}
button.plain,.button.plain{background:#fff;color:#1f2328;border:1px solid #8c959f}
label{display:block;font-weight:600;margin:.6em 0 .2em}
input[type=text],input[type=search],input[type=time],select,textarea{width:100%;max-width:28rem;padding:8px;border:1px solid #8c959f;border-radius:6px;font:inherit;background:#fff;color:#1f2328}
textarea{max-width:100%;min-height:6rem}
.check label{display:inline;font-weight:400}
fieldset{border:1px solid #d0d7d2;border-radius:8px;margin:10px 0}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end}.filters label{margin-top:0}
.filters>div{flex:1 1 12rem}
ol.wins{list-style:none;padding:0}
ol.wins li{background:#fff;border:1px solid #d0d7d2;border-radius:10px;padding:10px 14px;margin:8px 0}
.win-text{white-space:pre-wrap;overflow-wrap:anywhere}
.meta{font-size:.9rem;color:#57606a}
.tag{display:inline-block;font-size:.8rem;border-radius:999px;padding:1px 8px;background:#eaeef2;color:#1f2328}
.tag.private{background:#f3e8ff;color:#4a1d7a}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:6px}
.pager{display:flex;gap:12px;align-items:center;justify-content:space-between;flex-wrap:wrap}
/* On a phone the calendar keeps its drawn size and scrolls sideways, so every day stays readable. */
.calendar{overflow-x:auto;max-width:100%}.calendar svg{display:block;width:100%;max-width:640px;min-width:${CALENDAR_MIN_WIDTH}px;height:auto}
/* A long word in a title or a win wraps instead of widening the page. */
.goal-title,.card,li,td,h1,h2,h3{overflow-wrap:anywhere}
.card>h2:first-child,.card>h3:first-child{margin-top:.2em}
progress{width:100%;max-width:20rem;height:14px;accent-color:#0b5d2a}
table{border-collapse:collapse}td,th{padding:4px 10px;text-align:left;border-bottom:1px solid #d0d7d2}
.embed{border-left:4px solid #0b5d2a;background:#f6f8fa;padding:4px 14px;border-radius:6px}.embed p{white-space:pre-wrap}.embed h3,.embed h4{margin:.6em 0 .2em}
footer{max-width:880px;margin:24px auto;padding:0 16px;color:#57606a;font-size:.9rem}
@media (max-width:520px){main{padding:10px}h1{font-size:1.35rem}}
`;

export function csrfField(session: WebSession): Html {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
}

const TABS: readonly (readonly [string, MessageKey])[] = [
  ['', 'web.tab.overview'],
  ['/wins', 'web.tab.wins'],
  ['/settings', 'web.tab.settings'],
  ['/data', 'web.tab.data'],
];

function guildNav(tr: Translator, guild: SharedGuild, active: string): Html {
  const tabs = guild.manage ? [...TABS, ['/admin', 'web.tab.admin'] as const] : TABS;
  const base = `/g/${guild.id}`;
  return html`<nav class="guild" aria-label="${guild.name}"><ul>
${tabs.map(([path, label]) => html`<li><a href="${base}${path}"${path === active ? html` aria-current="page"` : ''}>${tr.t(label)}</a></li>`)}
</ul></nav>`;
}

export interface PageOptions {
  /** The reader's language: every word of the page, and `<html lang>`. */
  tr: Translator;
  title: string;
  session?: WebSession | undefined;
  guild?: SharedGuild | undefined;
  /** Which tab of the server's pages is open ('' for the overview). */
  active?: string;
  notice?: string | undefined;
  body: Html;
}

export function page(options: PageOptions): Html {
  const { session, guild, tr } = options;
  return html`<!doctype html>
<html lang="${tr.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tr.t('web.page.title', { title: options.title })}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<a class="skip" href="#content">${tr.t('web.page.skip')}</a>
<header class="top">
<a href="/">🌱 Small Wins</a>
${session
    ? html`<span class="who">${tr.t('web.page.signedInAs', { name: session.username })}
<form method="post" action="/auth/logout">${csrfField(session)}<button type="submit">${tr.t('web.page.signOut')}</button></form></span>`
    : ''}
</header>
${guild ? guildNav(tr, guild, options.active ?? '') : ''}
<main id="content" tabindex="-1">
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${options.body}
</main>
<footer>${tr.t('web.page.footer')}</footer>
</body>
</html>`;
}
