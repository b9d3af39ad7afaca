import { useRef, useState } from 'preact/hooks';
import { MAX_FILE_BYTES } from '@/utils/lists/parse';
import type { ListParser } from '@/utils/lists/off-thread';
import type { ParsedList } from '@/utils/lists/entries';
import { t } from '@/utils/view/i18n';
import { SOURCES } from '@/utils/sources/registry';

/** The sources asked one DOI per request, which a list check leaves out unless the reader ticks them. */
const PER_DOI_SOURCES = SOURCES.filter((s) => !s.batched)
  .map((s) => s.label)
  .join(', ');

interface Props {
  initialText: string;
  /** Reads the text or the file (the client's worker-backed parser). */
  parse: ListParser;
  running: boolean;
  /** Called with the list to check (from the text, or the imported file when it is the latest input). */
  onCheck(list: ParsedList, perDoi: boolean): void;
}

/** "DOIs or references" text area, "Import file", the per-DOI sources tick and "Check". */
export function InputPanel({ initialText, parse, running, onCheck }: Props) {
  const [text, setText] = useState(initialText);
  const [imported, setImported] = useState<{ name: string; list: ParsedList } | null>(null);
  const [perDoi, setPerDoi] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The file being read (off the page, in the parser's worker): a click on Check meanwhile waits for
  // it rather than checking the empty text area. Null once read, or when newer input replaced it.
  const pending = useRef<Promise<ParsedList> | null>(null);
  // Counts changes of input (typing, choosing a file): a check that waited on a read goes ahead
  // only if the reader has not changed the input since the click.
  const generation = useRef(0);

  const readFile = async (file: File | undefined) => {
    setMessage(null);
    pending.current = null;
    generation.current++;
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setImported(null);
      setMessage(t('checkTooBig', file.name));
      return;
    }
    const read = parse(file, file.name);
    pending.current = read;
    setImported(null);
    setMessage(t('checkReadingFile', file.name));
    try {
      const list = await read;
      if (pending.current !== read) return;
      setImported({ name: file.name, list });
      setMessage(t('checkImported', [file.name, String(list.entries.length)]));
    } finally {
      if (pending.current === read) pending.current = null;
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const reading = pending.current;
    const clicked = generation.current;
    // A failed read has said why (the file input's handler): nothing to check from it.
    const fromFile = reading ? await reading.catch(() => null) : imported?.list;
    if (reading && (!fromFile || generation.current !== clicked)) return;
    const list = fromFile ?? (await parse(text, ''));
    if (!list.entries.some((e) => e.key)) {
      setMessage(t('checkZeroDois'));
      if (!list.entries.length && !list.problems.length) return;
    }
    onCheck(list, perDoi);
  };

  return (
    <form class="check-input" onSubmit={(e) => void submit(e)}>
      <label for="check-text">{t('checkInputLabel')}</label>
      <textarea
        id="check-text"
        rows={8}
        value={text}
        spellcheck={false}
        onInput={(e) => {
          setText((e.currentTarget as HTMLTextAreaElement).value);
          // The text now replaces the file: what was said of it ("Reading…", "N entries read") is stale.
          if (pending.current || imported) setMessage(null);
          setImported(null);
          pending.current = null;
          generation.current++;
        }}
      />
      <div class="check-row">
        <label for="check-file" class="file-label">
          {t('checkImportFile')}
        </label>
        <input
          id="check-file"
          type="file"
          accept=".bib,.bibtex,.ris,.json,.csv,.tsv,.txt,text/plain,text/csv,application/json"
          onChange={(e) => readFile((e.currentTarget as HTMLInputElement).files?.[0]).catch((error: unknown) => setMessage(String(error)))}
        />
      </div>
      <div class="check-row">
        <input id="check-per-doi" type="checkbox" checked={perDoi} onChange={(e) => setPerDoi((e.currentTarget as HTMLInputElement).checked)} />
        <label for="check-per-doi">{t('checkPerDoiSources', PER_DOI_SOURCES)}</label>
      </div>
      {message && (
        <p class="check-message" role="status">
          {message}
        </p>
      )}
      <button type="submit" class="action primary" disabled={running}>
        {t('checkButton')}
      </button>
    </form>
  );
}
