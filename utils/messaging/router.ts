/**
 * The background's message router. Like Dark Reader's messenger it checks who is talking before it
 * listens: only our own extension pages and our own content scripts are answered. Messages are
 * validated with zod; unknown or malformed ones get an error reply and no side effect.
 */
import type { Reply, ReplyData, Request, RequestType } from './protocol';
import { Request as RequestSchema } from './protocol';

export interface SenderInfo {
  /** Extension id of the sender (runtime.MessageSender.id). */
  id?: string;
  /** URL of the sending frame. */
  url?: string;
  /** Present when the message came from a content script in a tab. */
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'content' | 'extension-page';

/** Who sent a validated message; `url` is a content script's frame address (absent for extension pages). */
export interface HandlerSender {
  kind: SenderKind;
  tabId: number | null;
  frameId: number;
  url?: string;
}

export type Handlers = {
  [K in RequestType]: (message: Extract<Request, { type: K }>, sender: HandlerSender) => Promise<ReplyData[K]>;
};

/** Which requests each kind of sender may make: content scripts cannot read other tabs' state. */
const ALLOWED: Record<SenderKind, ReadonlySet<RequestType>> = {
  content: new Set<RequestType>(['page:detected', 'lookup:many', 'lookup:badges']),
  'extension-page': new Set<RequestType>(['tab:get', 'lookup:doi', 'lookup:id', 'lookup:many', 'check:link', 'check:archive', 'lookup:list', 'tab:dois']),
};

/** Classifies a sender, or returns null for anything that is not us. */
export function classifySender(sender: SenderInfo, ownId: string, ownOrigin: string): SenderKind | null {
  if (!sender || sender.id !== ownId) return null;
  const origin = ownOrigin.replace(/\/+$/, '');
  if (typeof sender.url === 'string' && (sender.url === origin || sender.url.startsWith(`${origin}/`))) {
    return 'extension-page';
  }
  if (sender.tab && typeof sender.tab.id === 'number' && sender.tab.id >= 0) return 'content';
  return null;
}

function describeIssue(raw: unknown): string {
  const type =
    raw && typeof raw === 'object' && 'type' in raw && typeof (raw as { type: unknown }).type === 'string' ? (raw as { type: string }).type.slice(0, 40) : null;
  return type ? `Malformed or unknown message "${type}"` : 'Malformed message';
}

/**
 * Builds an `onMessage` listener. Every message from one of our contexts gets a reply (errors
 * included), so callers never hang. For foreign senders it returns `undefined` synchronously — not a
 * promise — which leaves the reply slot to other listeners and tells the sender nothing.
 */
export function createMessageRouter(handlers: Handlers, ownId: string, ownOrigin: string) {
  return (raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined => {
    const kind = classifySender(sender, ownId, ownOrigin);
    if (!kind) return undefined;
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: describeIssue(raw) });
    const message = parsed.data;
    if (!ALLOWED[kind].has(message.type)) {
      return Promise.resolve({ ok: false, error: `"${message.type}" is not allowed from this context` });
    }
    const tabId = kind === 'content' ? (sender.tab?.id ?? null) : null;
    const handler = handlers[message.type] as (m: Request, s: HandlerSender) => Promise<unknown>;
    const url = kind === 'content' && typeof sender.url === 'string' ? sender.url : undefined;
    return handler(message, { kind, tabId, frameId: sender.frameId ?? 0, ...(url ? { url } : {}) }).then(
      (data): Reply<unknown> => ({ ok: true, data }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
}
