import { createSpotterClient } from '@spotter/api/client';
import { answer } from './commands';
import { readConfig } from './config';

/**
 * A Spotter bot: joins SPOTTER_CHANNEL, follows its events and answers commands (`!ping`). Run it
 * with `SPOTTER_URL=http://localhost:3000 SPOTTER_TOKEN=spt_… npm start -w @spotter/example-bot`.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

const config = readConfig(process.env);
const startedAt = new Date();

const spotter = createSpotterClient({
  wsUrl: config.wsUrl,
  ...(config.httpUrl ? { httpUrl: config.httpUrl } : {}),
  token: config.token,
  onRevoked() {
    complain('The token was revoked or has expired: make a new one in Settings → API tokens.');
    process.exit(2);
  },
});

const me = await spotter.trpc.auth.me.query();
if (!me) throw new Error('The token was not accepted.');
const channel = await spotter.trpc.channel.get.query({ slug: config.channel });
await spotter.trpc.channel.join.mutate({ channelId: channel.id });

spotter.trpc.channel.onEvent.subscribe(
  { channelId: channel.id },
  {
    onStarted() {
      say(`listening in #${config.channel} as ${me.name}`);
    },
    onData({ data: event }) {
      if (event.type !== 'message.created') return;
      const { message } = event;
      // The first items replay recent history: only commands sent since the bot started count.
      if (message.authorId === me.userId || message.createdAt < startedAt) return;
      const reply = answer(message.body);
      if (!reply) return;
      // The nonce makes a replayed event (after a reconnect) return the same reply, never a second one.
      spotter.trpc.message.send
        .mutate({ channelId: channel.id, body: reply, nonce: `reply-${message.id}` })
        .then(() => say(`answered ${message.authorName}: ${reply}`))
        .catch((error: Error) => complain(`could not answer: ${error.message}`));
    },
    onError(error) {
      complain(`subscription failed: ${error.message}`);
      process.exit(1);
    },
  },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    spotter.close();
    process.exit(0);
  });
}
