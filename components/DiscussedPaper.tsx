import { t } from '@/utils/view/i18n';

interface Props {
  /** The DOI the page discusses (a news story, a blog post), as the content script reported it. */
  doi: string;
  /** Looks it up; the answer is shown like that of a typed DOI. */
  onLookUp(doi: string): void;
}

/**
 * "Paper discussed on this page": a page without an article of its own (news, blog, press release)
 * that is about one paper. Shown apart from the page's article, never as it: nothing is looked up
 * until the reader asks.
 */
export function DiscussedPaper({ doi, onLookUp }: Props) {
  return (
    <section class="discussed" aria-labelledby="discussed-heading" data-view-part="discussed">
      <h2 id="discussed-heading">{t('discussedPaper')}</h2>
      <p class="discussed-doi">{t('typedDoi', doi)}</p>
      <p class="discussed-help">{t('discussedHelp')}</p>
      <button type="button" class="action" onClick={() => onLookUp(doi)}>
        {t('lookUpDiscussed')}
      </button>
    </section>
  );
}
