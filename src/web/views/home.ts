import { html } from 'hono/html';
import type { WebSession } from '../../db/schema.js';
import { page, type Html } from '../layout.js';

const signInButton = html`<p><a class="button" href="/auth/login">Sign in with Discord</a></p>`;

export function homePage(session: WebSession | undefined, signedOut: boolean): Html {
  if (!session) {
    return page({
      title: 'Welcome',
      notice: signedOut ? "You're signed out. See you soon!" : undefined,
      body: html`<h1>Your small wins, all in one place</h1>
<p>Sign in with your Discord account to look back at your wins, goals and win calendar in the servers where Small Wins lives.</p>
${signInButton}
<p class="muted">I only ask Discord who you are and which servers you're in. Nothing is posted anywhere.</p>`,
    });
  }
  const guilds = session.guilds;
  return page({
    title: 'Your servers',
    session,
    body: html`<h1>Hello, ${session.username} 🌱</h1>
${guilds.length === 0
      ? html`<p>I couldn't find a server we share yet. When you're in a server with Small Wins, log a win there with <code>/win</code> and it shows up here.</p>`
      : html`<p>Pick a server to see your wins there. Each server keeps its own, separate history.</p>
<ul>${guilds.map((g) => html`<li><a href="/g/${g.id}">${g.name}</a>${g.manage ? html` <span class="tag">you manage it</span>` : ''}</li>`)}</ul>`}
<p class="muted">Joined a server since you signed in? Sign out and in again to see it.</p>`,
  });
}

export function messagePage(session: WebSession | undefined, title: string, text: string, offerSignIn = false): Html {
  return page({ title, session, body: html`<h1>${title}</h1><p>${text}</p>${offerSignIn ? signInButton : html`<p><a href="/">Back to the start</a></p>`}` });
}
