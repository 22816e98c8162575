import type { UserSummary } from '@spotter/api';
import styles from './channel.module.css';
import { splitLinks } from './linkify';
import { splitMentions } from './mentions';

type Props = { text: string; mentions?: readonly UserSummary[]; myId?: string };

/**
 * A message body with its web and email addresses as links and its mentions as "@username" chips
 * (stronger when they mention me). Every part is a React text node, a <span> or an <a> with an
 * allow-listed href, so a body can never inject markup or a javascript: URL. Links open in a new
 * tab without handing it `window.opener` or our address.
 */
export function LinkifiedText({ text, mentions = [], myId }: Props) {
  let offset = 0;
  return splitMentions(text, mentions).flatMap((chunk) => {
    if (chunk.kind === 'mention') {
      const key = `m${offset}`;
      offset += 1;
      const isMe = chunk.user.id === myId;
      return (
        <span
          key={key}
          data-testid="mention"
          className={`${styles.mention} ${isMe ? styles.mentionMe : ''}`}
          title={chunk.user.name}
        >
          @{chunk.user.username}
        </span>
      );
    }
    return splitLinks(chunk.text).map((part) => {
      const key = offset;
      offset += part.text.length;
      if (part.kind === 'text') return part.text;
      return (
        <a key={key} href={part.href} className={styles.link} target="_blank" rel="noopener noreferrer">
          {part.text}
        </a>
      );
    });
  });
}
