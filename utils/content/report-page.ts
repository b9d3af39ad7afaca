/**
 * Detects the article DOI of the page and tells the background, skipping the message when nothing
 * changed since the last report (SPA mutations fire often).
 */
import { detectArticleDoi } from '../detect/article';
import { findPageDois } from '../detect/page-dois';
import type { Request } from '../messages';
import { sendRequest } from '../send';

let lastReport = '';

export function buildReport(doc: Document, url: string): Extract<Request, { type: 'page:detected' }> {
  const article = detectArticleDoi(doc, url);
  const pageDoiCount = new Set(findPageDois(doc, { limit: 5000 }).map((d) => d.doi.toLowerCase())).size;
  return { type: 'page:detected', article, pageDoiCount };
}

/** `report` may be built by the caller, who then shares the (costly) detection with the badges. */
export async function reportPage(doc: Document, url: string, report = buildReport(doc, url)): Promise<void> {
  // The URL is part of the fingerprint (an SPA navigation is worth a fresh report even when the
  // DOI stays) but it never leaves this script.
  const fingerprint = `${url}\n${JSON.stringify(report)}`;
  if (fingerprint === lastReport) return;
  lastReport = fingerprint;
  await sendRequest(report);
}
