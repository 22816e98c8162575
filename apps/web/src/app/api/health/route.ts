import { getWebRuntime } from '@/server/runtime';

/** Liveness and readiness for load balancers: 200 while the database and the bus both work. */
export async function GET(): Promise<Response> {
  const { env, deps } = getWebRuntime();
  const database = await deps.prisma.$queryRaw`SELECT 1`.then(
    () => 'up' as const,
    () => 'down' as const,
  );
  const bus = { kind: deps.bus.kind, ready: deps.bus.isReady() };
  const isReady = database === 'up' && bus.ready;
  return Response.json(
    { status: isReady ? 'ok' : 'degraded', mode: env.mode, bus, database },
    { status: isReady ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
