import { type TRPCErrorShape, transformTRPCResponse } from '@trpc/server';
import type { TRPCResponseMessage } from '@trpc/server/rpc';
import { isTrackedEnvelope } from '@trpc/server/unstable-core-do-not-import';
import { stringifyFast, stringifyTracked } from '../../plain-superjson';
import { appRouter } from '../../root';
import { type WireFrame, wireFrame } from './socket-writes';

type RequestId = number | string;

const config = appRouter._def._config;

/** The start every answer to request `id` shares, up to its `result` or `error`. */
function responseHead(id: RequestId | null, jsonrpc: '2.0' | undefined): string {
  return `{"id":${JSON.stringify(id)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}`;
}

/**
 * An answer in tRPC's wire format, serialized with the router's transformer (superjson); a result
 * (a sent message, say) through the fast writer of the same format, errors through tRPC's own path.
 */
export function encodeResponse(response: TRPCResponseMessage): string {
  if ('result' in response && response.result.type === 'data') {
    const { id, jsonrpc } = response;
    return `${responseHead(id, jsonrpc)}"result":{"type":"data","data":${stringifyFast(response.result.data)}}}`;
  }
  return JSON.stringify(transformTRPCResponse(config, response));
}

/** An error shape as the `error` of an answer, serialized as `encodeResponse` would (superjson). */
export function encodeErrorShape(shape: TRPCErrorShape): string {
  return JSON.stringify(config.transformer.output.serialize(shape));
}

/** An answer to request `id` whose error was encoded already (see `encodeErrorShape`). */
export function errorFrame(id: RequestId | null, jsonrpc: '2.0' | undefined, encodedError: string): string {
  return `${responseHead(id, jsonrpc)}"error":${encodedError}}`;
}

type TrackedFrames = {
  data: unknown;
  trackedId: string;
  payload: string;
  frames: Map<string, WireFrame>;
};

/**
 * The frames of the tracked event being delivered. The stream hub hands one event object to every
 * local subscriber of a stream in one synchronous loop, so the first delivery serializes it and
 * each distinct request id (wsLink numbers requests per connection, so few distinct ids carry a
 * given subscription) gets its WebSocket frame, header and UTF-8 payload, once; the rest of the
 * deliveries write the same bytes. One slot is enough for that loop, and nothing is kept once the
 * next event comes: frames tied to the event itself lived as long as the hub's recent events (a few
 * seconds under load), long enough to be promoted and marked by every major garbage collection.
 */
let current: TrackedFrames | null = null;

function framesOf(trackedId: string, data: unknown): TrackedFrames {
  if (current !== null && current.data === data && current.trackedId === trackedId) return current;
  // The same shape tRPC's own handler sends for a tracked value: `{ id, data }`, transformed whole
  // (from the text the bus delivered, when the event came from there).
  current = { data, trackedId, payload: stringifyTracked(trackedId, data), frames: new Map() };
  return current;
}

/**
 * The per-subscription encoder of tracked items' data frames: the frame for this request id comes
 * from the event's frames (see framesOf), so most deliveries cost a map lookup and a socket write.
 */
export function trackedFrameEncoder(
  id: RequestId,
  jsonrpc: '2.0' | undefined,
): (trackedId: string, data: unknown) => WireFrame {
  const head = `${responseHead(id, jsonrpc)}"result":{"type":"data",`;
  return (trackedId, data) => {
    const built = framesOf(trackedId, data);
    let frame = built.frames.get(head);
    if (!frame) {
      frame = wireFrame(`${head}"id":${JSON.stringify(trackedId)},"data":${built.payload}}}`);
      built.frames.set(head, frame);
    }
    return frame;
  };
}

/** The per-subscription encoder of data frames of an iterated subscription: tracked items are cached. */
export function dataFrameEncoder(
  id: RequestId,
  jsonrpc: '2.0' | undefined,
): (value: unknown) => string | WireFrame {
  const encodeTracked = trackedFrameEncoder(id, jsonrpc);
  return (value) => {
    if (!isTrackedEnvelope(value))
      return encodeResponse({ id, jsonrpc, result: { type: 'data', data: value } });
    const [trackedId, data] = value;
    return encodeTracked(trackedId, data);
  };
}

/** Sent to every client by a draining server: wsLink reconnects (elsewhere, through the proxy). */
export const RECONNECT_NOTIFICATION = JSON.stringify({ id: null, method: 'reconnect' });
