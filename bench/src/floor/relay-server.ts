import { createServer } from 'node:http';
import Redis from 'ioredis';
import { WebSocket, WebSocketServer } from 'ws';
import { floorChannel, JOINED } from './protocol';

// The floor: the least a ws + Redis relay can do per delivery. One ioredis subscriber for the whole
// process, a room's Redis channel subscribed while a local socket is in it, and every message
// forwarded as the very string Redis delivered — no parsing, no per-socket work but `send`.
// Run as its own process: REDIS_URL in the environment; prints {"listening":<port>} once ready.

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error('REDIS_URL is not set: the relay needs the bench’s redis-server');

const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
type Room = { sockets: Set<WebSocket>; confirmed: Promise<unknown> };
const rooms = new Map<string, Room>();

subscriber.on('message', (channel: string, message: string) => {
  const room = rooms.get(channel);
  if (!room) return;
  for (const socket of room.sockets) if (socket.readyState === WebSocket.OPEN) socket.send(message);
});

function openRoom(channel: string): Room {
  const room: Room = { sockets: new Set(), confirmed: subscriber.subscribe(channel) };
  rooms.set(channel, room);
  return room;
}

const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, maxPayload: 1024 * 1024 });

wss.on('connection', (socket, req) => {
  const room = new URL(req.url ?? '/', 'http://relay').searchParams.get('room');
  if (!room) return socket.close(1008, 'room missing');
  const channel = floorChannel(room);
  const joined = rooms.get(channel) ?? openRoom(channel);
  joined.sockets.add(socket);
  // JOINED only once Redis confirmed the SUBSCRIBE: from then on nothing published is missed.
  joined.confirmed.then(
    () => socket.send(JOINED),
    () => socket.close(1011, 'subscribe failed'),
  );
  socket.on('close', () => {
    joined.sockets.delete(socket);
    if (joined.sockets.size > 0 || rooms.get(channel) !== joined) return;
    rooms.delete(channel);
    void subscriber.unsubscribe(channel).catch(() => {});
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ listening: port })}\n`);
});

process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  server.close();
  subscriber.disconnect();
  process.exit(0);
});
