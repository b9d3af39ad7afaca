/** Client side of utils/messenger.ts: sends a typed request and unwraps the reply envelope. */
import { browser } from 'wxt/browser';
import type { ReplyData, Request } from './messages';
import { ReplySchema } from './messages';

export class MessageError extends Error {
  override name = 'MessageError';
}

export async function sendRequest<T extends Request>(request: T): Promise<ReplyData[T['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new MessageError('Greenway background did not answer');
  if (!reply.data.ok) throw new MessageError(reply.data.error);
  return reply.data.data as ReplyData[T['type']];
}
