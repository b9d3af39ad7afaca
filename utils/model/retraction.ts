/**
 * Which kinds of update notice (Crossref's `updated-by` types, in `Retraction.kind`) take a work back:
 * the lookup result is `retracted` only for these; a correction or an expression of concern is shown
 * but does not retract.
 */
export const RETRACTING_KINDS: ReadonlySet<string> = new Set(['retraction', 'withdrawal', 'removal', 'partial_retraction']);
