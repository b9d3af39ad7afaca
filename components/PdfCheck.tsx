import type { PdfCheckState } from '@/hooks/use-pdf-checks';
import { t, type MessageKey } from '@/utils/view/i18n';

const WORDS: Record<PdfCheckState, { key: MessageKey; icon: string }> = {
  checking: { key: 'verifyChecking', icon: '…' },
  verified: { key: 'verifyOk', icon: '✓' },
  'not-pdf': { key: 'verifyNotPdf', icon: '⚠' },
  unreachable: { key: 'verifyUnreachable', icon: '✕' },
  unknown: { key: 'verifyUnknown', icon: '?' },
};

/** Whether the PDF link really gives a PDF: said in words, the icon only repeats it. */
export function PdfCheck({ state }: { state: PdfCheckState }) {
  const { key, icon } = WORDS[state];
  return (
    <li class="fact-check" data-check={state}>
      <span aria-hidden="true" class="check-icon">
        {icon}
      </span>{' '}
      {t(key)}
    </li>
  );
}
