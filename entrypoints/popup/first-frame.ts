/**
 * Waits for a promise at most until the next animation frame (about 16 ms). The popup uses it to
 * paint a cached result in its first frame without ever delaying the first paint for a slow read.
 */
export async function firstFrameOrNull<T>(
  work: Promise<T>,
  nextFrame: (callback: () => void) => unknown = (cb) => requestAnimationFrame(() => cb()),
): Promise<{ value: T } | null> {
  const frame = new Promise<null>((resolve) => nextFrame(() => resolve(null)));
  return Promise.race([
    work.then(
      (value) => ({ value }),
      () => null,
    ),
    frame,
  ]);
}
