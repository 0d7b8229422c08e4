/**
 * The per-launch secret of the browser host. The first page load carries it as `/?token=…`; the host
 * answers with an HttpOnly, SameSite=Strict cookie holding it and moves the page to `/`, so the token
 * leaves the address bar. Every later request and the WebSocket must present the cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies are shared by every port of 127.0.0.1, so the name carries the port. */
export function sessionCookieName(port: number): string {
  return `calm-line-session-${port}`;
}

export function sessionCookieHeader(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The value of one cookie in a Cookie header (undefined when absent). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
