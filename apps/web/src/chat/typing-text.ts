/** "Alice is typing…", "Alice and Bob are typing…"; empty when nobody types. */
export function describeTypers(names: readonly string[]): string {
  const [first, second, third] = names;
  if (names.length === 0) return '';
  if (names.length === 1) return `${first} is typing…`;
  if (names.length === 2) return `${first} and ${second} are typing…`;
  if (names.length === 3) return `${first}, ${second} and ${third} are typing…`;
  return 'Several people are typing…';
}
