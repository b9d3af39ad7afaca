/**
 * Parses saved HTML into a happy-dom Document in Node, with scripts, styles, frames and network off:
 * the corpus pages are inert data, and the detectors must see exactly the saved markup.
 */
import { Window } from 'happy-dom';

export interface ParsedPage {
  document: Document;
  window: Window;
  /** Frees the window (its timers and handles); call once done with the document. */
  close(): Promise<void>;
}

export function parseHtml(html: string, url = 'https://example.invalid/'): ParsedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const parser = new window.DOMParser();
  const document = parser.parseFromString(html, 'text/html') as unknown as Document;
  return { document, window, close: () => window.happyDOM.close() };
}
