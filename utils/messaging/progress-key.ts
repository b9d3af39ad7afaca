/**
 * The `storage.session` key under which the background keeps a lookup's answer so far while a popup
 * waits for it (entrypoints/background/lookup-progress.ts writes it, the popup's client reads it).
 * Zod-free: the popup's first paint imports it.
 */
export const progressKey = (doiKey: string) => `progress:${doiKey}`;

/** How long a stored update counts as the lookup under way (a worker stopped mid-lookup leaves one behind). */
export const PROGRESS_FRESH_MS = 60_000;
