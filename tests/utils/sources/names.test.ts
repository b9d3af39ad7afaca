import { describe, expect, it } from 'vitest';
import { SOURCES, SOURCE_LABELS, SOURCE_NAMES } from '@/utils/sources/registry';
import { SOURCE_IDS, SOURCE_NAME_LABELS, isRegistrationSource } from '@/utils/sources/names';

describe('the source names mirror (popup first paint)', () => {
  it('lists the registry ids in the registry order', () => {
    expect(SOURCE_IDS).toEqual(SOURCE_NAMES);
  });

  it('gives every source the label the registry gives it', () => {
    expect(SOURCE_NAME_LABELS).toEqual(SOURCE_LABELS);
  });

  it('marks exactly the registry sources whose role is registration', () => {
    for (const source of SOURCES) expect(isRegistrationSource(source.id), source.id).toBe(source.role === 'registration');
    expect(SOURCES.some((s) => isRegistrationSource(s.id))).toBe(true);
  });

  it('knows no other id as a registration source', () => {
    for (const id of ['', 'DOIORG', 'toString', '__proto__', 'hasOwnProperty']) expect(isRegistrationSource(id), id).toBe(false);
  });
});
