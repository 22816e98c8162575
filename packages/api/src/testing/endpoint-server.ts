import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWsEndpoint, type WsEndpoint, type WsEndpointOptions } from '../server/ws-endpoint';

export type EndpointServer = {
  endpoint: WsEndpoint;
  server: Server;
  /** `127.0.0.1:<port>`. */
  host: string;
  close(): Promise<void>;
};

/**
 * The WebSocket endpoint on a plain HTTP server at a free port, as apps mount it. `beforeListen`
 * may add the server's other upgrade listeners (the web server's Next HMR).
 */
export async function startEndpointServer(
  options: WsEndpointOptions,
  beforeListen: (server: Server) => void = () => {},
): Promise<EndpointServer> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const endpoint = createWsEndpoint(options);
  endpoint.attach(server);
  beforeListen(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint,
    server,
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await endpoint.close();
      server.closeAllConnections();
      server.close();
    },
  };
}
