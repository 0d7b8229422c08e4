/**
 * Who may talk to the browser host. It listens on 127.0.0.1 only; on top of that every request must
 * come from a loopback address, name the host exactly as `127.0.0.1:<port>` (a DNS-rebinding page sends
 * its own host name), and, when it carries an Origin, come from the host's own origin.
 */
import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8, ::1 and IPv4-mapped 127.x (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (typeof address !== 'string') return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const candidate = mapped ? mapped[1] : address;
  const version = isIP(candidate);
  if (version === 0) return false;
  return LOOPBACK.check(candidate, version === 4 ? 'ipv4' : 'ipv6');
}

export function hostOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function isExpectedHostHeader(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}`;
}

export function isExpectedOrigin(origin: string | undefined, port: number): boolean {
  return origin === hostOrigin(port);
}

export type GuardDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export interface RequestFacts {
  readonly remoteAddress: string | undefined;
  readonly host: string | undefined;
  readonly origin: string | undefined;
}

/** Network-level checks (before any token): loopback peer, exact Host, and Origin when given or required. */
export function checkRequestSource(
  facts: RequestFacts,
  port: number,
  requireOrigin: boolean,
): GuardDecision {
  if (!isLoopbackAddress(facts.remoteAddress))
    return { ok: false, status: 403, reason: 'non-loopback peer' };
  if (!isExpectedHostHeader(facts.host, port))
    return { ok: false, status: 403, reason: 'unexpected Host header' };
  if (facts.origin === undefined ? requireOrigin : !isExpectedOrigin(facts.origin, port)) {
    return { ok: false, status: 403, reason: 'unexpected Origin' };
  }
  return { ok: true };
}
