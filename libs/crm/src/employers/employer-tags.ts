import { TAG_SPLITTER } from '../imports/employer-csv-format';

export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 50;

/**
 * The one tag rule of the employer form and the CSV import: trimmed, inner spaces collapsed, empty
 * ones dropped, de-duplicated case-insensitively (the first spelling wins). A CSV separator inside a
 * tag would split it on the way back in, so it is refused. Problems go to `fail`, one call each.
 */
export function normaliseTags(tags: readonly string[], fail: (problem: string) => void): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    if (TAG_SPLITTER.test(tag)) fail(`"${tag}" may not contain , ; or |`);
    else if (tag.length > MAX_TAG_LENGTH) fail(`"${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH}`);
    else if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  if (seen.size > MAX_TAGS) fail(`at most ${MAX_TAGS} tags`);
  return [...seen.values()];
}
