/**
 * The one example article the UI uses: onboarding's "Try it on an example article" opens it, and the
 * library's "Test" buttons fill its DOI into the configured addresses. BMC Health Services Research,
 * whose published version (CC BY 4.0) is also free in UCL Discovery (README).
 */
export const EXAMPLE_ARTICLE = {
  doi: '10.1186/s12913-023-10058-w',
  url: 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w',
} as const;
