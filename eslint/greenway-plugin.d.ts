// Types for the tests (tests/lint/greenway-rules.test.ts); the plugin itself is plain ESM JavaScript so
// that eslint.config.js loads it without a TypeScript loader.
import type { AST, ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
export function resolveImport(specifier: string, fromFile: string, root: string): string | null;
export function packageName(specifier: string): string;
export function moduleId(path: string, root: string): string;
export function staticValueImports(program: AST.Program): AST.Program['body'];
export function chainToPackage(start: string, packages: string[], root: string): string[] | null;
export function staticGraph(entry: string, root: string): Set<string>;
