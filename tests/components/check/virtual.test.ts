import { describe, expect, it } from 'vitest';
import { virtualWindow } from '@/components/check/virtual';

describe('virtualWindow', () => {
  it('renders a few dozen rows of 10,000, with spacers for the rest', () => {
    const w = virtualWindow(10_000, 36 * 5000, 600, 36, 8);
    expect(w.start).toBe(4992);
    expect(w.end - w.start).toBeLessThan(50);
    expect(w.before + (w.end - w.start) * 36 + w.after).toBe(10_000 * 36);
  });
  it('clamps at the ends and for empty lists', () => {
    expect(virtualWindow(10, 0, 600, 36)).toMatchObject({ start: 0, end: 10, before: 0, after: 0 });
    expect(virtualWindow(0, 500, 600, 36)).toMatchObject({ start: 0, end: 0, before: 0, after: 0 });
    expect(virtualWindow(100, 1e9, 600, 36).end).toBe(100);
  });
});
