/**
 * A hand-written structural check of a stored TabState, so the popup can paint from `storage.session`
 * without bundling zod into its first paint (the zod schema is `TabState` in utils/messages.ts).
 *
 * It is never looser than the schema: every value it accepts, the schema accepts too (a property test
 * holds it to that). Where it is stricter (an unknown key in `sources`, an object with a foreign
 * prototype) it returns null and the popup asks the background, which validates with zod. Unknown
 * extra keys are kept, where the schema would strip them; nothing in the popup reads them.
 */
import type { TabState } from '../../utils/messaging/protocol';
import type { LookupResult, SourceName } from '../../utils/model';
import { SOURCE_IDS } from '../../utils/sources/names';

// The schema's enums (utils/model.ts); the test checks they are the same lists.
export const HOST_TYPES = ['publisher', 'repository', 'preprint'] as const;
export const VERSIONS = ['published', 'accepted', 'submitted'] as const;
export const OA_STATUSES = ['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed', 'incomplete', 'unregistered', 'unknown'] as const;

type Rec = Record<string, unknown>;

/** A plain object (what storage hands back); arrays and class instances are left to the schema. */
function isRecord(value: unknown): value is Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// zod's z.number() rejects NaN and ±Infinity.
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || isString(v);
const isOneOf = (list: readonly string[]) => (v: unknown) => isString(v) && list.includes(v);
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const nullable = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const arrayOf = (check: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(check);

/** An object whose listed fields each pass their check (missing fields read as undefined, like zod). */
function shape(fields: Record<string, (v: unknown) => boolean>) {
  return (v: unknown): boolean => isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
}

const isSourceName = isOneOf(SOURCE_IDS);

const isLicence = shape({ id: isString, label: isString, url: isStringOrNull });

const isCopy = shape({
  pdfUrl: isStringOrNull,
  landingUrl: isStringOrNull,
  hostType: isOneOf(HOST_TYPES),
  hostName: isStringOrNull,
  institution: optional(isStringOrNull),
  version: nullable(isOneOf(VERSIONS)),
  licence: nullable(isLicence),
  sources: arrayOf(isSourceName),
  reasons: optional(arrayOf(isString)),
  seenAt: optional(isNumber),
});

const isSourceOutcome = (v: unknown) => isRecord(v) && (v.ok === true || (v.ok === false && isString(v.error)));

/** Only known source names as keys, each with an outcome: like zod's partialRecord, a key that is
 * present with the value `undefined` is rejected, not read as absent. */
const isSourceOutcomes = (v: unknown) => isRecord(v) && Object.entries(v).every(([key, outcome]) => isSourceName(key) && isSourceOutcome(outcome));

const isLookupResult = shape({
  doi: isString,
  status: isOneOf(OA_STATUSES),
  retracted: (v) => typeof v === 'boolean',
  retraction: optional(nullable(shape({ kind: isString, noticeUrl: isStringOrNull, noticeDoi: isStringOrNull }))),
  work: optional(
    nullable(
      shape({
        title: isStringOrNull,
        journal: isStringOrNull,
        year: nullable(isNumber),
        type: optional(isStringOrNull),
        contact: optional(nullable(shape({ name: isString, orcid: isString }))),
      }),
    ),
  ),
  best: nullable(isCopy),
  copies: arrayOf(isCopy),
  sources: isSourceOutcomes,
  agency: optional(isStringOrNull),
  fetchedAt: isNumber,
});

function isLookupState(v: unknown): boolean {
  if (!isRecord(v)) return false;
  switch (v.state) {
    case 'idle':
      return true;
    case 'loading':
      return optional(isLookupResult)(v.partial) && optional(arrayOf(isSourceName))(v.pending);
    case 'done':
      return isLookupResult(v.result);
    case 'error':
      return isString(v.error);
    default:
      return false;
  }
}

const isDoi = (v: unknown) => isString(v) && v.length >= 3 && v.length <= 300;
const isShortText = (v: unknown) => isString(v) && v.length <= 200;

const isTabState = shape({
  tabId: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  article: nullable(shape({ doi: isDoi, evidence: isShortText, label: isShortText, derived: optional((v) => typeof v === 'boolean') })),
  pageDoiCount: isNumber,
  pageUrl: optional((v) => isString(v) && v.length <= 4096),
  discussedDoi: optional(isDoi),
  lookup: isLookupState,
  updatedAt: isNumber,
});

/**
 * A lookup's answer so far as the background stores it (entrypoints/background/lookup-progress.ts),
 * or null for anything else.
 */
export function readProgressGuarded(value: unknown): { result: LookupResult; pending: SourceName[]; at: number } | null {
  const ok = isRecord(value) && isLookupResult(value.result) && arrayOf(isSourceName)(value.pending) && isNumber(value.at);
  return ok ? (value as { result: LookupResult; pending: SourceName[]; at: number }) : null;
}

/** The stored value as a TabState if it certainly is one, else null (then ask the background). */
export function readTabStateGuarded(value: unknown): TabState | null {
  return isTabState(value) ? (value as TabState) : null;
}
