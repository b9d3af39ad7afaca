/**
 * Lookup tables keyed by outside data (repository names, Europe PMC sites, licence URLs) must not
 * answer for keys that every plain object has: "constructor" used to come back as a host name that
 * was a function, and a licence labelled "function Object() { [native code] } 4.0".
 */
import { describe, expect, it } from 'vitest';
import { normaliseLicence } from '@/utils/model/licence';
import { cleanRepositoryName } from '@/utils/sources/hosts';
import { europepmc } from '@/utils/sources/europepmc';
import { Copy } from '@/utils/model';
import { parseAnswer } from '@/utils/sources/parse';

const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('prototype keys in outside data', () => {
  it('repository names: plain strings come back', () => {
    for (const key of KEYS) expect(cleanRepositoryName(key)).toEqual({ name: key, institution: null });
  });

  it('licence URLs: no Creative Commons licence named after an Object method', () => {
    for (const key of KEYS) expect(normaliseLicence(`https://creativecommons.org/licenses/${key.toLowerCase()}/4.0/`)).toBeNull();
  });

  it('Europe PMC: a site named "constructor" is a third-party link-out, not a copy', () => {
    const json = {
      resultList: {
        result: [
          {
            doi: '10.1234/a',
            fullTextUrlList: { fullTextUrl: [{ availabilityCode: 'OA', documentStyle: 'pdf', site: 'constructor', url: 'https://x.example/a.pdf' }] },
          },
        ],
      },
    };
    const out = parseAnswer(europepmc, json, ['10.1234/a'], 0);
    expect(out.ok && out.answers.get('10.1234/a')?.copies).toEqual([]);
    for (const copy of out.ok ? [...out.answers.values()].flatMap((a) => a.copies) : []) expect(Copy.safeParse(copy).success).toBe(true);
  });
});
