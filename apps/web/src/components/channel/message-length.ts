/** The server's cap (MESSAGE_MAX_LENGTH in packages/api), counted after trimming as the server does. */
export const MESSAGE_MAX_LENGTH = 4000;

/** From here on the counter shows, so nobody meets the limit by surprise. */
const COUNTER_FROM = MESSAGE_MAX_LENGTH * 0.9;

const count = new Intl.NumberFormat('en-US');

export type MessageLength = {
  length: number;
  isCounterShown: boolean;
  /** Set when the message cannot be sent as it is; the text itself is never cut. */
  overLimitError: string | null;
};

export function measureMessage(draft: string): MessageLength {
  const length = draft.trim().length;
  return {
    length,
    isCounterShown: length >= COUNTER_FROM,
    overLimitError:
      length > MESSAGE_MAX_LENGTH
        ? `This message is ${count.format(length)} characters; the limit is ${count.format(MESSAGE_MAX_LENGTH)}.`
        : null,
  };
}

export function formatCount(length: number): string {
  return `${count.format(length)} / ${count.format(MESSAGE_MAX_LENGTH)}`;
}
