import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { CheckListLinks } from '@/components/CheckListLinks';

describe('CheckListLinks', () => {
  it('offers "Check all N references on this page" with the count of references, opening the check page for the tab', () => {
    render(<CheckListLinks tabId={7} pageDoiCount={3} />);
    const link = screen.getByRole('link', { name: 'Check all 3 references on this page' });
    expect(link.getAttribute('href')).toBe('/check.html?tabId=7');
    expect(screen.getByRole('link', { name: 'Check a list…' }).getAttribute('href')).toBe('/check.html');
  });

  it('offers no such link when the page has no reference (its only DOI is the article own) or no tab', () => {
    const { unmount } = render(<CheckListLinks tabId={7} pageDoiCount={0} />);
    expect(screen.queryByRole('link', { name: /references on this page/ })).toBeNull();
    unmount();
    render(<CheckListLinks tabId={null} pageDoiCount={4} />);
    expect(screen.queryByRole('link', { name: /references on this page/ })).toBeNull();
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
