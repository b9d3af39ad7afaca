import type { CopyView } from '@/utils/view/result-model';
import { colourWords } from '@/utils/view/copy-words';
import { t } from '@/utils/view/i18n';
import { ExternalLink } from './ExternalLink';

interface Props {
  view: CopyView;
  /** How Greenway found the article's DOI, in words (the best copy only; absent for a typed DOI). */
  evidence?: string | null;
}

/** The licence as a link to its deed when there is one, else its words. */
export function LicenceFact({ view }: { view: CopyView }) {
  if (!view.licence) return <>{t('noLicence')}</>;
  if (!view.licence.url) return <>{view.licence.label}</>;
  return (
    <ExternalLink href={view.licence.url} ariaLabel={t('licenceLinkLabel', view.licence.label)}>
      {view.licence.label}
    </ExternalLink>
  );
}

/**
 * The facts a reader rarely needs first, in words and folded away: who keeps the copy, its licence,
 * its open-access colour, which sources listed it and how they matched it, and how the DOI was found.
 */
export function CopyDetails({ view, evidence }: Props) {
  const colour = colourWords(view.colour);
  return (
    <details class="details">
      <summary>{t('details')}</summary>
      <ul class="details-list">
        <li>
          {view.kindLabel}
          {view.institution ? ` · ${view.institution}` : ''}
        </li>
        <li>
          {t('licenceIs')} <LicenceFact view={view} />
        </li>
        {colour && <li>{colour}</li>}
        {view.via && <li>{t('foundVia', view.via)}</li>}
        {view.why.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {evidence && <li>{evidence}</li>}
      </ul>
    </details>
  );
}
