import { connect, createServer, type Socket } from 'node:net';

export type TcpProxy = {
  /** The proxy's own port on 127.0.0.1: point a client's URL here instead of at the target. */
  port: number;
  /**
   * Cuts every connection open through the proxy, both sides at once, as a network fault or a
   * load balancer that drops its connections would: the client sees its socket end with no error
   * message from the server. New connections are still accepted.
   */
  cutAll(): number;
  close(): Promise<void>;
};

/**
 * A TCP relay on 127.0.0.1 to `target`, for tests that must lose a connection in the middle of a
 * conversation (a database connection cut while its query waits). The target server itself stays up.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');
  const cutAll = () => {
    const count = pairs.size;
    for (const [client, upstream] of [...pairs]) {
      client.destroy();
      upstream.destroy();
    }
    return count;
  };
  return {
    port: address.port,
    cutAll,
    close() {
      cutAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
