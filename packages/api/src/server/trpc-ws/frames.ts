import { transformTRPCResponse } from '@trpc/server';
import type { TRPCResponseMessage } from '@trpc/server/rpc';
import { isTrackedEnvelope } from '@trpc/server/unstable-core-do-not-import';
import { appRouter } from '../../root';

type RequestId = number | string;

const config = appRouter._def._config;

/** An answer in tRPC's wire format, serialized with the router's transformer (superjson). */
export function encodeResponse(response: TRPCResponseMessage): string {
  return JSON.stringify(transformTRPCResponse(config, response));
}

/**
 * A tracked event's payload, serialized once per process: every local subscriber of a stream gets
 * the same event object from the stream hub, so the first delivery serializes it and the rest reuse
 * the text. Keyed weakly by the event, so the text goes when the event does.
 */
const trackedPayloads = new WeakMap<object, { trackedId: string; json: string }>();

function trackedPayload(trackedId: string, data: unknown): string {
  const isCacheable = typeof data === 'object' && data !== null;
  const cached = isCacheable ? trackedPayloads.get(data) : undefined;
  if (cached?.trackedId === trackedId) return cached.json;
  // The same shape tRPC's own handler sends for a tracked value: `{ id, data }`, transformed whole.
  const json = JSON.stringify(config.transformer.output.serialize({ id: trackedId, data }));
  if (isCacheable) trackedPayloads.set(data, { trackedId, json });
  return json;
}

/**
 * The per-subscription encoder of data frames. The frame's head (the request id) is built once per
 * subscription and a tracked event's payload once per process, so a delivery is one string concat.
 */
export function dataFrameEncoder(id: RequestId, jsonrpc: '2.0' | undefined): (value: unknown) => string {
  const head = `{"id":${JSON.stringify(id)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}"result":{"type":"data",`;
  return (value) => {
    if (!isTrackedEnvelope(value))
      return encodeResponse({ id, jsonrpc, result: { type: 'data', data: value } });
    const [trackedId, data] = value;
    return `${head}"id":${JSON.stringify(trackedId)},"data":${trackedPayload(trackedId, data)}}}`;
  };
}

/** Sent to every client by a draining server: wsLink reconnects (elsewhere, through the proxy). */
export const RECONNECT_NOTIFICATION = JSON.stringify({ id: null, method: 'reconnect' });
