/** Consecutive messages by one author within this window share one visual header. */
const GROUP_WINDOW_MS = 5 * 60_000;

type Groupable = { authorId: string; createdAt: Date };

export function startsGroup(previous: Groupable | undefined, message: Groupable): boolean {
  return (
    !previous ||
    previous.authorId !== message.authorId ||
    message.createdAt.getTime() - previous.createdAt.getTime() > GROUP_WINDOW_MS
  );
}
