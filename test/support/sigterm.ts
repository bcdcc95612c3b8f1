import type { InteractionResult, Sandbox, StoredMessage } from '../../src/sandbox/index.js';

/** The messages a member saw in answer to one interaction (the original, unless deleted, and follow-ups). */
export function answersOf(result: InteractionResult): StoredMessage[] {
  return [...(result.message && !result.message.deleted ? [result.message] : []), ...result.followUps];
}

/** The bot's JSON log lines (anything else it printed is skipped). */
export function logLines(output: string): { msg?: string; time?: number; [field: string]: unknown }[] {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? [parsed as { msg?: string; time?: number }] : [];
    } catch {
      return [];
    }
  });
}

/** Watches, from the sandbox's side, for the moment the bot's gateway socket closes. */
export function gatewayWatch(sandbox: Sandbox): { readonly closedAt: number | undefined; stop(): void } {
  let closedAt: number | undefined;
  const timer = setInterval(() => {
    if (closedAt === undefined && !sandbox.botConnected) closedAt = Date.now();
  }, 5);
  return {
    get closedAt() {
      return closedAt;
    },
    stop: () => clearInterval(timer),
  };
}
