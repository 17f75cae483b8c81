/** When a campaign may send (api.md "Outreach"): ISO weekdays and a half-open `[from, to)` Amsterdam time. */
export interface SendWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** `HH:MM`, inclusive. */
  from: string;
  /** `HH:MM`, exclusive (a window to 17:00 sends until 16:59:59.999); `24:00` is the end of the day. */
  to: string;
}

export const DEFAULT_SEND_WINDOW: SendWindow = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an `HH:MM` time; `24:00` only when `endOfDay` is allowed. Null when malformed. */
export function clockMinutes(value: string, endOfDay = false): number | null {
  if (endOfDay && value === '24:00') return 24 * 60;
  const match = CLOCK_TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
