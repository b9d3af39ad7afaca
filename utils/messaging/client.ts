/** Client side of utils/messenger.ts: sends a typed request and unwraps the reply envelope. */
import { browser } from 'wxt/browser';
// Types only: the content script sends through here, and the message schemas would bundle zod.
import type { Reply, ReplyData, Request } from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

/**
 * Errors that mean "the service worker went away", not "the request failed": MV3 stops an idle or
 * killed worker at any time, dropping the open message channel; the next message starts it again.
 * Every request is safe to repeat (lookups are cached and deduplicated, the rest only read).
 */
const TRANSIENT = /message channel closed|message port closed|Could not establish connection|Receiving end does not exist/i;

export function isTransientMessagingError(error: unknown): boolean {
  return TRANSIENT.test(error instanceof Error ? error.message : String(error));
}

/** Delays before each retry after a transient error; bounded so a dead background still fails fast. */
export const RETRY_DELAYS_MS = [150, 500, 1_000];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendRequest<T extends Request>(request: T): Promise<ReplyData[T['type']]> {
  let raw: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      raw = await browser.runtime.sendMessage(request);
      break;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isTransientMessagingError(error)) throw error;
      await pause(delay);
    }
  }
  const reply = readReply(raw);
  if (!reply) throw new MessageError('Greenway background did not answer');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data as ReplyData[T['type']];
}

/** The reply envelope (`Reply` in ./messages.ts), checked by hand; null when `raw` is not one. */
export function readReply(raw: unknown): Reply<unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { ok, data, error } = raw as Record<string, unknown>;
  // `data` must be there, even as null: a reply without it is not one (as the schema says).
  if (ok === true && 'data' in raw) return { ok: true, data };
  if (ok === false && typeof error === 'string') return { ok: false, error };
  return null;
}
