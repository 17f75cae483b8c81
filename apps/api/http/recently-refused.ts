const MAX_KEYS = 10_000;

/**
 * Budgets this process has seen refused, until their block ends: while a key is in here its requests skip the
 * user read the rate-limit guard would otherwise start beside its Redis call (request-principal.ts), so a flood
 * over the limit costs one Redis call per request and no database read, as before that overlap. Bounded: the
 * oldest entry goes first. Per process: another replica reads once before it learns of the block itself.
 */
export class RecentlyRefused {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  has(key: string): boolean {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(key);
    return false;
  }

  add(key: string, seconds: number): void {
    this.until.delete(key);
    if (this.until.size >= MAX_KEYS) this.until.delete(this.until.keys().next().value!);
    this.until.set(key, this.now() + seconds * 1000);
  }
}
