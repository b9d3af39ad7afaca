import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Component<P> = (props: P) => JSX.Element | null;

/**
 * A component whose code loads on first use (`import()` in `load`): what most popups never show
 * (the answers without a copy) stays out of the first paint. Renders nothing until loaded.
 */
export function lazyComponent<P extends object>(load: () => Promise<Component<P>>): Component<P> {
  let loaded: Component<P> | null = null;
  return function Lazy(props: P) {
    const [Inner, setInner] = useState<Component<P> | null>(() => loaded);
    useEffect(() => {
      if (Inner) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
          if (live) setInner(() => c);
        },
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return Inner ? <Inner {...props} /> : null;
  };
}
