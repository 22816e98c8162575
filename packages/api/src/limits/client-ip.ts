import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * The header through which the server that accepted a request tells the procedures who the client
 * is. Both servers set it themselves on every request and upgrade, after deleting any copy the client
 * sent, so a client cannot choose the address its limits are counted by.
 */
export const CLIENT_IP_HEADER = 'x-spotter-client-ip';

/** Loopback: nginx and the test proxies run beside the servers. Deployments list their proxy's network. */
export const DEFAULT_TRUSTED_PROXIES = ['127.0.0.0/8', '::1/128'];

/** A set of proxy addresses and CIDR ranges (`10.0.0.0/8`, `::1/128`, `172.18.0.5`). */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** True when `entry` is an IP address or a CIDR range trustedProxies accepts. */
export function isProxyEntry(entry: string): boolean {
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32);
}

function contains(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then X-Forwarded-For is read
 * from the right (the entries proxies appended), skipping trusted proxies, and the first other address
 * is the client. Entries left of it were written by the client and are never believed.
 */
export function clientIpOf(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string | null {
  const direct = peer?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1') ?? null;
  if (!direct || !contains(trusted, direct) || !forwardedFor) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] as string;
    if (isIP(hop) === 0) return direct;
    if (!contains(trusted, hop)) return hop;
  }
  return hops[0] ?? direct;
}

/** Replaces whatever the client sent in CLIENT_IP_HEADER with the address the server determined. */
export function stampClientIp(
  req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } },
  trusted: BlockList,
): void {
  delete req.headers[CLIENT_IP_HEADER];
  const ip = clientIpOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}
