import type { Copy } from '@/utils/model';
import { SOURCE_LABELS } from '@/utils/model';
import { copyHostName, versionLabel } from '@/utils/labels';
import { safeHttpUrl } from '@/utils/url';
import { t } from '@/utils/i18n';
import { CopyButton } from './CopyButton';
import { ExternalLink } from './ExternalLink';

interface Props {
  copy: Copy;
  best?: boolean;
  copyText(text: string): Promise<void>;
}

function hostKind(copy: Copy): string {
  return copy.hostType === 'repository' ? t('hostRepository') : copy.hostType === 'preprint' ? t('hostPreprint') : t('hostPublisher');
}

/** One free copy: where it is, which version, under which licence, and what to do with it. */
export function CopyCard({ copy, best = false, copyText }: Props) {
  const host = copyHostName(copy);
  const pdf = safeHttpUrl(copy.pdfUrl);
  const landing = safeHttpUrl(copy.landingUrl);
  const licenceUrl = safeHttpUrl(copy.licence?.url);
  const isRecord = copy.hostType !== 'publisher';
  const via = copy.sources.map((s) => SOURCE_LABELS[s]).join(', ');
  return (
    <article class={best ? 'copy copy-best' : 'copy'} aria-label={`${host}, ${versionLabel(copy.version)}`} data-host-type={copy.hostType}>
      <header class="copy-head">
        <h3 class="copy-host">{host}</h3>
        <span class="copy-kind">
          {hostKind(copy)}
          {copy.institution && copy.institution !== host ? ` · ${copy.institution}` : ''}
        </span>
      </header>
      <ul class="facts">
        <li class="fact-version">{versionLabel(copy.version)}</li>
        <li class="fact-licence">
          {copy.licence ? (
            licenceUrl ? (
              <ExternalLink href={licenceUrl} ariaLabel={t('licenceLinkLabel', copy.licence.label)}>
                {copy.licence.label}
              </ExternalLink>
            ) : (
              copy.licence.label
            )
          ) : (
            t('noLicence')
          )}
        </li>
      </ul>
      {via && (
        <p class="via" title={copy.reasons?.join('\n')}>
          {t('foundVia', via)}
        </p>
      )}
      <div class="actions">
        {pdf && (
          <ExternalLink href={pdf} class="action primary" ariaLabel={`${t('openPdf')} — ${host}`}>
            {t('openPdf')}
          </ExternalLink>
        )}
        {landing && (
          <ExternalLink href={landing} class="action" ariaLabel={`${isRecord ? t('openRecord') : t('openPage')} — ${host}`}>
            {isRecord ? t('openRecord') : t('openPage')}
          </ExternalLink>
        )}
        {landing && isRecord && (
          <CopyButton
            text={landing}
            label={t('copyRepositoryLink')}
            ariaLabel={`${t('copyRepositoryLink')} — ${host}`}
            copy={copyText}
          />
        )}
      </div>
    </article>
  );
}
