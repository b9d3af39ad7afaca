/**
 * Every message that crosses a context boundary (content script ↔ background ↔ popup/options), with
 * its zod/mini schema. The background validates each incoming message against `Request`; anything
 * that does not match is answered with an error and never acted upon.
 */
import * as z from 'zod/mini';
import { LookupResult, SourceName } from '../model';
import type { CheckedLink } from '../links/link-check';
import type { ArchivedCopy } from '../links/wayback';
import type { IdLookup } from '../engine/id-map';

const Doi = z.string().check(z.minLength(3), z.maxLength(300));
const LinkUrl = z.string().check(z.minLength(1), z.maxLength(4096));
const TabId = z.number().check(z.int(), z.nonnegative());

export const ArticleSignal = z.object({
  doi: Doi,
  /** Machine id of the signal that decided, e.g. "meta[citation_doi]". */
  evidence: z.string().check(z.maxLength(200)),
  /** Human text for the popup, e.g. "citation_doi meta tag". */
  label: z.string().check(z.maxLength(200)),
  /** Built from a platform id by a rule that does not guarantee registration: confirm it exists first. */
  derived: z.optional(z.boolean()),
});
export type ArticleSignal = z.infer<typeof ArticleSignal>;

export const Request = z.discriminatedUnion('type', [
  /** Content script: what it found on the page (sent on load and on every SPA change). */
  z.object({
    type: z.literal('page:detected'),
    article: z.nullable(ArticleSignal),
    /** The page's references: its distinct DOIs other than the article's own. */
    pageDoiCount: z.number().check(z.int(), z.nonnegative()),
    /** No article of its own, but the page discusses one paper (news, press release): "Paper discussed on this page". */
    discussedDoi: z.optional(Doi),
  }),
  /** Content script (badges): look several DOIs up; answered with results keyed by DOI. */
  z.object({
    type: z.literal('lookup:many'),
    dois: z.array(Doi).check(z.maxLength(1000)),
    /** The one DOI is this page's article (the in-page indicator): it is looked up like the tab's
     * own article, with every source, so that the two share one lookup instead of asking twice. */
    article: z.optional(z.boolean()),
  }),
  /**
   * Content script (inline badges): like `lookup:many` from a page (batched sources only), but
   * answered as soon as a source has reported copies: then `results` holds the answers so far that
   * have a copy and `unfinished` the DOIs whose answer is not final; asked again with `final`, the
   * reply waits for the whole answer.
   */
  z.object({ type: z.literal('lookup:badges'), dois: z.array(Doi).check(z.maxLength(1000)), final: z.optional(z.boolean()) }),
  /** Popup: the state of a tab. */
  z.object({ type: z.literal('tab:get'), tabId: TabId }),
  /** Popup: look one DOI up (the tab's article DOI or one the user typed). */
  z.object({ type: z.literal('lookup:doi'), doi: Doi, tabId: z.optional(TabId), force: z.optional(z.boolean()) }),
  /**
   * Popup: the DOI of a PubMed id or PubMed Central id the user typed (utils/engine/id-map.ts); only
   * the id is sent, to the sources that map ids.
   */
  z.object({ type: z.literal('lookup:id'), kind: z.enum(['pmid', 'pmcid']), id: z.string().check(z.regex(/^(?:\d{1,8}|PMC\d{1,9})$/)) }),
  /** Popup: the link check of a copy's URL (utils/links/link-check.ts, run by the background). */
  z.object({
    type: z.literal('check:link'),
    url: LinkUrl,
    /** What the copy promises there: a PDF or a record page. */
    expect: z.enum(['pdf', 'landing']),
    /** The work, for the same-paper check. */
    doi: z.optional(Doi),
    title: z.optional(z.string().check(z.maxLength(1000))),
    /** false: a dead link needs no archived copy (a record checked only for the same-paper test). */
    archive: z.optional(z.boolean()),
  }),
  /** Popup, on the user's click (privacy mode): the archived copy of a link the background found dead. */
  z.object({ type: z.literal('check:archive'), url: LinkUrl }),
  /**
   * Check page: one chunk of a reference list (utils/lists/run.ts). Batched sources only unless the
   * user ticked the per-DOI ones (`perDoi`); an explicit request, so it runs in privacy mode too.
   */
  z.object({ type: z.literal('lookup:list'), dois: z.array(Doi).check(z.maxLength(500)), perDoi: z.boolean() }),
  /** Check page: the DOIs on a tab's page, read from its content script on request. */
  z.object({ type: z.literal('tab:dois'), tabId: TabId }),
]);

/** The content script's answer to the background's `content:dois` question: the page's DOIs. */
export const PageDois = z.array(Doi).check(z.maxLength(5000));
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

export const LookupState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  /**
   * Sources are being asked. `partial`: what the ones that answered say so far (copies shown at once,
   * the status not final); `pending`: the sources still asked.
   */
  z.object({ state: z.literal('loading'), partial: z.optional(LookupResult), pending: z.optional(z.array(SourceName)) }),
  z.object({ state: z.literal('done'), result: LookupResult }),
  z.object({ state: z.literal('error'), error: z.string() }),
]);
export type LookupState = z.infer<typeof LookupState>;

/** What the background knows about one tab: kept in storage.session so it survives worker restarts. */
export const TabState = z.object({
  tabId: TabId,
  article: z.nullable(ArticleSignal),
  pageDoiCount: z.number(),
  /** The page's address as the content script's frame reported it; never leaves the browser. */
  pageUrl: z.optional(z.string().check(z.maxLength(4096))),
  /** The paper a page without an article of its own discusses (news, blog): shown apart, never as the page's article. */
  discussedDoi: z.optional(Doi),
  lookup: LookupState,
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

/** Every answer is wrapped so that errors travel as data, never as rejected promises. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Badge answers keyed by the DOIs as sent; `unfinished`: DOIs to ask again with `final` (their answer may change). */
export interface BadgeAnswers {
  results: Record<string, LookupResult>;
  unfinished: string[];
}

/** The reply payload type for each request type. */
export interface ReplyData {
  'page:detected': null;
  'lookup:many': Record<string, LookupResult>;
  'lookup:badges': BadgeAnswers;
  'tab:get': TabState | null;
  'lookup:doi': LookupResult;
  'lookup:id': IdLookup;
  'check:link': CheckedLink;
  'check:archive': ArchivedCopy | null;
  'lookup:list': Record<string, LookupResult>;
  'tab:dois': string[];
}

export const ReplySchema = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);
