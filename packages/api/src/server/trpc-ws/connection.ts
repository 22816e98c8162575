import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import type { CreateWSSContextFnOptions } from '@trpc/server/adapters/ws';
import { parseConnectionParamsFromUnknown, type TRPCRequestInfo } from '@trpc/server/http';
import { parseTRPCMessage, type TRPCClientOutgoingMessage } from '@trpc/server/rpc';
import { isAsyncIterable } from '@trpc/server/unstable-core-do-not-import';
import type { WebSocket } from 'ws';
import type { Context } from '../../context';
import { AppError, type AppErrorCode } from '../../errors';
import { appRouter } from '../../root';
import { isPushFeed, pushTo } from '../../streams/push-feed';
import {
  dataFrameEncoder,
  encodeErrorShape,
  encodeResponse,
  errorFrame,
  trackedFrameEncoder,
} from './frames';
import { CLOSE_CODES, type ConnectionLimits, EPHEMERAL_PATHS } from './limits';
import { sendText, type WireFrame, writeWireFrame } from './socket-writes';

type RequestId = number | string;
type JsonRpc = '2.0' | undefined;
type Call = Exclude<TRPCClientOutgoingMessage, { method: 'subscription.stop' }>;
type Failure = { path?: string | undefined; type?: Call['method'] | 'unknown'; input?: unknown };

export type ConnectionOptions = {
  createContext(options: CreateWSSContextFnOptions): Promise<Context>;
  /** Called with every error answered to the client (to log the unexpected ones). */
  onError(error: TRPCError, path: string | undefined): void;
  /** A protocol error (`ws` closes the socket right after): a frame over the limit, a bad opcode. */
  onSocketError(error: Error): void;
  /**
   * Counts an authenticated connection against its user's cap: returns the release to call when
   * it closes, or null when the user has too many connections here already.
   */
  admit(context: Context, socket: WebSocket): (() => void) | null;
  /**
   * Spends one call of the user's (or this anonymous connection's) allowance: resolves with null,
   * or when there is none left, with the milliseconds until there is.
   */
  spendCall(key: string): Promise<number | null>;
  /** Called once when the client is cut off for not reading its events. */
  onSlowConsumer(): void;
  limits: ConnectionLimits;
};

const OPEN = 1; // WebSocket.OPEN
/** What `invoke` resolves with when it answered the call itself: it was over the allowance. */
const refused = Symbol('refused');
const config = appRouter._def._config;

/**
 * Serves one WebSocket in tRPC's wire protocol — the official wsLink and createWSClient work
 * unchanged — and routes every call through the real router (middlewares, zod, the error
 * formatter). It differs from tRPC's own handler where that one pays per subscriber or trusts the
 * client: a tracked event is serialized once per process, a subscription pulls its events without
 * a per-item promise race (every subscription procedure here ends on its signal), and each
 * connection is held to its limits (calls per frame, subscriptions, ids, authentication deadline, a
 * bound on unsent bytes).
 */
export function serveConnection(socket: WebSocket, req: IncomingMessage, options: ConnectionOptions) {
  const { limits } = options;
  // The upgrade request (its headers, its socket's parser state) is needed only to make the
  // context: let it go then, rather than keep it for the connection's whole life.
  let upgrade: IncomingMessage | null = req;
  // Its signal is made on first use (an AbortSignal is an EventTarget of several hundred bytes): a
  // connection that only subscribes never needs one, so `isClosed` answers "closed yet?".
  const closed = new AbortController();
  let isClosed = false;
  /** Each subscription's stop, and its procedure and input, to cap identical ones (see liveCopiesOf). */
  const subscriptions = new Map<
    RequestId,
    { stop: AbortController; path: string; input: unknown; key?: string }
  >();
  /**
   * Identical subscriptions not stopped yet: one stopped counts no more at the stop itself, not when
   * it has wound down, since a component that remounts (React's strict mode does it on purpose)
   * stops and restarts the same subscription at once. Keys are made only when there are enough
   * subscriptions for the cap to matter, so an ordinary connection keeps none (memory per socket),
   * and then once per subscription, so a flood of refused calls costs one key each.
   */
  const liveCopiesOf = (path: string, input: unknown) => {
    if (subscriptions.size < limits.sameSubscriptionsPerConnection) return 0;
    const key = subscriptionKey(path, input);
    let copies = 0;
    for (const live of subscriptions.values()) {
      if (live.stop.signal.aborted || live.path !== path) continue;
      live.key ??= subscriptionKey(live.path, live.input);
      if (live.key === key) copies++;
    }
    return copies;
  };
  const callsInFlight = new Set<RequestId>();
  let release: (() => void) | null = null;
  let anonymousKey: string | undefined;
  let ctx: Context | undefined;

  let violations = 0;
  /** Answers a malformed frame or call; a client that keeps sending them is closed. */
  const refuseMalformed = (id: RequestId | null, jsonrpc: JsonRpc, error: TRPCError, failure?: Failure) => {
    answerError(id, jsonrpc, error, failure);
    if (++violations > limits.protocolViolations)
      socket.close(CLOSE_CODES.protocolViolations, 'too many malformed frames');
  };

  const send = (frame: string) => {
    if (socket.readyState !== OPEN) return;
    sendText(socket, frame);
  };

  const answerError = (id: RequestId | null, jsonrpc: JsonRpc, cause: unknown, failure: Failure = {}) => {
    const error = getTRPCErrorFromUnknown(cause);
    options.onError(error, failure.path);
    const shape = getErrorShape({
      config,
      error,
      type: failure.type ?? 'unknown',
      path: failure.path,
      input: failure.input,
      ctx,
    });
    send(encodeResponse({ id, jsonrpc, error: shape }));
  };

  /**
   * A call refused by one of the connection's caps or its user's allowance. A client over them
   * sends many such calls at once (a thousand subscriptions, a frame of a thousand calls, a flood
   * of sends) whose answers differ only by id, so the error is made and encoded once per reason
   * (a TRPCError captures a stack, then the formatter and superjson run), not once per call:
   * refusing costs about the socket write.
   */
  let lastRefusal: { reason: string; encoded: string } | undefined;
  const refuse = (
    id: RequestId | null,
    jsonrpc: JsonRpc,
    code: AppErrorCode,
    message: string,
    path?: string,
    retryAfterMs?: number,
  ) => {
    const reason = `${code} ${message} ${path ?? ''} ${retryAfterMs ?? ''}`;
    if (lastRefusal?.reason !== reason) {
      // An AppError as the cause carries retryAfterMs into the error's data (the error formatter).
      const cause = retryAfterMs === undefined ? undefined : new AppError(code, message, { retryAfterMs });
      const error = new TRPCError({ code, message, cause });
      const shape = getErrorShape({ config, error, type: 'unknown', path, input: undefined, ctx });
      lastRefusal = { reason, encoded: encodeErrorShape(shape) };
    }
    send(errorFrame(id, jsonrpc, lastRefusal.encoded));
  };

  const startContext = (connectionParams: TRPCRequestInfo['connectionParams']) =>
    options
      .createContext({
        req: upgrade as IncomingMessage,
        res: socket,
        info: requestInfo(connectionParams, closed),
      })
      .then((context) => {
        ctx = context;
        upgrade = null;
        // A socket that closed meanwhile is not counted: its close already ran.
        if (context.session && !isClosed) {
          release = options.admit(context, socket);
          if (!release) {
            socket.close(CLOSE_CODES.tooManyConnections, 'too many connections for this user');
            // No call of this socket runs.
            throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many connections for this user' });
          }
        }
        return context;
      });

  // A client that announced connection params sends them first; until then no call can run.
  const expectsParams =
    new URL(req.url ?? '/', 'http://placeholder').searchParams.get('connectionParams') === '1';
  let context: Promise<Context> | null = expectsParams ? null : startContext(null);
  const deadline = expectsParams
    ? setTimeout(
        () => socket.close(CLOSE_CODES.authenticationDeadline, 'no connection params in time'),
        limits.authenticationDeadlineMs,
      )
    : undefined;

  /** A context that cannot be made (tRPC's handler does the same): say why, then close. */
  function failContext(cause: unknown) {
    answerError(null, undefined, cause);
    // A refused token closes with its own code, so a client can tell "sign in again" from a blip.
    const isRefused = cause instanceof TRPCError && cause.code === 'UNAUTHORIZED';
    socket.close(isRefused ? CLOSE_CODES.revoked : undefined, isRefused ? 'credential refused' : undefined);
  }
  context?.catch(failContext);

  const onParams = (text: string) => {
    clearTimeout(deadline);
    try {
      const message = JSON.parse(text) as { data?: unknown } | null;
      if (typeof message !== 'object' || message === null) throw new Error('not an object');
      context = startContext(parseConnectionParamsFromUnknown(message.data));
    } catch (cause) {
      context = Promise.reject(
        new TRPCError({ code: 'PARSE_ERROR', message: 'Malformed connection params', cause }),
      );
    }
    context.catch(failContext);
  };

  /**
   * Runs a call through the router once the caller's allowance admits it; past the allowance,
   * answers TOO_MANY_REQUESTS itself and resolves with `refused`, before any work is done.
   */
  const invoke = async (
    id: RequestId,
    call: Call,
    input: unknown,
    batchIndex: number,
    signal: AbortSignal,
  ): Promise<unknown> => {
    // Calls arrive only once the context is being made.
    const callerContext = await (context as Promise<Context>);
    if (!callerContext.session) anonymousKey ??= `anonymous:${randomUUID()}`;
    const waitMs = await options.spendCall(callerContext.session?.userId ?? (anonymousKey as string));
    if (waitMs !== null) {
      // Rounded up to a tenth of a second, so the refusals of a flood share one encoding (see refuse).
      const retryAfterMs = Math.ceil(waitMs / 100) * 100;
      const message = `Too many calls: at most ${limits.callsPerSecond} a second. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`;
      refuse(id, call.jsonrpc, 'TOO_MANY_REQUESTS', message, call.params.path, retryAfterMs);
      return refused;
    }
    return callTRPCProcedure({
      router: appRouter,
      path: call.params.path,
      getRawInput: async () => input,
      ctx: callerContext,
      type: call.method,
      signal,
      batchIndex,
    });
  };

  const runCall = async (id: RequestId, call: Call, input: unknown, batchIndex: number) => {
    const { jsonrpc } = call;
    const { path } = call.params;
    callsInFlight.add(id);
    try {
      const result = await invoke(id, call, input, batchIndex, closed.signal);
      if (result === refused) return;
      if (isAsyncIterable(result))
        throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: `${path} is a subscription` });
      send(encodeResponse({ id, jsonrpc, result: { type: 'data', data: result } }));
    } catch (cause) {
      answerError(id, jsonrpc, cause, { path, type: call.method, input });
    } finally {
      callsInFlight.delete(id);
    }
  };

  const runSubscription = async (id: RequestId, call: Call, input: unknown, batchIndex: number) => {
    const { jsonrpc } = call;
    const { path } = call.params;
    // Aborted by the client's subscription.stop, or with every other one when the socket closes.
    const stop = new AbortController();
    subscriptions.set(id, { stop, path, input: call.params.input });
    try {
      const result = await invoke(id, call, input, batchIndex, stop.signal);
      if (result === refused) return;
      const isEphemeral = EPHEMERAL_PATHS.has(path);
      const isPushed = isPushFeed(result);
      if (!isPushed && !isAsyncIterable(result))
        throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${path} returned no async iterable` });
      if (stop.signal.aborted) return;
      send(encodeResponse({ id, jsonrpc, result: { type: 'started' } }));
      if (isPushed) {
        // Stream events arrive synchronously from the stream hub and go straight out as frames.
        const encode = trackedFrameEncoder(id, jsonrpc);
        await new Promise<void>((resolve, reject) =>
          pushTo(result, {
            next: (trackedId, item) => push(encode(trackedId, item), isEphemeral),
            end: (error) => (error === undefined ? resolve() : reject(error)),
          }),
        );
      } else {
        await pull(result, stop.signal, dataFrameEncoder(id, jsonrpc), isEphemeral);
      }
      send(encodeResponse({ id, jsonrpc, result: { type: 'stopped' } }));
    } catch (cause) {
      if (!isClosed) answerError(id, jsonrpc, cause, { path, type: 'subscription', input });
    } finally {
      if (subscriptions.get(id)?.stop === stop) subscriptions.delete(id);
    }
  };

  /** Iterates a subscription that cannot push (typing), without a per-item race: it ends on its signal. */
  const pull = async (
    items: AsyncIterable<unknown>,
    signal: AbortSignal,
    encode: (value: unknown) => string | WireFrame,
    isEphemeral: boolean,
  ) => {
    const iterator = items[Symbol.asyncIterator]();
    try {
      for (let next = await iterator.next(); !next.done && !signal.aborted; next = await iterator.next()) {
        push(encode(next.value), isEphemeral);
      }
    } finally {
      await iterator.return?.();
    }
  };

  /** Sends an event unless the client stopped reading: ephemeral ones go first, then the client. */
  const push = (frame: string | WireFrame, isEphemeral: boolean) => {
    if (socket.readyState !== OPEN) return;
    const unsent = socket.bufferedAmount;
    if (unsent > limits.slowConsumerBytes) {
      // It cannot read a close frame either; it resumes from its last event when it reconnects.
      options.onSlowConsumer();
      socket.terminate();
      return;
    }
    if (isEphemeral && unsent > limits.ephemeralDropBytes) return;
    if (typeof frame === 'string') sendText(socket, frame);
    else writeWireFrame(socket, frame);
  };

  const handle = (raw: unknown, batchIndex: number) => {
    const id = requestIdOf(raw, limits.idLength);
    if (id === undefined) {
      const message = `\`id\` must be a number or a string of at most ${limits.idLength} characters`;
      return refuseMalformed(null, undefined, new TRPCError({ code: 'PARSE_ERROR', message }));
    }
    let message: TRPCClientOutgoingMessage;
    try {
      message = parseTRPCMessage(raw, config.transformer);
    } catch (cause) {
      return refuseMalformed(
        id,
        undefined,
        new TRPCError({ code: 'PARSE_ERROR', message: 'Malformed call', cause }),
      );
    }
    if (message.method === 'subscription.stop') return subscriptions.get(id)?.stop.abort();
    const { jsonrpc } = message;
    const { path } = message.params;
    if (subscriptions.has(id) || callsInFlight.has(id))
      return refuseMalformed(
        id,
        jsonrpc,
        new TRPCError({ code: 'BAD_REQUEST', message: `Duplicate id ${id}` }),
        { path, type: message.method },
      );
    if (message.method === 'subscription' && subscriptions.size >= limits.subscriptionsPerConnection) {
      const text = `At most ${limits.subscriptionsPerConnection} subscriptions per connection`;
      return refuse(id, jsonrpc, 'TOO_MANY_REQUESTS', text, path);
    }
    if (message.method === 'subscription') {
      if (liveCopiesOf(path, message.params.input) >= limits.sameSubscriptionsPerConnection) {
        const text = `At most ${limits.sameSubscriptionsPerConnection} identical subscriptions per connection`;
        return refuse(id, jsonrpc, 'TOO_MANY_REQUESTS', text, path);
      }
      const input = withLastEventId(message.params.input, message.params.lastEventId);
      return void runSubscription(id, message, input, batchIndex);
    }
    void runCall(id, message, withLastEventId(message.params.input, message.params.lastEventId), batchIndex);
  };

  socket.on('message', (data) => {
    const text = data.toString();
    if (text === 'PONG') return;
    if (text === 'PING') return send('PONG');
    if (!context) return onParams(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      return refuseMalformed(
        null,
        undefined,
        new TRPCError({ code: 'PARSE_ERROR', message: 'The frame is not JSON', cause }),
      );
    }
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    if (calls.length === 0)
      return refuseMalformed(
        null,
        undefined,
        new TRPCError({ code: 'BAD_REQUEST', message: 'An empty batch' }),
      );
    for (const [index, raw] of calls.entries()) {
      // Closed for malformed calls earlier in this frame: the rest go unanswered.
      if (socket.readyState !== OPEN) return;
      if (index < limits.callsPerFrame) {
        handle(raw, index);
        continue;
      }
      const message = `At most ${limits.callsPerFrame} calls per frame`;
      refuse(requestIdOf(raw, limits.idLength) ?? null, undefined, 'TOO_MANY_REQUESTS', message);
    }
  });

  // `ws` reports protocol errors (a frame over maxPayload, bad opcodes) here, then closes the socket.
  socket.on('error', (error) => options.onSocketError(error));

  socket.once('close', () => {
    clearTimeout(deadline);
    isClosed = true;
    closed.abort();
    for (const live of subscriptions.values()) live.stop.abort();
    release?.();
  });
}

/**
 * What makes two subscriptions the same: the procedure and its input, whatever the order of the
 * input's keys and without the resume point (a resumed copy still receives every event again).
 */
function subscriptionKey(path: string, input: unknown): string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return `${path} ${JSON.stringify(input) ?? ''}`;
  const entries = Object.entries(input)
    .filter(([key]) => key !== 'lastEventId')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${path} ${JSON.stringify(entries)}`;
}

/** The call's id when it is one the client may use; undefined when it is missing or unacceptable. */
function requestIdOf(raw: unknown, maxLength: number): RequestId | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  if (typeof id === 'string' && id.length > 0 && id.length <= maxLength) return id;
  return undefined;
}

/** wsLink sends the last tracked id it saw beside the input; procedures read it from the input. */
function withLastEventId(input: unknown, lastEventId: string | undefined): unknown {
  if (lastEventId === undefined) return input;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return { ...input, lastEventId };
  return input ?? { lastEventId };
}

function requestInfo(
  connectionParams: TRPCRequestInfo['connectionParams'],
  closed: AbortController,
): TRPCRequestInfo {
  return {
    accept: null,
    type: 'unknown',
    isBatchCall: false,
    calls: [],
    connectionParams,
    // Read only by whoever needs it (nothing in Spotter's context does): see `closed`.
    get signal() {
      return closed.signal;
    },
    url: null,
  };
}
