/**
 * Reads a service's budget headers. OpenAlex (2026) answers every call with what is left of the daily
 * allowance (`x-ratelimit-remaining`, `x-ratelimit-remaining-usd`, `x-ratelimit-cost-usd`) and the
 * seconds until it resets (`x-ratelimit-reset`). When the next call could not be paid for, we stop
 * asking that host until the reset instead of collecting 429s.
 */

export interface Budget {
  /** Epoch ms until which the host should not be asked, or null when there is budget left. */
  blockedUntil: number | null;
}

function num(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null) return null;
  const n = Number.parseFloat(raw.replace(/^\$/, ''));
  return Number.isFinite(n) ? n : null;
}

/** When the allowance resets; `x-ratelimit-reset` is seconds from now (or an epoch in seconds). */
function resetAt(headers: Headers, now: number): number {
  const reset = num(headers, 'x-ratelimit-reset') ?? num(headers, 'x-rate-limit-reset');
  if (reset === null || reset < 0) return now + 60_000;
  return reset > 1e9 ? reset * 1000 : now + reset * 1000;
}

export function readBudget(headers: Headers, now: number): Budget {
  const remaining = num(headers, 'x-ratelimit-remaining') ?? num(headers, 'x-rate-limit-remaining');
  const remainingUsd = num(headers, 'x-ratelimit-remaining-usd');
  const costUsd = num(headers, 'x-ratelimit-cost-usd') ?? num(headers, 'x-ratelimit-cost-required-usd');
  const spent =
    (remaining !== null && remaining <= 0) || (remainingUsd !== null && (remainingUsd <= 0 || (costUsd !== null && costUsd > 0 && remainingUsd < costUsd)));
  return { blockedUntil: spent ? resetAt(headers, now) : null };
}
