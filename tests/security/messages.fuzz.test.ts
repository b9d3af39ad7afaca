/**
 * The background's message router under attack: arbitrary values from arbitrary senders. Foreign
 * senders (other extensions, web pages, look-alike origins) get no reply and reach no handler; our
 * own contexts always get a reply — an error for anything that is not a valid request of theirs —
 * and nothing ever throws. Prototype-pollution shaped payloads do not pollute.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Request } from '@/utils/messaging/protocol';
import { createMessageRouter, type Handlers, type SenderInfo } from '@/utils/messaging/router';
import { countCases, fuzzTimeout, reportCases } from './counts';

const ID = 'greenwayextensionidaaaaaaaaaaaaa';
const ORIGIN = `chrome-extension://${ID}`;

function spies() {
  const calls: string[] = [];
  const h = (type: string) => vi.fn(async () => (calls.push(type), null as never));
  const handlers = {
    'page:detected': h('page:detected'),
    'lookup:many': h('lookup:many'),
    'lookup:badges': h('lookup:badges'),
    'tab:get': h('tab:get'),
    'lookup:doi': h('lookup:doi'),
    'check:link': h('check:link'),
    'check:archive': h('check:archive'),
  } as unknown as Handlers;
  return { handlers, calls };
}

/** Messages that look like ours, with every field possibly wrong, plus anything at all. */
const messageArb = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'page:detected',
          'lookup:many',
          'lookup:badges',
          'tab:get',
          'lookup:doi',
          'check:link',
          'check:archive',
          '__proto__',
          'constructor',
          'toString',
        ),
        fc.string(),
      ),
      doi: fc.oneof(fc.string(), fc.string({ minLength: 301, maxLength: 400 }), fc.anything()),
      dois: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), fc.array(fc.constant('10.1/x'), { minLength: 1001, maxLength: 1001 }), fc.anything()),
      tabId: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(-1)),
      url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', ''), fc.string({ minLength: 4097, maxLength: 4100 })),
      article: fc.anything(),
      pageDoiCount: fc.oneof(fc.nat(), fc.double(), fc.constant(-1)),
      force: fc.anything(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.constant(JSON.parse('{"type":"tab:get","tabId":1,"__proto__":{"polluted":true}}') as unknown),
);

const foreignSender: fc.Arbitrary<SenderInfo> = fc.oneof(
  // Another extension, whatever it claims about its URL.
  fc.record({ id: fc.string(), url: fc.constantFrom(`${ORIGIN}/popup.html`, 'https://evil.example/'), tab: fc.constant({ id: 3 }) }),
  // A web page (no id at all: web pages cannot send runtime messages without externally_connectable).
  fc.record({ url: fc.webUrl(), tab: fc.record({ id: fc.integer() }) }),
  // Our id but a look-alike origin and no tab.
  fc.record({
    id: fc.constant(ID),
    url: fc.constantFrom(`${ORIGIN}.evil.example/popup.html`, `chrome-extension://${ID}x/popup.html`, 'https://evil.example/'),
  }),
  fc.constant({} as SenderInfo),
);

const ownSender: fc.Arbitrary<SenderInfo> = fc.oneof(
  fc.constant({ id: ID, url: `${ORIGIN}/popup.html?tabId=3` }),
  fc.record({ id: fc.constant(ID), url: fc.webUrl(), tab: fc.record({ id: fc.nat() }), frameId: fc.nat({ max: 5 }) }),
);

afterAll(() => reportCases('messages.fuzz'));

describe('message router under arbitrary input', () => {
  it(
    'foreign senders: no reply (undefined, synchronously) and no handler call',
    () => {
      fc.assert(
        fc.property(messageArb, foreignSender, (message, sender) => {
          const { handlers, calls } = spies();
          expect(createMessageRouter(handlers, ID, `${ORIGIN}/`)(message, sender)).toBeUndefined();
          expect(calls).toEqual([]);
        }),
        { numRuns: countCases('messages-foreign', 500) },
      );
    },
    fuzzTimeout(),
  );

  it(
    'our contexts: always a reply; handlers run only for valid requests the sender may make',
    async () => {
      await fc.assert(
        fc.asyncProperty(messageArb, ownSender, async (message, sender) => {
          const { handlers, calls } = spies();
          const reply = await createMessageRouter(handlers, ID, `${ORIGIN}/`)(message, sender);
          expect(reply).toBeDefined();
          const valid = Request.safeParse(message);
          if (!valid.success) {
            expect(reply).toMatchObject({ ok: false });
            expect(calls).toEqual([]);
          }
          if (sender.tab && !String(sender.url).startsWith(ORIGIN)) {
            // A content script may only report its page and ask for badges.
            for (const type of calls) expect(['page:detected', 'lookup:many', 'lookup:badges']).toContain(type);
          }
          expect(calls.length).toBeLessThanOrEqual(1);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: countCases('messages-own', 500) },
      );
    },
    fuzzTimeout(),
  );
});
