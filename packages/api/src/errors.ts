/** The codes a service may fail with; each maps to the tRPC code of the same name (see trpc.ts). */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

/**
 * An application error with a stable code and a message a person can act on. Services throw these
 * (never TRPCError): one middleware turns them into tRPC errors, so services stay usable from any
 * transport and from tests.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  /** For TOO_MANY_REQUESTS: when the call may succeed again (the error formatter passes it on). */
  readonly retryAfterMs?: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** True for an AppError, also one thrown by another module copy of this package (Next bundles). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error as { name?: unknown } | null)?.name === 'AppError';
}

/**
 * Prisma's unique-constraint violation (P2002), e.g. two creates racing for one name; with `field`,
 * only a violation on that column. Prisma names the constraint's fields in `meta` on some queries,
 * and only the index (`User_username_key`) on others (an update through the pg driver adapter).
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: unknown };
  if (code !== 'P2002') return false;
  if (field === undefined) return true;
  const described = JSON.stringify(meta ?? {});
  return described.includes(`"${field}"`) || described.includes(`_${field}_key"`);
}
