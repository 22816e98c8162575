import { getWebRuntime } from '@/server/runtime';

function handler(req: Request): Promise<Response> {
  return getWebRuntime().handleTrpcRequest(req);
}

export { handler as GET, handler as POST };
