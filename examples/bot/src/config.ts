/** The bot's settings, from the environment. */
export type BotConfig = {
  wsUrl: string;
  httpUrl: string | undefined;
  token: string;
  channel: string;
};

/**
 * SPOTTER_URL is the web app's address (`http://localhost:3000`): the bot calls `/api/trpc` and
 * opens `/ws` there. SPOTTER_WS_URL overrides the socket's address (a realtime replica of its own);
 * with SPOTTER_WS_URL and no SPOTTER_URL, every call goes over the socket.
 */
export function readConfig(env: NodeJS.ProcessEnv): BotConfig {
  const token = env.SPOTTER_TOKEN;
  if (!token?.startsWith('spt_'))
    throw new Error(
      'Set SPOTTER_TOKEN to a personal API token (Settings → API tokens; it starts with spt_).',
    );
  const base = env.SPOTTER_URL?.replace(/\/$/, '');
  const wsUrl = env.SPOTTER_WS_URL ?? (base ? `${base.replace(/^http/, 'ws')}/ws` : undefined);
  if (!wsUrl) throw new Error('Set SPOTTER_URL to the Spotter web app, e.g. http://localhost:3000.');
  return {
    wsUrl,
    httpUrl: base ? `${base}/api/trpc` : undefined,
    token,
    channel: env.SPOTTER_CHANNEL ?? 'general',
  };
}
