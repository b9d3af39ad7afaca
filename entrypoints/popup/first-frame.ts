/**
 * How long the popup's first render waits for the stored tab state (ms). A read normally takes
 * 2–20 ms; rendering before it paints the skeleton, and the cached answer only a frame or two later
 * (the app's effects run after that paint). Only a read slower than this paints the skeleton first.
 */
export const FIRST_READ_WAIT_MS = 100;

/**
 * Waits for a promise at most `ms` milliseconds: `{ value }` when it settled in time, null when it
 * failed or is still running (it keeps running; the caller may hand it on). The popup uses it to
 * paint a cached result in its first frame without letting a very slow read hold the first paint.
 */
export async function settledWithin<T>(
  work: Promise<T>,
  ms: number,
  schedule: (callback: () => void, ms: number) => unknown = (cb, delay) => setTimeout(cb, delay),
): Promise<{ value: T } | null> {
  const late = new Promise<null>((resolve) => schedule(() => resolve(null), ms));
  return Promise.race([
    work.then(
      (value) => ({ value }),
      () => null,
    ),
    late,
  ]);
}
