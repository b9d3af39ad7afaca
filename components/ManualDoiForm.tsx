import { useEffect, useRef, useState } from 'preact/hooks';
import type { IdLookup } from '@/utils/engine/id-map';
import type { OtherIdKind } from '@/utils/model/typed-id';
import { t } from '@/utils/view/i18n';

/**
 * Reading what was typed (PMID, PMCID and arXiv forms, and what the form says about them) loads on
 * the first submit: the form is in the popup's first paint, its readers are not needed until Enter.
 */
const loadReaders = () =>
  Promise.all([import('@/utils/model/typed-id'), import('@/utils/view/typed-id-view')]).then(([ids, words]) => ({
    parseTypedId: ids.parseTypedId,
    resolvingText: words.resolvingText,
    idLookupProblem: words.idLookupProblem,
  }));

interface Props {
  onSubmit(doi: string): void;
  /** Text to start with (e.g. a selection sent from the context menu). */
  initial?: string;
  /** Show the "no DOI in that" message at once (the context menu sent text without a DOI). */
  initialInvalid?: boolean;
  /** The heading: "No article DOI on this page" on its own, omitted under a result. */
  heading?: boolean;
  autoFocus?: boolean;
  /** Names the DOI of a typed PMID or PMCID (background `lookup:id`); without it those ids are refused. */
  resolveId?(kind: OtherIdKind, id: string): Promise<IdLookup>;
}

/**
 * Takes a DOI, a doi.org URL, any URL/text that contains one, a PMID, PMCID or arXiv id, and looks
 * up its DOI: an arXiv id's by rule, a PMID's or PMCID's through `resolveId`.
 */
export function ManualDoiForm({ onSubmit, initial = '', initialInvalid = false, heading = true, autoFocus = true, resolveId }: Props) {
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(initialInvalid);
  /** While a PMID/PMCID is being mapped: what is said; after a failed mapping: why there is no DOI. */
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The autofocus attribute only works for the document's first candidate; this form mounts later.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  return (
    <section class="no-doi" data-view-part="manual">
      {heading && <h2>{t('noDoiTitle')}</h2>}
      <p id="doi-help">{t('noDoiHelp')}</p>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const { parseTypedId, resolvingText, idLookupProblem } = await loadReaders();
          // What the user types is one DOI, taken whole (a registered DOI may end in "/" or "."), or one other id.
          const typed = parseTypedId(value);
          const mappable = typed?.kind === 'pmid' || typed?.kind === 'pmcid';
          setInvalid(!typed || (mappable && !resolveId));
          setProblem(null);
          if (!typed || pending) return;
          if (typed.kind === 'doi' || typed.kind === 'arxiv') return onSubmit(typed.doi);
          if (!resolveId) return;
          setPending(resolvingText(typed));
          const lookup = await resolveId(typed.kind, typed.id).catch((error: unknown): IdLookup => ({
            state: 'failed',
            error: String(error instanceof Error ? error.message : error),
          }));
          setPending(null);
          if (lookup.state === 'found') onSubmit(lookup.doi);
          else setProblem(idLookupProblem(typed, lookup));
        }}
      >
        <label for="doi-input">{t('doiInputLabel')}</label>
        <div class="input-row">
          <input
            id="doi-input"
            ref={input}
            type="text"
            value={value}
            spellcheck={false}
            autocomplete="off"
            aria-keyshortcuts="/"
            aria-describedby={invalid || problem ? 'doi-help doi-error' : 'doi-help'}
            aria-invalid={invalid || problem !== null}
            onInput={(event) => setValue((event.target as HTMLInputElement).value)}
          />
          <button type="submit" class="action primary" aria-disabled={pending !== null}>
            {t('findFreeCopy')}
          </button>
        </div>
        {pending && (
          <p class="help" role="status">
            {pending}
          </p>
        )}
        {(invalid || problem) && (
          <p id="doi-error" class="field-error" role="alert">
            {invalid ? t('invalidDoi') : problem}
          </p>
        )}
      </form>
    </section>
  );
}
