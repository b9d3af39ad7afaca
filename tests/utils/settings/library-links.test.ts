import { describe, expect, it } from 'vitest';
import { illUrlFor, libraryLinks, openUrlFor } from '@/utils/settings/library-links';
import { defaultSettings } from '@/utils/settings/schema';

const article = { doi: '10.1000/a&b?c', title: 'Green & open', journal: 'J. Tests', year: 2024 };

describe('library links', () => {
  it('builds an OpenURL 1.0 link with the DOI and what is known of the work', () => {
    const url = new URL(openUrlFor('https://resolver.example.edu/openurl', article)!);
    expect(url.origin + url.pathname).toBe('https://resolver.example.edu/openurl');
    expect(url.searchParams.get('url_ver')).toBe('Z39.88-2004');
    expect(url.searchParams.get('rft_id')).toBe('info:doi/10.1000/a&b?c');
    expect(url.searchParams.get('rft.atitle')).toBe('Green & open');
    expect(url.searchParams.get('rft.jtitle')).toBe('J. Tests');
    expect(url.searchParams.get('rft.date')).toBe('2024');
  });

  it('keeps a query the resolver base already has', () => {
    const url = new URL(openUrlFor('https://sfx.example.edu/sfx?sid=lib', { doi: '10.1/x' })!);
    expect(url.searchParams.get('sid')).toBe('lib');
    expect(url.searchParams.get('rft_id')).toBe('info:doi/10.1/x');
    expect(url.searchParams.has('rft.atitle')).toBe(false);
  });

  it('fills the inter-library loan template, URL-encoded', () => {
    expect(illUrlFor('https://ill.example.edu/form?doi={doi}&t={title}', article)).toBe(
      'https://ill.example.edu/form?doi=10.1000%2Fa%26b%3Fc&t=Green%20%26%20open',
    );
  });

  it('gives null for anything not configured or not http(s)', () => {
    expect(libraryLinks(defaultSettings().library, article)).toEqual({ openUrl: null, ill: null });
    expect(openUrlFor('javascript:alert(1)', article)).toBeNull();
    expect(illUrlFor('data:text/html,{doi}', article)).toBeNull();
  });
});
