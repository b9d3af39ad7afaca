import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { core } from '../../../utils/sources/core';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests, isSourceActive } from '@/utils/engine/source-use';

describe('CORE', () => {
  it('needs the user key and sends it as a bearer token', () => {
    expect(isSourceActive(core, resolveConfig())).toBe(false);
    const config = resolveConfig({ keys: { core: 'SECRET' } });
    expect(isSourceActive(core, config)).toBe(true);
    const [plan] = planRequests(core, ['10.1/a'], config);
    expect(plan!.request).toMatchObject({ url: 'https://api.core.ac.uk/v3/discover', method: 'POST', body: '{"doi":"10.1/a"}' });
    expect(plan!.request.headers!.authorization).toBe('Bearer SECRET');
  });

  it('maps the discovered full-text link to a CORE repository copy', () => {
    const out = parseAnswer(core, fixtureJson('core-discover.json'), ['10.1/a'], 0);
    if (!out.ok) throw new Error(out.error);
    expect(out.answers.get('10.1/a')!.copies[0]).toMatchObject({
      pdfUrl: 'https://core.ac.uk/download/pdf/123456.pdf',
      hostName: 'CORE',
      hostType: 'repository',
    });
  });

  it('maps a null link to no copies, and other shapes to an error', () => {
    const none = parseAnswer(core, { fullTextLink: null, source: null }, ['10.1/a'], 0);
    expect(none.ok && none.answers.get('10.1/a')!.copies).toEqual([]);
    expect(parseAnswer(core, [], ['10.1/a'], 0).ok).toBe(false);
  });
});
