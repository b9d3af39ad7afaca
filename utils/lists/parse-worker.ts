/**
 * The list parser as a dedicated worker (check page): reading a 5,000-entry BibTeX file costs about a
 * second of parsing, which here never blocks the page. One request at a time per message; the
 * protocol is in ./off-thread.ts. No `wxt/browser`, no DOM: only the parsers.
 */
import { parseList } from './parse';
import { isParseRequest, type ParseReply } from './off-thread';

// A dedicated worker's global scope, typed by hand (the project's lib is the DOM's).
const scope = self as unknown as { onmessage: ((event: MessageEvent<unknown>) => void) | null; postMessage(message: ParseReply): void };

scope.onmessage = (event) => {
  const request = event.data;
  if (!isParseRequest(request)) return;
  const read = typeof request.input === 'string' ? Promise.resolve(request.input) : request.input.text();
  read
    .then((text) => parseList(text, request.name))
    .then(
      (list) => scope.postMessage({ id: request.id, list }),
      (error: unknown) => scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
};
