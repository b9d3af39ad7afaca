/**
 * Asks the background to check the shown copies' links (`check:link`, see
 * entrypoints/background/link-check.ts) and keeps one verdict per copy for the popup; the archived
 * copy of a dead link can be asked for on click (`find`, privacy mode).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CheckedLink, LinkCheckTarget } from '../utils/links/link-check';
import type { ArchivedCopy } from '../utils/links/wayback';
import { copyVerdict, type CopyVerdict, type PlannedCheck } from '../utils/view/link-view';

export type CheckLink = (target: LinkCheckTarget) => Promise<CheckedLink>;
export type FindArchive = (url: string) => Promise<ArchivedCopy | null>;

const failed: CheckedLink = { state: 'unknown', detail: 'no answer', finalUrl: null, samePaper: 'unknown' };

/**
 * Verdicts keyed by copy key (CopyView.key), `checking` while answers are due; `findArchive(copyKey)`
 * asks for a dead copy's archived copy and puts it into that copy's verdict.
 */
export function useLinkChecks(
  planned: readonly PlannedCheck[],
  check: CheckLink | undefined,
  findArchive: FindArchive | undefined,
): { verdicts: ReadonlyMap<string, CopyVerdict>; findArchive?: (copyKey: string) => void } {
  const signature = JSON.stringify(planned.map((p) => [p.copyKey, p.role, p.target.url]));
  const [answers, setAnswers] = useState<ReadonlyMap<string, CheckedLink | 'checking'>>(new Map());
  useEffect(() => {
    if (!check || planned.length === 0) return;
    let live = true;
    const id = (p: PlannedCheck) => `${p.role} ${p.copyKey}`;
    setAnswers(new Map(planned.map((p) => [id(p), 'checking' as const])));
    for (const p of planned) {
      check(p.target)
        .catch(() => failed)
        .then((answer) => {
          if (live) setAnswers((prev) => new Map(prev).set(id(p), answer));
        });
    }
    return () => {
      live = false;
    };
    // `signature` stands for `planned`: a new array with the same links must not re-check them.
  }, [signature, check]);

  const verdicts = new Map<string, CopyVerdict>();
  for (const p of planned) {
    if (p.role !== 'primary') continue;
    const verdict = copyVerdict(answers.get(`primary ${p.copyKey}`), answers.get(`landing ${p.copyKey}`));
    if (verdict) verdicts.set(p.copyKey, verdict);
  }

  const find = useCallback(
    (copyKey: string) => {
      const p = planned.find((x) => x.copyKey === copyKey && x.role === 'primary');
      if (!p || !findArchive) return;
      findArchive(p.target.url)
        .catch(() => null)
        .then((archived) =>
          setAnswers((prev) => {
            const old = prev.get(`primary ${copyKey}`);
            return old && old !== 'checking' && old.state === 'dead' ? new Map(prev).set(`primary ${copyKey}`, { ...old, archived }) : prev;
          }),
        );
    },
    [signature, findArchive],
  );
  return { verdicts, findArchive: findArchive ? find : undefined };
}
