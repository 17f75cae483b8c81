/** Escapes `%`, `_` and `\` so user text is matched literally (as a substring) inside an ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
