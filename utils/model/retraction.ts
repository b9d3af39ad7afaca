/**
 * Kinds of notice that withdraw a work (as Crossref's `updated-by` types name them, normalised to
 * snake case): the work is then shown as retracted. Corrections and expressions of concern are
 * shown, but do not withdraw it.
 */
export const RETRACTING_KINDS: ReadonlySet<string> = new Set(['retraction', 'withdrawal', 'removal', 'partial_retraction']);
