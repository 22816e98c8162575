/**
 * Wakes waiters when something they watch may have changed (an event arrived, a send was
 * acknowledged), so tests wait for a condition rather than for time. Every wait is bounded.
 */
export class Changes {
  readonly #checks = new Set<() => void>();

  notify(): void {
    for (const check of [...this.#checks]) check();
  }

  /**
   * Resolves as soon as `condition()` holds (checked now and on every notify); rejects after
   * `timeoutMs`, naming `what` and, through `describe`, what there was instead.
   */
  until(what: string, condition: () => boolean, timeoutMs: number, describe?: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) finish();
      };
      const finish = (error?: Error) => {
        this.#checks.delete(check);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        const instead = describe ? `; ${describe()}` : '';
        finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${instead}`));
      }, timeoutMs);
      this.#checks.add(check);
      check();
    });
  }
}
