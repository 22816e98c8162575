import type { PGlite } from '@electric-sql/pglite';

type Turn = {
  connectionId: number;
  /** Runs on the backend while PGlite's lock is held; resolves with the bytes answered. */
  run(): Promise<number>;
  /** After this message the backend has answered ReadyForQuery: the client waits for us. */
  endsCycle: boolean;
  resolve(bytes: number): void;
  reject(error: Error): void;
};

// Sync ('S') and a simple Query ('Q') are answered with ReadyForQuery; so is the startup packet,
// which has no type byte (its first byte is the high byte of a small length: 0). Terminate ('X')
// ends the connection. Parse, Bind, Describe, Execute and Flush are parts of a cycle.
const CYCLE_ENDS = new Set([0, 'S'.charCodeAt(0), 'Q'.charCodeAt(0), 'X'.charCodeAt(0)]);

const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);

/**
 * Hands PGlite's one backend session to one client connection at a time, the way a real server
 * gives each connection its own: a connection keeps the backend from its first message until
 * ReadyForQuery (so its Parse/Bind/Execute/Sync never interleave with another client's and clobber
 * the unnamed statement and portal), and for as long as it has a transaction open (so another
 * client's statement never runs inside it). Other connections' messages wait, in arrival order.
 *
 * Implements the queue interface `PGLiteSocketHandler` drives (enqueue, clearQueueForHandler,
 * clearTransactionIfNeeded); pglite-socket's own queue only keeps transactions together.
 */
export class SessionQueue {
  readonly #db: PGlite;
  #waiting: Turn[] = [];
  #owner: number | null = null;
  #pumping = false;
  #closing: (() => void)[] | null = null;

  constructor(db: PGlite) {
    this.#db = db;
  }

  /** Queues one protocol message of `connectionId`; its answer is streamed to `onData`. */
  enqueue(connectionId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return this.#schedule(connectionId, CYCLE_ENDS.has(message[0] ?? 0), async () => {
      let bytes = 0;
      await this.#db.execProtocolRawStream(message, {
        onRawData: (data) => {
          bytes += data.length;
          onData(data);
        },
      });
      return bytes;
    });
  }

  /** The connection is gone: drop what it still had queued. */
  clearQueueForHandler(connectionId: number): void {
    const gone = this.#waiting.filter((turn) => turn.connectionId === connectionId);
    this.#waiting = this.#waiting.filter((turn) => turn.connectionId !== connectionId);
    for (const turn of gone) turn.reject(new Error('Connection closed'));
  }

  /**
   * The connection is gone: if it held the backend (mid-cycle or in a transaction), end what it
   * left open, as PostgreSQL does when a client disconnects, and hand the backend on.
   */
  async clearTransactionIfNeeded(connectionId: number): Promise<void> {
    if (this.#owner !== connectionId) return;
    const reset = this.#schedule(connectionId, true, async () => {
      // The answers go nowhere. (Streamed, because PGlite's plain execProtocolRaw would hand them
      // to the callback of the last streamed call: another client's socket.)
      const discard = { onRawData: () => {} };
      // Sync leaves an unfinished extended-query cycle (and an error's skip-until-Sync state).
      await this.#db.execProtocolRawStream(SYNC, discard);
      if (this.#db.isInTransaction()) await this.#db.execProtocolRawStream(simpleQuery('ROLLBACK'), discard);
      return 0;
    });
    // The socket handler calls this without catching: a failure here (PGlite closing or broken)
    // must not crash the process, nor leave the backend to a connection that no longer exists.
    await reset.catch(() => {
      if (this.#owner === connectionId) this.#owner = null;
      void this.#pump();
    });
  }

  /**
   * Lets what is running or runnable finish (a vanished client's rollback), then refuses everything
   * else, so the caller can close PGlite without a turn touching it afterwards.
   */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#closing ??= [];
      this.#closing.push(resolve);
      if (!this.#pumping) this.#finishClosing();
    });
  }

  #finishClosing(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const turn of waiting) turn.reject(new Error('PGlite is closing'));
    for (const resolve of this.#closing ?? []) resolve();
  }

  #schedule(connectionId: number, endsCycle: boolean, run: () => Promise<number>): Promise<number> {
    if (this.#closing) return Promise.reject(new Error('PGlite is closing'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ connectionId, run, endsCycle, resolve, reject });
      void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        const owner = this.#owner;
        const index = owner === null ? 0 : this.#waiting.findIndex((turn) => turn.connectionId === owner);
        const [turn] = index < 0 ? [] : this.#waiting.splice(index, 1);
        // Nothing queued, or the owner's client has not sent its next message yet: wait for it.
        if (!turn) return;
        this.#owner = turn.connectionId;
        try {
          turn.resolve(await this.#db.runExclusive(() => turn.run()));
        } catch (error) {
          // PGlite itself failed; the handler drops this connection, which releases the backend.
          turn.reject(error as Error);
          continue;
        }
        if (turn.endsCycle && !this.#db.isInTransaction()) this.#owner = null;
      }
    } finally {
      this.#pumping = false;
      if (this.#closing) this.#finishClosing();
    }
  }
}

function simpleQuery(sql: string): Uint8Array {
  const text = new TextEncoder().encode(`${sql}\0`);
  const message = new Uint8Array(5 + text.length);
  const view = new DataView(message.buffer);
  message[0] = 'Q'.charCodeAt(0);
  view.setInt32(1, 4 + text.length);
  message.set(text, 5);
  return message;
}
