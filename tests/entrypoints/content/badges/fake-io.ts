/** A hand-driven IntersectionObserver: tests say which elements scroll into view. */
type Callback = (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;

export class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly observed = new Set<Element>();
  constructor(
    private readonly callback: Callback,
    readonly options?: { rootMargin?: string },
  ) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
  /** Reports these elements as intersecting (only those still observed, like the real one). */
  show(elements: Element[]): void {
    const entries = elements.filter((el) => this.observed.has(el)).map((target) => ({ target, isIntersecting: true }));
    if (entries.length) this.callback(entries);
  }
}

/** Just enough of `window` for the badge code, with the fake observer. */
export function fakeWindow(): Window {
  FakeIntersectionObserver.instances = [];
  return {
    document,
    IntersectionObserver: FakeIntersectionObserver,
    setTimeout: (cb: () => void, ms?: number) => setTimeout(cb, ms),
  } as unknown as Window;
}

export function lastObserver(): FakeIntersectionObserver {
  const io = FakeIntersectionObserver.instances.at(-1);
  if (!io) throw new Error('no IntersectionObserver was created');
  return io;
}
