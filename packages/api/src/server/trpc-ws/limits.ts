/**
 * What one WebSocket connection may ask of a replica. Each bound keeps one client (a bug or an
 * attacker) from slowing everyone else on the replica down; a browser or a bot that behaves never
 * comes near any of them.
 */
export const LIMITS = {
  /** Calls in one frame; the rest of the frame is answered TOO_MANY_REQUESTS, id by id. */
  callsPerFrame: 100,
  /**
   * Calls (queries, mutations, subscription starts) per second of one user on this replica, all
   * their connections together (of one anonymous connection); beyond it TOO_MANY_REQUESTS, before
   * any work. A person stays far below; a bot posting in bursts gets told to slow down.
   */
  callsPerSecond: 100,
  /**
   * Malformed frames and calls (not JSON, no valid id, unknown method, duplicate id, over the frame's
   * cap) one connection may send; the next closes it with 1008. wsLink never sends one.
   */
  protocolViolations: 20,
  /** Live subscriptions of one connection (a browser tab holds about five). */
  subscriptionsPerConnection: 100,
  /**
   * Live subscriptions of one connection to the same procedure with the same input (the web app's
   * channel view, member list and DM header each follow their channel: three). Each copy receives
   * every event again, so without this one socket could multiply a busy channel's traffic a hundredfold.
   */
  sameSubscriptionsPerConnection: 6,
  /** Open connections of one user across this replica (tabs, devices, bots). */
  connectionsPerUser: 50,
  /** A request id is a number or a string of at most this many characters; it is echoed back. */
  idLength: 64,
  /** A client that announced connection params (`?connectionParams=1`) must send them within this. */
  authenticationDeadlineMs: 10_000,
  /** Unsent bytes beyond which ephemeral events (typing) are dropped for this client. */
  ephemeralDropBytes: 64 * 1024,
  /** Unsent bytes beyond which the client is cut off: it resumes from its last event on reconnect. */
  slowConsumerBytes: 1024 * 1024,
};

export type ConnectionLimits = typeof LIMITS;

/** Subscriptions whose events are momentary hints: dropped first for a client that falls behind. */
export const EPHEMERAL_PATHS: ReadonlySet<string> = new Set(['typing.onUpdate']);

/** Close codes this endpoint uses besides `ws`'s own (1009 for a frame over the size limit). */
export const CLOSE_CODES = {
  /** WebSocket's own "policy violation". */
  protocolViolations: 1008,
  /** The credential was revoked (sign-out, "sign out everywhere", a revoked token) or refused: sign in again. */
  revoked: 4401,
  authenticationDeadline: 4408,
  tooManyConnections: 4429,
} as const;
