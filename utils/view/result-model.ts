/**
 * Turns a LookupResult into what the popup shows: every label, kind and safe URL decided once per
 * result (not on every render), copies split into the best one, repository copies and the rest, and
 * a report of which sources failed. Only http(s) URLs survive (safeHttpUrl).
 */
import type { Copy, LookupResult, OaStatus, SourceName, Version } from '../model';
import { SOURCE_NAME_LABELS, isRegistrationSource } from '../sources/names';
import { copyHostName, statusLabel, versionLabel } from './labels';
import { safeHttpUrl } from '../model/url';
import { isOpenLicence } from '../model/licence';
import { copyKind, copyKindLabel, type CopyKind } from './host-kind';
import { copyColour, leadLine, versionNote } from './copy-words';
import { reasonWords } from './why-words';
import { isNonArticleType } from '../model/work-type';

export interface CopyView {
  /** Stable React key: the copy's URLs. */
  key: string;
  host: string;
  kind: CopyKind;
  kindLabel: string;
  /** Shown next to the kind when it adds something ("University College London"). */
  institution: string | null;
  version: string;
  versionId: Version;
  /** "Free to read: published version, CC BY 4.0, at UCL Discovery" */
  lead: string;
  /** One plain line on what the version is. */
  versionNote: string;
  /** This copy's open-access colour (green for any repository copy), never the work's alone. */
  colour: OaStatus;
  /** For re-ranking: published 3, accepted 2, submitted 1, unknown 0. */
  versionRank: number;
  licence: { label: string; url: string | null } | null;
  pdfUrl: string | null;
  landingUrl: string | null;
  /** A repository or preprint server record: its landing page is the stable, citable link. */
  isRecord: boolean;
  /** "OpenAlex, Unpaywall" */
  via: string;
  /** How the sources matched it, in plain sentences (never their raw field names). */
  why: string[];
}

export interface SourceFailure {
  source: SourceName;
  name: string;
  error: string;
}

export interface ResultModel {
  doi: string;
  status: OaStatus;
  statusLabel: string;
  work: { title: string | null; meta: string | null } | null;
  retraction: { noticeUrl: string | null } | null;
  best: CopyView | null;
  /** Every distinct copy in the engine's order, best first (for re-ranking after link checks). */
  ranked: CopyView[];
  repositoryCopies: CopyView[];
  otherCopies: CopyView[];
  failures: SourceFailure[];
  /** At least one source answered (so "nothing found" is an answer, not an outage). */
  answered: boolean;
  /** Why "no free copy" is not the answer, when it is not: then no library or ILL link is offered. */
  notice: NoCopyNotice | null;
}

/**
 * The answers that are not "closed": an unregistered DOI (check it for a typo), an incomplete answer
 * (which sources could not be reached), a work that is not an article (its type, in words).
 */
export type NoCopyNotice = { kind: 'unregistered' } | { kind: 'incomplete'; unreachable: string } | { kind: 'notArticle'; type: string };

function noCopyNotice(result: LookupResult, failures: SourceFailure[]): NoCopyNotice | null {
  if (result.best) return null;
  if (result.status === 'unregistered') return { kind: 'unregistered' };
  if (result.status === 'incomplete') return { kind: 'incomplete', unreachable: failures.map((f) => f.name).join(', ') };
  const type = result.work?.type;
  if (result.status === 'unknown' && type && isNonArticleType(type)) return { kind: 'notArticle', type: type.replace(/-/g, ' ') };
  return null;
}

/** The popup's view of one copy; `workStatus` is the work's overall status (for the copy's colour). */
export function copyView(copy: Copy, workStatus: OaStatus = 'unknown'): CopyView {
  const host = copyHostName(copy);
  const kind = copyKind(copy);
  const pdfUrl = safeHttpUrl(copy.pdfUrl);
  const landingUrl = safeHttpUrl(copy.landingUrl);
  const institution = copy.institution && copy.institution !== host ? copy.institution : null;
  return {
    key: `${pdfUrl ?? ''} ${landingUrl ?? ''} ${host}`,
    host,
    kind,
    kindLabel: copyKindLabel(kind),
    institution,
    version: versionLabel(copy.version),
    versionId: copy.version,
    lead: leadLine(copy.version, copy.licence?.label ?? null, host),
    versionNote: versionNote(copy.version),
    colour: copyColour(copy, workStatus, isOpenLicence(copy.licence)),
    versionRank: copy.version === 'published' ? 3 : copy.version === 'accepted' ? 2 : copy.version === 'submitted' ? 1 : 0,
    licence: copy.licence ? { label: copy.licence.label, url: safeHttpUrl(copy.licence.url) } : null,
    pdfUrl,
    landingUrl,
    isRecord: copy.hostType !== 'publisher',
    via: copy.sources.map((s) => SOURCE_NAME_LABELS[s] ?? s).join(', '),
    why: reasonWords((copy.reasons ?? []).filter((r) => typeof r === 'string')),
  };
}

const sameCopy = (a: CopyView, b: CopyView) => a.pdfUrl === b.pdfUrl && a.landingUrl === b.landingUrl;

/** The retraction notice: its URL, or the notice DOI at doi.org. */
function noticeUrlOf(result: LookupResult): string | null {
  const r = result.retraction;
  if (!r) return null;
  return safeHttpUrl(r.noticeUrl) ?? (r.noticeDoi ? safeHttpUrl(`https://doi.org/${r.noticeDoi}`) : null);
}

export function resultModel(result: LookupResult): ResultModel {
  const best = result.best ? copyView(result.best, result.status) : null;
  const others: CopyView[] = [];
  for (const copy of result.copies) {
    const view = copyView(copy, result.status);
    if ((best && sameCopy(view, best)) || others.some((o) => sameCopy(o, view))) continue;
    others.push(view);
  }
  const failures: SourceFailure[] = [];
  let answered = false;
  for (const [source, outcome] of Object.entries(result.sources) as Array<[SourceName, LookupResult['sources'][SourceName]]>) {
    if (!outcome) continue;
    // doi.org only says whether the DOI exists: its answer alone is not an answer about copies.
    if (outcome.ok) answered ||= !isRegistrationSource(source);
    else {
      const name = SOURCE_NAME_LABELS[source] ?? source;
      // Engine errors may already start with the source's name ("Crossref: HTTP 503"): say it once.
      const error = outcome.error.startsWith(`${name}: `) ? outcome.error.slice(name.length + 2) : outcome.error;
      failures.push({ source, name, error });
    }
  }
  const work = result.work;
  // A work that is not an article is named as what it is ("dataset, 2011"), whether or not it is open.
  const kind = work?.type && isNonArticleType(work.type) ? work.type.replace(/-/g, ' ') : null;
  const meta = work ? [kind, work.journal, work.year].filter((x) => x !== null && x !== '').join(', ') : '';
  return {
    doi: result.doi,
    status: result.status,
    statusLabel: statusLabel(result.status),
    work: work && (work.title || meta) ? { title: work.title, meta: meta || null } : null,
    retraction: result.retracted ? { noticeUrl: noticeUrlOf(result) } : null,
    best,
    ranked: best ? [best, ...others] : others,
    repositoryCopies: others.filter((c) => c.kind !== 'publisher' && c.kind !== 'preprint'),
    otherCopies: others.filter((c) => c.kind === 'publisher' || c.kind === 'preprint'),
    failures,
    answered,
    notice: noCopyNotice(result, failures),
  };
}
