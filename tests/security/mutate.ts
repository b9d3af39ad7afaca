/**
 * Mutations of real-shaped API answers for the fuzz tests: a fast-check arbitrary that takes a JSON
 * value and damages it the ways hostile or broken services do — fields dropped, values of the wrong
 * type, huge strings, odd unicode, script and `javascript:` URLs in every string slot.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every path to a node of `value` (the root included), in document order. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** Strings that have broken or attacked a parser or a UI somewhere. */
export const HOSTILE_STRINGS = [
  'javascript:alert(1)',
  ' JavaScript:alert(document.domain)',
  'java\tscript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome://settings',
  '//evil.example/x.pdf',
  '/relative/x.pdf',
  '"><img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  "'; alert(1); //",
  'https://evil.example/"onmouseover="alert(1)',
  'https://example.org/\u202eevil.pdf',
  '\u200b\u200d\ufeff',
  '\ud800',
  '💥🧪 Ünïcödé ζ 漢字',
  '10.1234/<script>',
  'https://doi.org/10.1234/"onerror="x',
  '__proto__',
  'constructor',
  '',
  ' ',
];

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant([] as Json),
  fc.constant({} as Json),
  fc.constant({ url: 'javascript:alert(1)' } as Json),
  fc.constant([null, 1, 'x'] as Json),
);

const hugeString = fc
  .constantFrom('a', '€', 'https://x.example/', '10.1234/')
  .chain((unit) => fc.integer({ min: 10_000, max: 200_000 }).map((n) => unit.repeat(Math.ceil(n / unit.length))));

/** A value to put in a slot: hostile text, unicode, a huge string or a value of the wrong type. */
export const replacement: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 3, arbitrary: wrongType },
);

export type Mutation = { kind: 'drop'; at: number } | { kind: 'set'; at: number; value: Json } | { kind: 'prefix-js'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: replacement }),
  // Keeps a URL's look but swaps its scheme: "javascript:https://real.example/x.pdf".
  fc.record({ kind: fc.constant('prefix-js' as const), at: fc.nat() }),
);

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value;
  let node: Json = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string, Json>)[key as string] as Json;
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(last as number, 1);
    else node[last as number] = value;
  } else if (node && typeof node === 'object') {
    if (value === undefined) delete node[last as string];
    else node[last as string] = value;
  }
  return root;
}

function getAt(root: Json, path: Path): Json {
  let node: Json = root;
  for (const key of path) node = (node as Record<string, Json>)[key as string] as Json;
  return node;
}

/** Applies mutations in order; each picks its target among the paths of the value as it is then. */
export function applyMutations(base: Json, mutations: Mutation[]): Json {
  let value = structuredClone(base);
  for (const m of mutations) {
    const paths = pathsOf(value);
    const path = paths[m.at % paths.length]!;
    try {
      if (m.kind === 'drop') value = setAt(value, path, undefined);
      else if (m.kind === 'set') value = setAt(value, path, structuredClone(m.value));
      else {
        const current = getAt(value, path);
        if (typeof current === 'string') value = setAt(value, path, `javascript:${current}`);
      }
    } catch {
      // A path that an earlier mutation removed: skip, the next mutation still applies.
    }
  }
  return value;
}

/** Mutated copies of `base`: 1–8 mutations each. */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 8 }).map((ms) => applyMutations(base as Json, ms));
}

/** Every string inside a value (for "no unsafe URL anywhere" checks). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}
