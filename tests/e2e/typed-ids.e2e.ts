/**
 * A PMID, PMCID or arXiv id typed into the popup, in a real Chromium: a PMID is mapped to its DOI by
 * Europe PMC (only the id is sent), then the DOI is looked up and its free copy shown; an id whose
 * record has no DOI gets a clear message; an arXiv id is looked up under arXiv's DOI with no mapping.
 * The Europe PMC records are the real ones for these PMIDs (from a recorded answer), cut to the fields used.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiHost, launchExtension, startFixtureServer, type FixtureServer, type LaunchedExtension, type RecordedRequest } from '../../harness';
import { NO_DOI_PAGE, NO_DOI_URL } from './popup-world';

const PMID = '40437959';
const PMCID = 'PMC12120539';
const DOI = '10.1002/hpja.70059';
const NO_DOI_PMID = '39038316';
const ARXIV_DOI = '10.48550/arxiv.1706.03762';

const record = {
  id: PMID,
  source: 'MED',
  pmid: PMID,
  pmcid: PMCID,
  doi: DOI,
  title: 'Co-Designed Culturally Tailored Cancer Screening Promotion Program With Chinese-Australian: Using a Community Partnership Approach.',
  pubYear: '2025',
  isOpenAccess: 'Y',
  inEPMC: 'Y',
  hasPDF: 'Y',
  license: 'cc by-nc-nd',
  authMan: 'N',
  epmcAuthMan: 'N',
  nihAuthMan: 'N',
  fullTextUrlList: {
    fullTextUrl: [
      { availabilityCode: 'S', documentStyle: 'doi', site: 'DOI', url: `https://doi.org/${DOI}` },
      { availabilityCode: 'OA', documentStyle: 'html', site: 'Europe_PMC', url: `https://europepmc.org/articles/${PMCID}` },
      { availabilityCode: 'OA', documentStyle: 'pdf', site: 'Europe_PMC', url: `https://europepmc.org/articles/${PMCID}?pdf=render` },
    ],
  },
};
const noDoiRecord = {
  id: NO_DOI_PMID,
  source: 'MED',
  pmid: NO_DOI_PMID,
  title:
    'Analysis of Factors Associated with Cough Persistence After Thoracoscopic Lung Cancer Resection in Elderly Lung Cancer Patients and Discussion of Prevention Strategies.',
  pubYear: '2025',
};

let server: FixtureServer;
let ext: LaunchedExtension;

const answer = (results: unknown[]) => ({ json: { version: '6.9', hitCount: results.length, resultList: { result: results } } });
const europepmc = (): RecordedRequest[] => server.requests({ host: apiHost('europepmc') }).filter((r) => r.method !== 'OPTIONS');
const queries = () => europepmc().map((r) => new URL(r.url).searchParams.get('query'));

beforeAll(async () => {
  server = await startFixtureServer();
  server.api(apiHost('europepmc'), '/europepmc/webservices/rest/search', (req) => {
    const query = new URL(req.url).searchParams.get('query') ?? '';
    if (query === `EXT_ID:${PMID} AND SRC:MED` || query === `PMCID:${PMCID}`) return answer([record]);
    if (query === `EXT_ID:${NO_DOI_PMID} AND SRC:MED`) return answer([noDoiRecord]);
    if (query.toLowerCase().includes(`doi:"${DOI}"`)) return answer([record]);
    return answer([]);
  });
  server.page(NO_DOI_URL, NO_DOI_PAGE);
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The popup of a page without an article, with `text` typed into its form and submitted. */
async function typeIntoPopup(text: string): Promise<Page> {
  const page = await ext.openPage(NO_DOI_URL);
  const popup = await ext.openPopup(page);
  const input = popup.getByLabel('DOI or link');
  await input.waitFor();
  await input.fill(text);
  await input.press('Enter');
  return popup;
}

describe('typed ids in the popup', () => {
  it('a PMID: Europe PMC names its DOI (only the id is sent), then the free copy is shown', async () => {
    server.resetCounts();
    const popup = await typeIntoPopup(`PMID: ${PMID}`);
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 15_000 }).toContain('Europe PMC');
    expect(await popup.locator('body').innerText()).toContain(DOI);
    expect(queries()[0]).toBe(`EXT_ID:${PMID} AND SRC:MED`);
    // Then the DOI itself went to the sources.
    expect(
      queries()
        .slice(1)
        .some((q) => q?.toLowerCase().includes(DOI)),
    ).toBe(true);
    expect(server.requests({ host: apiHost('openalex') }).some((r) => decodeURIComponent(r.url).toLowerCase().includes(DOI))).toBe(true);
    await popup.close();
  });

  it('a PMCID address works the same way', async () => {
    server.resetCounts();
    const popup = await typeIntoPopup(`https://pmc.ncbi.nlm.nih.gov/articles/${PMCID}/`);
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 15_000 }).toContain(DOI);
    expect(queries()[0]).toBe(`PMCID:${PMCID}`);
    await popup.close();
  });

  it('a PMID whose record has no DOI gets a clear message and no lookup', async () => {
    server.resetCounts();
    const popup = await typeIntoPopup(NO_DOI_PMID);
    const alert = popup.getByRole('alert');
    await expect
      .poll(() => alert.innerText(), { timeout: 15_000 })
      .toBe(`Europe PMC lists no DOI for PMID ${NO_DOI_PMID}, and Greenway finds free copies by DOI. Paste the DOI if you know it.`);
    expect(queries()).toEqual([`EXT_ID:${NO_DOI_PMID} AND SRC:MED`]);
    expect(server.count(apiHost('openalex'))).toBe(0);
    await popup.close();
  });

  it("an arXiv id is looked up under arXiv's DOI, with no mapping request", async () => {
    server.resetCounts();
    const popup = await typeIntoPopup('arXiv:1706.03762v7');
    await expect
      .poll(
        () =>
          popup
            .locator('body')
            .innerText()
            .then((text) => text.toLowerCase()),
        { timeout: 15_000 },
      )
      .toContain(ARXIV_DOI);
    expect(queries().every((q) => !q?.startsWith('EXT_ID') && !q?.startsWith('PMCID'))).toBe(true);
    await popup.close();
    expect(ext.errors).toEqual([]);
  });
});
