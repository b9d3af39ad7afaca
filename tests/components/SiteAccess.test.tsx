import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { PopupApp } from '@/components/PopupApp';
import { BMC_DOI, foundResult } from '../fixtures/results';
import { fakeClient, tabState, UCL_LEAD } from './popup-world';

const ORIGIN = 'https://bmchealthservres.biomedcentral.com';

describe('PopupApp: pages Greenway may not read', () => {
  it('says it cannot read the page (not "No article DOI") when the content script sent nothing and access is withheld', async () => {
    const c = fakeClient(null, { siteAccess: vi.fn(async () => ({ readable: false, origin: ORIGIN }) as const) });
    render(<PopupApp tabId={3} client={c} />);
    expect(await screen.findByRole('heading', { name: "Greenway can't read this page" })).toBeTruthy();
    expect(screen.queryByText('No article DOI on this page')).toBeNull();
    expect(screen.getByRole('button', { name: 'Allow on this site' })).toBeTruthy();
    expect(c.siteAccess).toHaveBeenCalledWith(3);
  });

  it('offers no grant when the browser hides the page origin, and a typed DOI still works', async () => {
    const c = fakeClient(null, { siteAccess: async () => ({ readable: false, origin: null }) });
    render(<PopupApp tabId={3} client={c} />);
    await screen.findByRole('heading', { name: "Greenway can't read this page" });
    expect(screen.queryByRole('button', { name: 'Allow on this site' })).toBeNull();
    fireEvent.input(screen.getByLabelText('DOI or link'), { target: { value: BMC_DOI } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
    await waitFor(() => expect(c.lookup).toHaveBeenCalledWith(BMC_DOI, { tabId: undefined, force: false }));
  });

  it('keeps "No article DOI" when the page is readable', async () => {
    render(<PopupApp tabId={3} client={fakeClient(null, { siteAccess: async () => ({ readable: true }) })} />);
    expect(await screen.findByText('No article DOI on this page')).toBeTruthy();
  });

  it('never asks about access when the content script reported', async () => {
    const siteAccess = vi.fn(async () => ({ readable: false, origin: ORIGIN }) as const);
    render(<PopupApp tabId={3} client={fakeClient(tabState({ state: 'done', result: foundResult() }), { siteAccess })} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    expect(siteAccess).not.toHaveBeenCalled();
  });

  it('after "Allow on this site" shows the page\'s result once the content script reports', async () => {
    let granted = false;
    const c = fakeClient(null, {
      getTab: vi.fn(async () => (granted ? tabState({ state: 'done', result: foundResult() }) : null)),
      siteAccess: async () => ({ readable: false, origin: ORIGIN }),
      allowSite: vi.fn(async () => (granted = true)),
    });
    render(<PopupApp tabId={3} client={c} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on this site' }));
    expect(await screen.findByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(c.allowSite).toHaveBeenCalledWith(ORIGIN, 3);
  });

  it('a report that arrives after "can\'t read" was shown replaces it (Firefox\'s toolbar click runs the content script as the popup opens)', async () => {
    let reported = false;
    const c = fakeClient(null, {
      getTab: vi.fn(async () => (reported ? tabState({ state: 'done', result: foundResult() }) : null)),
      siteAccess: async () => ({ readable: false, origin: ORIGIN }),
      allowSite: vi.fn(async () => true),
    });
    render(<PopupApp tabId={3} client={c} />);
    await screen.findByRole('heading', { name: "Greenway can't read this page" });
    reported = true;
    expect(await screen.findByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: "Greenway can't read this page" })).toBeNull();
    expect(c.allowSite).not.toHaveBeenCalled();
  });

  it('keeps "can\'t read" when no report comes', async () => {
    const c = fakeClient(null, { siteAccess: async () => ({ readable: false, origin: ORIGIN }) });
    render(<PopupApp tabId={3} client={c} />);
    await screen.findByRole('heading', { name: "Greenway can't read this page" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(screen.getByRole('heading', { name: "Greenway can't read this page" })).toBeTruthy();
    expect(screen.queryByText('No article DOI on this page')).toBeNull();
  });

  it('says so when the user declines', async () => {
    const c = fakeClient(null, { siteAccess: async () => ({ readable: false, origin: ORIGIN }), allowSite: async () => false });
    render(<PopupApp tabId={3} client={c} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on this site' }));
    expect(await screen.findByText('Access was not granted. Greenway stays off this site.')).toBeTruthy();
  });
});
