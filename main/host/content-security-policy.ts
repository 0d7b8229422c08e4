/**
 * The Content-Security-Policy sent with every UI file, by the app:// protocol and the browser host.
 * Scripts only from the app itself (no inline script, no eval); inline styles are allowed (React style
 * props). Nothing may frame the app, and it frames nothing.
 *
 * 'wasm-unsafe-eval' lets the app's own scripts compile WebAssembly — never JavaScript eval. The audio
 * engine runs WebAssembly SIMD kernels (renderer/engine/wasm/engine-kernels.ts), and the live
 * coach's AudioWorklet inherits its page's policy, so the page must allow it; the recorded-call worker's
 * decoders (MP3, Ogg Opus, FLAC) need it too. Scripts still come from 'self' alone, and an app that can
 * run a script of its choosing gains nothing from WebAssembly it did not already have.
 */
export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser host's own ws:// endpoint. */
  readonly connectSources?: readonly string[];
}

export function buildContentSecurityPolicy({ connectSources = [] }: CspOptions = {}): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
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
