import type { PopupPreferences } from './PopupApp';
import { discoveryLinks } from '@/utils/view/discovery';
import { libraryLinks } from '@/utils/settings/library-links';
import { safeHttpUrl } from '@/utils/model/url';
import { encodeDoiPath } from '@/utils/sources/request-utils';
import { t } from '@/utils/view/i18n';
import { ExternalLink } from './ExternalLink';

const ORCID_ID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

export interface NextStepsProps {
  doi: string;
  work: { title: string | null; journal: string | null; year: number | null; contact?: { name: string; orcid: string } | null } | null;
  /** null while the settings load: the steps that need no settings show meanwhile. */
  preferences: PopupPreferences | null;
}

/**
 * What the reader can still do without a free copy, most useful first: their library (or the offer to
 * set it up), the corresponding author when the sources name one with an ORCID iD, the search
 * services they chose, and the article's own page at doi.org.
 */
export function NextSteps({ doi, work, preferences }: NextStepsProps) {
  const searches = preferences ? discoveryLinks(preferences.discovery, { doi, title: work?.title }) : [];
  const library = preferences ? libraryLinks(preferences.library, { doi, ...work }) : { openUrl: null, ill: null };
  const hasLibrary = Boolean(library.openUrl || library.ill);
  const doiUrl = safeHttpUrl(`https://doi.org/${encodeDoiPath(doi)}`);
  // Only a contact the sources named (the corresponding author's ORCID record), never a guessed address.
  const contact = work?.contact && ORCID_ID.test(work.contact.orcid) ? work.contact : null;
  return (
    <section class="next" aria-labelledby="next-heading">
      <h3 id="next-heading" class="section-heading">
        {t('nextStepsTitle')}
      </h3>
      <ul class="next-steps">
        {library.openUrl && (
          <li>
            <ExternalLink href={library.openUrl} class="action primary">
              {t('libraryResolver')}
            </ExternalLink>
          </li>
        )}
        {library.ill && (
          <li>
            <ExternalLink href={library.ill} class={library.openUrl ? 'action' : 'action primary'}>
              {t('libraryIll')}
            </ExternalLink>
          </li>
        )}
        {preferences && !hasLibrary && (
          <li>
            <a href="/options.html#library" target="_blank" rel="noopener noreferrer" class="action">
              {t('librarySetUp')}
            </a>
          </li>
        )}
        {contact && (
          <li>
            <ExternalLink href={`https://orcid.org/${contact.orcid}`} ariaLabel={t('askAuthorLabel', contact.name)}>
              {t('askAuthor')}
            </ExternalLink>
          </li>
        )}
        {searches.map((s) => (
          <li key={s.service}>
            <ExternalLink href={s.url}>{t(s.by === 'title' ? 'searchTitleIn' : 'searchDoiIn', s.name)}</ExternalLink>
          </li>
        ))}
        {doiUrl && (
          <li>
            <ExternalLink href={doiUrl}>{t('openAtDoiOrg')}</ExternalLink>
          </li>
        )}
      </ul>
    </section>
  );
}
