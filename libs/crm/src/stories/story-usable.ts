/** The dates that decide whether a story may be shown to other employers. */
export interface UsableParts {
  published: boolean;
  consentAt: string | null;
  expiresAt: string | null;
}

/**
 * A story is usable when it is published, consent was given on or before `today` and it has not
 * expired (the expiry day itself still counts). Dates are `YYYY-MM-DD`, so they compare as text;
 * `today` is the Europe/Amsterdam date (`todayInAmsterdam(clock)`).
 */
export function isUsable(story: UsableParts, today: string): boolean {
  return (
    story.published &&
    story.consentAt !== null &&
    story.consentAt <= today &&
    (story.expiresAt === null || story.expiresAt >= today)
  );
}

/** The same rule in SQL for a stories table aliased `s`; `todayParam` is the placeholder (`$2`) of today's date. */
export function usableSql(todayParam: string): string {
  return `(s.published AND s.consent_at IS NOT NULL AND s.consent_at <= ${todayParam}::date
           AND (s.expires_at IS NULL OR s.expires_at >= ${todayParam}::date))`;
}
