/** "#" for a public channel, a padlock for a private one; decorative (the name says it all). */
export function ChannelIcon({
  visibility,
  className,
}: {
  visibility: 'PUBLIC' | 'PRIVATE';
  className?: string;
}) {
  if (visibility === 'PUBLIC') {
    return (
      <span className={className} aria-hidden="true">
        #
      </span>
    );
  }
  return (
    <span className={className} aria-hidden="true">
      <svg width="12" height="12" viewBox="0 0 16 16" fill="currentColor" role="presentation">
        <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v6a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 14.5v-6A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
      </svg>
    </span>
  );
}
