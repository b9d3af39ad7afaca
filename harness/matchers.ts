/**
 * How tests name the requests they mean: a host (`apiHost('openalex')`, or "*" for any) and a path
 * matcher tested against the raw path + query exactly as the browser sent it ("/works?filter=…").
 */
export type PathMatcher = string | RegExp;

/** A string matches as a prefix of path + query; a RegExp is tested against it; none matches all. */
export function pathMatches(matcher: PathMatcher | undefined, path: string): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'string') return path.startsWith(matcher);
  // A /g or /y RegExp keeps lastIndex between calls; reset it so every request is judged afresh.
  matcher.lastIndex = 0;
  return matcher.test(path);
}

export function hostMatches(pattern: string, host: string): boolean {
  return pattern === '*' || pattern.toLowerCase() === host.toLowerCase();
}
