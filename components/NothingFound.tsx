import type { PopupPreferences } from './PopupApp';
import { discoveryLinks } from '@/utils/view/discovery';
import { libraryLinks } from '@/utils/settings/library-links';
import { t } from '@/utils/view/i18n';
import { ExternalLink } from './ExternalLink';

interface Props {
  doi: string;
  work: { title: string | null; journal: string | null; year: number | null } | null;
  /** null while the settings load (the section keeps its heading and message meanwhile). */
  preferences: PopupPreferences | null;
}

/** The honest answer when no source knows a free copy, and what the reader can do next. */
export function NothingFound({ doi, work, preferences }: Props) {
  const searches = preferences ? discoveryLinks(preferences.discovery, { doi, title: work?.title }) : [];
  const library = preferences ? libraryLinks(preferences.library, { doi, ...work }) : { openUrl: null, ill: null };
  const any = searches.length > 0 || library.openUrl || library.ill;
  return (
    <section class="nothing" aria-labelledby="nothing-heading">
      <h2 id="nothing-heading">{t('nothingFoundTitle')}</h2>
      <p>{t('nothingFoundHelp')}</p>
      {preferences && (
        <>
          <h3 class="section-heading">{t('nextStepsTitle')}</h3>
          {any ? (
            <ul class="next-steps">
              {library.openUrl && (
                <li>
                  <ExternalLink href={library.openUrl} class="action">
                    {t('libraryResolver')}
                  </ExternalLink>
                </li>
              )}
              {library.ill && (
                <li>
                  <ExternalLink href={library.ill} class="action">
                    {t('libraryIll')}
                  </ExternalLink>
                </li>
              )}
              {searches.map((s) => (
                <li key={s.service}>
                  <ExternalLink href={s.url} class="action">
                    {t(s.by === 'title' ? 'searchTitleIn' : 'searchDoiIn', s.name)}
                  </ExternalLink>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('nextStepsNone')}</p>
          )}
        </>
      )}
    </section>
  );
}
