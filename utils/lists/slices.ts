/**
 * Long loops on the check page, cut into slices: after each `budgetMs` of work the loop awaits a
 * pause (a zero timeout), so input and painting get in between and no task runs long. Node and
 * tests pass no pause and run the loop in one go.
 */

/** Waits for the next task: what runs between two slices. */
export type Pause = () => Promise<void>;

/** A zero timeout: the page paints and handles input before the promise resolves. */
export const nextTask: Pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Work per slice before pausing (ms): well inside the 50 ms that counts as a long task on a slow machine. */
export const SLICE_BUDGET_MS = 8;

/**
 * Calls `visit` on each item in order; with a `pause`, awaits it whenever `budgetMs` of work
 * (measured with `now`, ms) have passed since the last pause. Resolves when every item is visited.
 */
export async function eachInSlices<T>(
  items: Iterable<T>,
  visit: (item: T) => void,
  pause: Pause | null,
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
): Promise<void> {
  let sliceStart = now();
  for (const item of items) {
    visit(item);
    if (pause && now() - sliceStart >= budgetMs) {
      await pause();
      sliceStart = now();
    }
  }
}
