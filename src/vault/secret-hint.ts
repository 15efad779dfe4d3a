/** Values shorter than this get no hint: four characters of a short secret give too much of it away. */
export const HINT_MIN_LENGTH = 16;
const HINT_LENGTH = 4;

/** The last four characters of a secret of at least 16 characters, else null. Never stored in an export. */
export function secretHint(value: string): string | null {
  const characters = [...value];
  return characters.length >= HINT_MIN_LENGTH ? characters.slice(-HINT_LENGTH).join('') : null;
}
