import { describe, expect, it } from 'vitest';
import { shortcutFor } from '@/utils/view/shortcuts';

const key = (k: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key: k, altKey: false, ctrlKey: false, metaKey: false, target: null, ...extra });

describe('shortcutFor', () => {
  it('maps single keys, either case', () => {
    expect([key('p'), key('R'), key('c'), key('/')]).toEqual(['pdf', 'record', 'copy', 'doi']);
    expect(key('x')).toBeNull();
  });
  it('stays out of the way of typing and browser shortcuts', () => {
    expect(key('p', { target: document.createElement('input') })).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
    expect(key('r', { metaKey: true })).toBeNull();
  });
});
