import { getWebRuntime } from '@/server/runtime';

/**
 * Liveness and readiness for load balancers: 200 while the database and the bus both work. The
 * details (mode, bus, database) are for the machine's own health checks, which call the replica
 * directly; through the proxy (which always adds X-Forwarded-For) the world sees only the status.
 */
export async function GET(req: Request): Promise<Response> {
  const { env, deps } = getWebRuntime();
  const database = await deps.prisma.$queryRaw`SELECT 1`.then(
    () => 'up' as const,
    () => 'down' as const,
  );
  const bus = { kind: deps.bus.kind, ready: deps.bus.isReady() };
  const isReady = database === 'up' && bus.ready;
  const status = isReady ? 'ok' : 'degraded';
  const isProxied = req.headers.has('x-forwarded-for');
  return Response.json(isProxied ? { status } : { status, mode: env.mode, bus, database }, {
    status: isReady ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
