/** The slice of a structured logger (pino's, in the apps) that this package writes to. */
export type DbLogger = {
  info(message: string): void;
  warn(message: string): void;
};
