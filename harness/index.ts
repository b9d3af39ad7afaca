/** The real-browser test harness. See tests/e2e/README.md. */
export { startFixtureServer, type FixtureServer, type FixtureServerOptions, type RequestFilter } from './fixture-server';
export { launchExtension, POPUP_SIZE, type LaunchedExtension, type LaunchOptions } from './launch';
export { buildExtension, REPO_ROOT } from './build';
export { findChromium } from './chromium';
export type { FaultSpec } from './faults';
export type { PathMatcher } from './matchers';
export type { Handler, RecordedRequest, Reply } from './reply';
export { bareDoi, loadOpenAlexWorks, openAlexHandler, workLike, type WorkTable } from './openalex';
export { API_HOSTS, apiHost, registeredHandler, toReply } from './default-apis';
export { BMC_ARTICLE_URL, BMC_DOI, BMC_PDF_URL, DOI_REDIRECTS, UCL_LANDING_URL, UCL_PDF_URL } from './recorded-site';
