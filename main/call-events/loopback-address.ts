/**
 * Who counts as this machine: the one loopback check both loopback endpoints apply (the browser host and
 * the phone software's call-event endpoint) before anything else about a request is read.
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
