import { describe, expect, it } from 'vitest';
import { createLookupEngine, createMemoryStorage, realClock, type FetchLike } from '@/utils/engine';
import { engineConfigFromSettings } from '@/utils/settings/engine-config';
import { defaultSettings, type Settings } from '@/utils/settings/schema';
import { SOURCES } from '@/utils/sources/registry';
import { core } from '@/utils/sources/core';
import { unpaywall } from '@/utils/sources/unpaywall';

const DOI = '10.1186/s12913-023-10058-w';

/** One OpenAlex work with a publisher copy and two repository copies, all published under CC BY with a PDF. */
const openalexWork = {
  doi: `https://doi.org/${DOI}`,
  display_name: 'A study',
  publication_year: 2023,
  open_access: { oa_status: 'gold' },
  is_retracted: false,
  locations: [
    {
      is_oa: true,
      landing_page_url: `https://doi.org/${DOI}`,
      pdf_url: 'https://publisher.example.com/a.pdf',
      license: 'cc-by',
      version: 'publishedVersion',
      source: { display_name: 'BMC Health Services Research', type: 'journal' },
    },
    {
      is_oa: true,
      landing_page_url: 'https://discovery.ucl.ac.uk/id/eprint/1',
      pdf_url: 'https://discovery.ucl.ac.uk/id/eprint/1/1/a.pdf',
      license: 'cc-by',
      version: 'publishedVersion',
      source: { display_name: 'UCL Discovery', type: 'repository' },
    },
    {
      is_oa: true,
      landing_page_url: 'https://eprints.whiterose.ac.uk/2/',
      pdf_url: 'https://eprints.whiterose.ac.uk/2/1/a.pdf',
      license: 'cc-by',
      version: 'publishedVersion',
      source: { display_name: 'White Rose Research Online', type: 'repository' },
    },
  ],
};

function recordingFetch() {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    if (url.includes('api.openalex.org/works/doi:')) return new Response(JSON.stringify(openalexWork), { status: 200 });
    return new Response('{}', { status: 404 });
  };
  return { fetch, requests };
}

async function lookupWith(settings: Settings) {
  const { fetch, requests } = recordingFetch();
  const engine = createLookupEngine({ fetch, storage: createMemoryStorage(), ...realClock }, engineConfigFromSettings(settings));
  const result = await engine.lookup(DOI);
  const hosts = new Set(requests.map((r) => new URL(r.url).host));
  return { result, requests, hosts };
}

function edit(change: (s: Settings) => void): Settings {
  const s = defaultSettings();
  change(s);
  return s;
}

describe('engineConfigFromSettings: each option changes what the engine does', () => {
  it('by default asks the keyless sources only: no Unpaywall without an email, no CORE without a key', async () => {
    const { hosts } = await lookupWith(defaultSettings());
    // On by default, without an email or a key to wait for; not doi.org or DataCite, asked only about a DOI
    // no index knows or without a copy (OpenAlex knows this one and its copy).
    const asked = SOURCES.filter((s) => s.enabledByDefault && !s.needsEmail && !s.key?.required && s.role === undefined);
    expect(hosts).toEqual(new Set(asked.map((s) => new URL(s.baseUrl).host)));
    expect(hosts.has(new URL(unpaywall.baseUrl).host) || hosts.has(new URL(core.baseUrl).host)).toBe(false);
  });

  it('an email enables Unpaywall and becomes the polite mailto', async () => {
    const { requests, hosts } = await lookupWith(edit((s) => (s.email = 'reader@example.org')));
    expect(hosts.has('api.unpaywall.org')).toBe(true);
    expect(requests.find((r) => r.url.includes('unpaywall'))?.url).toContain('email=reader%40example.org');
    expect(requests.find((r) => r.url.includes('openalex'))?.url).toContain('mailto=reader%40example.org');
  });

  it('API keys go to their own service only', async () => {
    const { requests, hosts } = await lookupWith(edit((s) => (s.keys = { openalex: 'OA1', core: 'CORE1', semanticscholar: 'S2KEY' })));
    expect(hosts.has('api.core.ac.uk')).toBe(true);
    expect(requests.find((r) => r.url.includes('core.ac.uk'))?.headers.authorization).toBe('Bearer CORE1');
    expect(requests.find((r) => r.url.includes('semanticscholar'))?.headers['x-api-key']).toBe('S2KEY');
    expect(requests.find((r) => r.url.includes('openalex'))?.url).toContain('api_key=OA1');
    const elsewhere = requests.filter((r) => !r.url.includes('openalex')).map((r) => r.url + JSON.stringify(r.headers));
    expect(elsewhere.join(' ')).not.toMatch(/OA1/);
  });

  it('a disabled source is never asked', async () => {
    const { hosts } = await lookupWith(edit((s) => (s.sources.crossref.enabled = false)));
    expect(hosts.has('api.crossref.org')).toBe(false);
    expect(hosts.has('api.openalex.org')).toBe(true);
  });

  it('a base URL sends the source to a mirror', async () => {
    const { requests } = await lookupWith(edit((s) => (s.sources.crossref.baseUrl = 'http://127.0.0.1:9000/crossref')));
    expect(requests.some((r) => r.url.startsWith('http://127.0.0.1:9000/crossref/works'))).toBe(true);
  });

  it('"prefer repository copies" decides between equally good copies', async () => {
    const preferred = await lookupWith(defaultSettings());
    expect(preferred.result.best?.hostType).toBe('repository');
    const publisherFirst = await lookupWith(edit((s) => (s.ranking.preferRepository = false)));
    expect(publisherFirst.result.best?.hostType).toBe('publisher');
  });

  it('the preferred institution’s repository copy ranks first', async () => {
    const { result } = await lookupWith(edit((s) => (s.library.preferredInstitution = 'White Rose')));
    expect(result.best?.hostName).toBe('White Rose Research Online');
    const other = await lookupWith(edit((s) => (s.library.preferredInstitution = 'University College London')));
    expect(other.result.best?.hostName).toBe('UCL Discovery');
  });
});
