import { html } from 'hono/html';
import type { WebSession } from '../../db/schema.js';
import type { Translator } from '../../i18n/index.js';
import { page, type Html, type SharedGuild } from '../layout.js';
import { code, rich } from '../say.js';

const signInButton = (tr: Translator): Html => html`<p><a class="button" href="/auth/login">${tr.t('web.home.signIn')}</a></p>`;

/** `guilds`: the session's servers the bot is still in (the session keeps those of its sign-in). */
export function homePage(tr: Translator, session: WebSession | undefined, signedOut: boolean, guilds: readonly SharedGuild[]): Html {
  if (!session) {
    return page({
      tr,
      title: tr.t('web.home.welcome.title'),
      notice: signedOut ? tr.t('web.home.signedOut') : undefined,
      body: html`<h1>${tr.t('web.home.welcome.heading')}</h1>
<p>${tr.t('web.home.welcome.intro')}</p>
${signInButton(tr)}
<p class="muted">${tr.t('web.home.welcome.privacy')}</p>`,
    });
  }
  return page({
    tr,
    title: tr.t('web.home.servers.title'),
    session,
    body: html`<h1>${tr.t('web.home.servers.hello', { name: session.username })}</h1>
${guilds.length === 0
      ? html`<p>${rich(tr, 'web.home.servers.none', {}, { command: code('/win') })}</p>`
      : html`<p>${tr.t('web.home.servers.pick')}</p>
<ul>${guilds.map((g) => html`<li><a href="/g/${g.id}">${g.name}</a>${g.manage ? html` <span class="tag">${tr.t('web.home.servers.manage')}</span>` : ''}</li>`)}</ul>`}
<p class="muted">${tr.t('web.home.servers.joined')}</p>`,
  });
}

/** A page that says one thing: a refusal, a failure, "nothing here". `title` and `text` are already in the reader's language. */
export function messagePage(tr: Translator, session: WebSession | undefined, title: string, text: string, offerSignIn = false): Html {
  return page({ tr, title, session, body: html`<h1>${title}</h1><p>${text}</p>${offerSignIn ? signInButton(tr) : html`<p><a href="/">${tr.t('web.home.back')}</a></p>`}` });
}
