import styles from './channel.module.css';
import { splitLinks } from './linkify';

/**
 * A message body with its web and email addresses as links. Every part is a React text node or an
 * <a> with an allow-listed href, so a body can never inject markup or a javascript: URL. Links open
 * in a new tab without handing it `window.opener` or our address.
 */
export function LinkifiedText({ text }: { text: string }) {
  let offset = 0;
  return splitLinks(text).map((part) => {
    const key = offset;
    offset += part.text.length;
    if (part.kind === 'text') return part.text;
    return (
      <a key={key} href={part.href} className={styles.link} target="_blank" rel="noopener noreferrer">
        {part.text}
      </a>
    );
  });
}
