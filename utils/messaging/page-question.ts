/**
 * The one message that goes the other way, background → content script: "which DOIs are on your
 * page?" (for the check page's "Check all N references on this page"). Zod-free: the content script
 * imports it. The answer is checked by the background with `PageDois` (./protocol.ts).
 */
export const PAGE_DOIS_QUESTION = { type: 'content:dois' } as const;

/** True for exactly the question above. */
export function isPageDoisQuestion(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGE_DOIS_QUESTION.type;
}
