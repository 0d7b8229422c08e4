/**
 * Serving the built renderer (out/renderer) to the Electron app:// protocol and the browser host: URL
 * path → file inside the root (never outside it), MIME type, and the security headers every file gets.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The relative file path a URL path names, or undefined when it tries to leave the root or is not a
 * plain path: `..` or `.` segments, encoded slashes or backslashes, NUL, malformed escapes.
 */
export function relativeStaticPath(urlPathname: string): string | undefined {
  if (!urlPathname.startsWith('/')) return undefined;
  const rawSegments = urlPathname.slice(1).split('/');
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' && index === rawSegments.length - 1) break; // trailing slash
    if (segment === '' || segment === '.' || segment === '..') return undefined;
    if (/[/\\\0]/.test(segment) || segment.includes(':')) return undefined;
    segments.push(segment);
  }
  if (segments.length === 0 || urlPathname.endsWith('/')) segments.push('index.html');
  return segments.join('/');
}

export type StaticLookup =
  | {
      readonly status: 200;
      readonly filePath: string;
      readonly contentType: string;
      readonly body: Buffer;
    }
  | { readonly status: 400 | 404 };

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Reads the file a URL path names under `rootDir`; symlinks leading outside the root count as missing. */
export async function readStaticFile(rootDir: string, urlPathname: string): Promise<StaticLookup> {
  const relative = relativeStaticPath(urlPathname);
  if (relative === undefined) return { status: 400 };
  try {
    const root = await fs.realpath(rootDir);
    const filePath = await fs.realpath(path.join(root, ...relative.split('/')));
    if (!isInside(root, filePath)) return { status: 404 };
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return { status: 404 };
    return {
      status: 200,
      filePath,
      contentType: contentTypeFor(filePath),
      body: await fs.readFile(filePath),
    };
  } catch {
    return { status: 404 };
  }
}

/** Headers for every UI response (files and errors alike). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}
