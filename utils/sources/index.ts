/** Every source, in the order their answers are merged (earlier sources lead ties). */
import { core } from './core';
import { crossref } from './crossref';
import { europepmc } from './europepmc';
import { openalex } from './openalex';
import { semanticscholar } from './semanticscholar';
import type { Source } from './types';
import { unpaywall } from './unpaywall';

export const SOURCES: readonly Source[] = [openalex, unpaywall, europepmc, semanticscholar, core, crossref];
