/**
 * Token `iat` has whole seconds, so a password change is stored truncated to the second: a token
 * issued in the same second right after the change (the one POST /api/auth/password returns) stays
 * valid, every token of an earlier second is refused. A token of the same second but from before the
 * change also survives; a one-second window is the price of the standard claim.
 */
export function credentialsChangeMark(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

/** Whether a token issued at `issuedAtSeconds` predates the user's last credentials change. */
export function issuedBeforeChange(issuedAtSeconds: number, changedAt: Date | null): boolean {
  return changedAt !== null && issuedAtSeconds < Math.floor(changedAt.getTime() / 1000);
}
