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

/**
 * The one script allowed to compile WebAssembly: the "Open a recorded call…" analysis worker, which decodes
 * MP3, Ogg Opus and FLAC with wasm decoders (renderer/engine/call-audio). A dedicated worker's policy is
 * the one sent with its own script, so pages and every other script keep script-src 'self' alone.
 * 'wasm-unsafe-eval' allows compiling WebAssembly only, never JavaScript eval.
 */
const WASM_WORKER_PATH = /^\/assets\/recorded-call\.worker-[\w-]+\.js$/;

/** The policy to send with the file at `pathname`: `csp`, plus WebAssembly for the analysis worker. */
export function policyForPath(pathname: string, csp: string): string {
  if (!WASM_WORKER_PATH.test(pathname)) return csp;
  return csp.replace(/(^|; )script-src ([^;]*)/, "$1script-src $2 'wasm-unsafe-eval'");
}
