/**
 * One LookupResult out of every source's answer for a DOI: merged, ranked copies; the overall
 * status; the retraction flag; what each source said (ok or a clear error).
 */
import { mergeCopies, rankCopies, type RankOptions } from './merge';
import { isOpenLicence } from '../model/licence';
import type { Copy, LookupResult, SourceName, SourceOutcome, WorkInfo } from '../model';
import { overallStatus } from '../model/oa-status';
import { RETRACTING_KINDS } from '../model/retraction';
import { sourceById } from '../sources/registry';
import type { KnownSoFar, SourceAnswer } from '../sources/source';

export interface SourceReport {
  outcome: SourceOutcome;
  /** Absent when the source answered "not known here" or failed. */
  answer?: SourceAnswer;
}

/**
 * The publisher's registered licence (Crossref) completes a publisher copy that no other source
 * gave a licence for; only open licences are carried over, since TDM and "user licence" URLs say
 * nothing about reading rights.
 */
function withRecordLicence(copies: Copy[], answers: SourceAnswer[]): Copy[] {
  const record = answers.map((a) => a.recordLicence).find((l) => l);
  if (!record || !isOpenLicence(record)) return copies;
  return copies.map((c) => (c.hostType === 'publisher' && c.version !== 'accepted' && c.version !== 'submitted' && !c.licence ? { ...c, licence: record } : c));
}

export function assembleResult(doi: string, reports: Map<SourceName, SourceReport>, rank: RankOptions, fetchedAt: number): LookupResult {
  const answers = [...reports.values()].flatMap((r) => (r.answer ? [r.answer] : []));
  const merged = withRecordLicence(
    mergeCopies(
      answers.flatMap((a) => a.copies),
      doi,
    ),
    answers,
  );
  const copies = rankCopies(merged, rank);
  const sources: Partial<Record<SourceName, SourceOutcome>> = {};
  for (const [name, report] of reports) sources[name] = report.outcome;
  // A retraction outweighs a correction; among equals, the report that names its notice wins.
  const retraction =
    answers
      .flatMap((a) => (a.retraction ? [a.retraction] : []))
      .sort((a, b) => Number(RETRACTING_KINDS.has(b.kind)) - Number(RETRACTING_KINDS.has(a.kind)) || Number(!!b.noticeDoi) - Number(!!a.noticeDoi))[0] ?? null;
  const titled: WorkInfo | null = answers.map((a) => a.work).find((w) => w && w.title) ?? null;
  // The author to ask may come from another source than the title (OpenAlex names the corresponding author).
  const contact = answers.map((a) => a.work?.contact).find((c) => c) ?? null;
  const work: WorkInfo | null = titled && contact && !titled.contact ? { ...titled, contact } : titled;
  const workType = answers.map((a) => a.work?.type).find((t) => t) ?? null;
  const registered = answers.map((a) => a.registered).find((r) => r !== undefined) ?? null;
  const agency = answers.map((a) => a.agency).find((a) => a) ?? null;
  return {
    doi,
    status: overallStatus(copies, {
      stated: answers.flatMap((a) => (a.status ? [a.status] : [])),
      anyAnswer: [...reports].some(([name, r]) => r.outcome.ok && sourceById(name)?.role !== 'registration'),
      // Any source asked about this DOI: doi.org is asked only when no index knows the DOI, and then
      // its silence leaves open whether the DOI exists (and where DataCite would look).
      finderFailed: [...reports].some(([, r]) => !r.outcome.ok),
      registered,
      workType,
    }),
    ...(agency ? { agency } : {}),
    retracted: retraction !== null && RETRACTING_KINDS.has(retraction.kind),
    retraction,
    work,
    best: copies[0] ?? null,
    copies,
    sources,
    fetchedAt,
  };
}

/**
 * Whether an answer shows the source knows the work: a copy, its metadata, a status or a retraction.
 * An empty answer (CORE's discovery without a link) says nothing about the DOI's existence.
 */
export function knowsWork(answer: SourceAnswer | undefined): boolean {
  return !!answer && (answer.copies.length > 0 || !!answer.work || !!answer.status || !!answer.retraction);
}

/** What the answers so far say about a DOI, for follow-up sources' `askIf`. */
export function knownSoFar(reports: Map<SourceName, SourceReport>): KnownSoFar {
  const answers = [...reports.values()].flatMap((r) => (r.answer ? [r.answer] : []));
  return {
    agency: answers.map((a) => a.agency).find((a) => a) ?? null,
    workType: answers.map((a) => a.work?.type).find((t) => t) ?? null,
    copies: answers.reduce((n, a) => n + a.copies.length, 0),
  };
}

/**
 * The reports an `incomplete` cached result stands for: each source that answered then, ok (the
 * first carrying what was known: work, retraction, copies), so that only the failed ones are asked
 * again and the new answers merge with the old. Empty without a base.
 */
export function baseReports(base: LookupResult | undefined): Map<SourceName, SourceReport> {
  const reports = new Map<SourceName, SourceReport>();
  if (!base) return reports;
  // Nothing known to carry: no source knew the DOI then (so doi.org may still be asked now).
  let carried = !base.work && !base.retraction && base.copies.length === 0;
  for (const [name, outcome] of Object.entries(base.sources) as Array<[SourceName, SourceOutcome | undefined]>) {
    if (!outcome?.ok) continue;
    // doi.org's word is carried as it was (follow-up sources read the agency from it).
    if (sourceById(name)?.role === 'registration') {
      reports.set(name, base.agency ? { outcome, answer: { copies: [], registered: true, agency: base.agency } } : { outcome });
      continue;
    }
    const answer: SourceAnswer | undefined = carried ? undefined : { copies: base.copies, work: base.work ?? null, retraction: base.retraction ?? null };
    carried = true;
    reports.set(name, answer ? { outcome, answer } : { outcome });
  }
  return reports;
}

/** Re-ranks a cached result under the current preferences (they may have changed since). */
export function rerank(result: LookupResult, rank: RankOptions): LookupResult {
  const copies = rankCopies(result.copies, rank);
  return { ...result, copies, best: copies[0] ?? null };
}
