/** What the bot answers to: a message starting with `!` and one of these words. */
const COMMANDS: Record<string, (args: string) => string> = {
  ping: () => 'pong',
  help: () => 'I answer !ping, and !help. Built on @spotter/api/client: see examples/bot in the repository.',
};

/** The reply to a message, or null when it is not a command of this bot. */
export function answer(body: string): string | null {
  const match = body.trim().match(/^!(\w+)\s*(.*)$/s);
  if (!match) return null;
  const command = COMMANDS[(match[1] as string).toLowerCase()];
  return command ? command(match[2] ?? '') : null;
}
