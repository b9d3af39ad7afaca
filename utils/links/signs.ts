/**
 * The signs a link check reads: sign-in addresses, password forms, bot-check answers and pages.
 * Plain string tests, no DOM (service worker and Node).
 */

/** Single sign-on and sign-in paths and hosts: Shibboleth, OpenAthens, CAS, generic "login". */
const LOGIN_PATH =
  /(^|[/._-])(login|log-in|signin|sign-in|sign_in|sso|saml2?|shibboleth(\.sso)?|idp|wayf|cas|auth|authenticate|oauth2?|openathens)([/._?-]|$)/i;
const LOGIN_HOST = /(^|\.)(login|signin|sso|idp|auth|shibboleth|openathens|wayf)\./i;

/** Whether a URL is a sign-in or single-sign-on page (by host or path). False for bad input. */
export function isLoginUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return LOGIN_HOST.test(u.hostname) || LOGIN_PATH.test(u.pathname) || /(^|&|\?)(returnurl|return_to|redirect_uri)=/i.test(u.search);
  } catch {
    return false;
  }
}

/** An `<input type="password">` anywhere in the given HTML. */
export function hasPasswordForm(html: string): boolean {
  return /<input\b[^>]*\btype\s*=\s*["']?password\b/i.test(html);
}

/** A bot wall by its headers: Cloudflare's `cf-mitigated`, 429, or a Cloudflare 403/503. */
export function isChallengeResponse(res: Response): boolean {
  if (res.headers.has('cf-mitigated') || res.status === 429) return true;
  const server = res.headers.get('server')?.toLowerCase() ?? '';
  return (res.status === 403 || res.status === 503) && (server === 'cloudflare' || server.includes('ddos-guard') || res.headers.has('x-amzn-waf-action'));
}

/** A bot check by its page: Cloudflare's "Just a moment…", hCaptcha/reCAPTCHA walls, Anubis. */
export function isChallengePage(html: string): boolean {
  return /_cf_chl_opt|cf-browser-verification|challenge-platform|<title>\s*(just a moment|attention required|are you a robot|making sure you('|&#39;)re not a bot)/i.test(
    html,
  );
}
