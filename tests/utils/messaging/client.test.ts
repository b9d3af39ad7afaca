/**
 * The message client survives a service worker that stops mid-request: transient channel errors are
 * retried a bounded number of times; real errors and error replies are not retried.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import fc from 'fast-check';
import { ReplySchema } from '@/utils/messaging/protocol';
import { MessageError, RETRY_DELAYS_MS, isTransientMessagingError, readReply, sendRequest } from '@/utils/messaging/client';

const CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

afterEach(() => vi.useRealTimers());

describe('sendRequest', () => {
  it('retries when the worker dropped the channel, then returns the answer', async () => {
    vi.useFakeTimers();
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error(CLOSED))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, data: null });
    const reply = sendRequest({ type: 'tab:get', tabId: 1 });
    await vi.runAllTimersAsync();
    await expect(reply).resolves.toBeNull();
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('gives up after a bounded number of retries', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(CLOSED));
    const reply = sendRequest({ type: 'tab:get', tabId: 1 });
    const settled = expect(reply).rejects.toThrow(/message channel closed/);
    await vi.runAllTimersAsync();
    await settled;
    expect(send).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
  });

  it('does not retry real failures or error replies', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('boom'));
    await expect(sendRequest({ type: 'tab:get', tabId: 1 })).rejects.toThrow('boom');
    send.mockResolvedValueOnce({ ok: false, error: 'Malformed message' });
    await expect(sendRequest({ type: 'tab:get', tabId: 1 })).rejects.toBeInstanceOf(MessageError);
    expect(send).toHaveBeenCalledTimes(2);
    expect(isTransientMessagingError(new Error('Extension context invalidated.'))).toBe(false);
  });
});

describe('readReply (the envelope checked without zod, which the content script does not bundle)', () => {
  it('accepts exactly what the reply schema accepts, with the same result', () => {
    const value = fc.oneof(
      fc.anything(),
      fc.record({ ok: fc.oneof(fc.boolean(), fc.anything()), data: fc.anything(), error: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(value, (raw) => {
        const parsed = ReplySchema.safeParse(raw);
        expect(readReply(raw)).toEqual(parsed.success ? parsed.data : null);
      }),
      { numRuns: 2000 },
    );
  });
});
