import { connect } from 'node:net';
import getPort from 'get-port';

/**
 * A port on 127.0.0.1 that was free a moment ago, for a server that must know its address before it
 * starts (nginx's `listen`, the web app's NEXTAUTH_URL, a redis-server restarted on the same port).
 * get-port also keeps the ports it handed out locked for a while, so two calls in a row never return
 * the same port before either server bound it. Another process could still take it in between; the
 * servers started with it fail loudly if that happens.
 */
export function freePort(): Promise<number> {
  return getPort({ host: '127.0.0.1' });
}

/** Whether something accepts TCP connections on 127.0.0.1:`port` right now. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (isUp: boolean) => {
      socket.destroy();
      resolve(isUp);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => done(true));
  });
}
