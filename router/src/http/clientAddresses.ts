import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * How the client's address is read: the socket's peer, unless that peer is a proxy the router
 * trusts, in which case `X-Forwarded-For` is followed back through trusted proxies to the
 * first address that is not one (proxy-addr, as Express's `trust proxy` does).
 *
 * @param trustedProxies addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`;
 *   none by default, so a client cannot pick its own address with a forged header.
 */
export function clientAddresses(
  trustedProxies: readonly string[],
): (req: IncomingMessage) => string | undefined {
  if (trustedProxies.length === 0) return (req) => req.socket.remoteAddress;
  const trust = proxyAddr.compile([...trustedProxies]);
  return (req) => (req.socket.remoteAddress === undefined ? undefined : proxyAddr(req, trust));
}
