/**
 * The address a page would have without the reader's library proxy, so that site rules and URL
 * patterns see the publisher's own host. Proxy markers are data (utils/detect/sites/library-proxy.ts).
 */
import { SITES } from './sites/registry';
import type { ProxyRule } from './sites/types';

const RULES: ProxyRule[] = [];
for (let i = 0; i < SITES.length; i++) {
  const p = (SITES[i] as (typeof SITES)[number]).proxy;
  if (p) RULES.push(p);
}

/** `link-springer-com` → `link.springer.com`; EZproxy writes a real `-` as `--`. */
function unhyphenate(label: string): string {
  return label
    .split('--')
    .map((part) => part.replace(/-/g, '.'))
    .join('-');
}

/** A host name ending in a generic or country-code top-level domain. */
const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|org|net|edu|gov|int|info|io|science|online|pub|[a-z]{2})$/i;

function originalHost(host: string, rule: ProxyRule): string | null {
  const labels = host.toLowerCase().split('.');
  for (let s = 0; s < rule.hostSuffixes.length; s++) {
    const suffix = rule.hostSuffixes[s] as string;
    // <rewritten-host>.<institution>.idm.oclc.org
    if (host.endsWith(`.${suffix}`) && labels.length >= suffix.split('.').length + 2) {
      const first = unhyphenate(labels[0] as string);
      return HOSTNAME.test(first) ? first : null;
    }
  }
  // The proxy's own domain follows its marker label (`ezproxy.example.edu`): at least two labels.
  for (let i = 1; i < labels.length - 2; i++) {
    if (!rule.hostLabel.test(labels[i] as string)) continue;
    // One rewritten label (`www-sciencedirect-com`) or the original labels kept as they were.
    const before = i === 1 ? unhyphenate(labels[0] as string) : labels.slice(0, i).join('.');
    return HOSTNAME.test(before) ? before : null;
  }
  return null;
}

/** The page's address as the publisher serves it; the address itself when no proxy is recognised. */
export function unproxiedUrl(url: URL): URL {
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r] as ProxyRule;
    if (rule.loginPath.test(url.pathname)) {
      for (let p = 0; p < rule.loginParams.length; p++) {
        const target = url.searchParams.get(rule.loginParams[p] as string);
        if (target && /^https?:\/\//i.test(target)) {
          try {
            return new URL(target);
          } catch {
            // Not a usable address: keep looking.
          }
        }
      }
    }
    const host = originalHost(url.hostname, rule);
    if (host) {
      try {
        const out = new URL(url.href);
        out.hostname = host;
        out.port = '';
        return out;
      } catch {
        return url;
      }
    }
  }
  return url;
}
