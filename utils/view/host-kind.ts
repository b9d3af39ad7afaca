/**
 * What kind of place holds a copy: institutional repository, subject repository, preprint server or
 * publisher. The model only says "repository"; readers judge a copy by who keeps it (a university
 * archive that promises to keep it, a disciplinary archive such as PMC, a preprint server), so the
 * popup refines it from host data: the well-known hosts table first, then the host name and the
 * institution the source reported. Pure, so it is computed once per copy in ./result-model.ts.
 */
import type { Copy } from '../model';
import { knownHostOf } from '../sources/hosts';
import { t } from './i18n';

export type CopyKind = 'institutional' | 'subject' | 'repository' | 'preprint' | 'publisher';

/**
 * Well-known repositories that serve a discipline or everyone rather than one institution. Keyed by
 * the clean names of utils/sources/hosts.ts; everything else known there is an institution's archive.
 */
const SUBJECT_REPOSITORIES = new Set([
  'PubMed Central',
  'Europe PMC',
  'Zenodo',
  'Figshare',
  'HAL',
  'CORE',
  'CiteSeerX',
  'NBER',
  'RePEc',
  'SSRN',
  'OSF Preprints',
]);

/** Academic host names: example.edu, example.ac.uk, example.edu.au, x.ac.jp, uni-x.de, univ-x.fr. */
const ACADEMIC_HOST = /(^|\.)(edu|ac\.[a-z]{2}|edu\.[a-z]{2})$|(^|\.)(uni|univ)-[a-z0-9-]+\.[a-z]{2,}$/i;
const INSTITUTION_WORDS = /universit|université|universität|college|institut|school of|hochschule/i;

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function copyKind(copy: Pick<Copy, 'hostType' | 'hostName' | 'institution' | 'landingUrl' | 'pdfUrl'>): CopyKind {
  if (copy.hostType === 'publisher') return 'publisher';
  if (copy.hostType === 'preprint') return 'preprint';
  const known = knownHostOf(copy.landingUrl) ?? knownHostOf(copy.pdfUrl);
  const name = known?.name ?? copy.hostName ?? '';
  if (SUBJECT_REPOSITORIES.has(name)) return 'subject';
  if (known && known.hostType === 'repository') return 'institutional';
  const host = hostName(copy.landingUrl) ?? hostName(copy.pdfUrl);
  if ((host && ACADEMIC_HOST.test(host)) || INSTITUTION_WORDS.test(copy.institution ?? '')) return 'institutional';
  return 'repository';
}

export function copyKindLabel(kind: CopyKind): string {
  switch (kind) {
    case 'institutional':
      return t('hostInstitutional');
    case 'subject':
      return t('hostSubject');
    case 'repository':
      return t('hostRepository');
    case 'preprint':
      return t('hostPreprint');
    case 'publisher':
      return t('hostPublisher');
  }
}
