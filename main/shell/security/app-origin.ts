/** Where the Electron UI lives: a custom, privileged scheme instead of file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'calm-line';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for an URL (or origin) on exactly app://calm-line — no other host, port or credentials. */
export function isAppUrl(candidate: string | undefined | null): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
