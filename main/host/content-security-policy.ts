/**
 * The Content-Security-Policy sent with every UI file, by the app:// protocol and the browser host.
 * Scripts only from the app itself (no inline script, no eval); inline styles are allowed (React style
 * props). Nothing may frame the app, and it frames nothing.
 */
export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser host's own ws:// endpoint. */
  readonly connectSources?: readonly string[];
}

export function buildContentSecurityPolicy({ connectSources = [] }: CspOptions = {}): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'blob:', ...connectSources],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
