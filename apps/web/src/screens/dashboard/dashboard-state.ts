/**
 * The dashboard's choices (region, period, cohort grouping, targets period) as they live in the
 * address bar, so a view can be shared and survives a reload. Dates are Europe/Amsterdam calendar
 * days written as YYYY-MM-DD, as the reporting api wants them.
 */
export type CohortGrouping = 'quarter' | 'month';

export interface DashboardState {
  /** Region id; '' = all the user's regions. */
  regionId: string;
  from: string;
  to: string;
  by: CohortGrouping;
  /** Targets period: a year (`2027`) or a quarter (`2027-Q1`). */
  targetPeriod: string;
}

export interface DashboardDefaults {
  today: string;
  /** The region a user with exactly one region starts in; '' otherwise. */
  regionId: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^\d{4}(-Q[1-4])?$/;

/** Today's calendar day in Amsterdam (the api's days are Amsterdam days too). */
export function amsterdamToday(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The first day of the twelve months that end on `day` (the api's default range). */
export function yearBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year - 1, month - 1, Math.min(date, lastOfMonth) + 1)).toISOString().slice(0, 10);
}

export interface RangePreset {
  label: string;
  from: string;
  to: string;
}

/** The period shortcuts: this year up to today, last calendar year, the twelve months up to today. */
export function rangePresets(today: string): RangePreset[] {
  const year = Number(today.slice(0, 4));
  return [
    { label: 'Dit jaar', from: `${year}-01-01`, to: today },
    { label: 'Vorig jaar', from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    { label: 'Laatste 12 maanden', from: yearBefore(today), to: today },
  ];
}

/** Reads the address bar; anything missing or malformed falls back to the defaults (twelve months to today). */
export function stateFromSearch(search: URLSearchParams, defaults: DashboardDefaults): DashboardState {
  const read = (key: string) => (search.get(key) ?? '').trim();
  const to = isDate(read('tot')) ? read('tot') : defaults.today;
  const from = isDate(read('van')) ? read('van') : yearBefore(to);
  const region = search.has('regio') ? read('regio') : defaults.regionId;
  const targetPeriod = PERIOD.test(read('doel')) ? read('doel') : to.slice(0, 4);
  return { regionId: region, from, to, by: read('cohort') === 'maand' ? 'month' : 'quarter', targetPeriod };
}

/** Writes every choice, so a shared link shows the same figures on another day too. */
export function searchFromState(state: DashboardState): string {
  const search = new URLSearchParams();
  search.set('regio', state.regionId);
  search.set('van', state.from);
  search.set('tot', state.to);
  search.set('cohort', state.by === 'month' ? 'maand' : 'kwartaal');
  search.set('doel', state.targetPeriod);
  return `?${search}`;
}

/** Dutch problem with the chosen range, or null when the api can be asked. */
export function rangeProblem(state: Pick<DashboardState, 'from' | 'to'>): string | null {
  return state.from > state.to ? 'De begindatum ligt na de einddatum.' : null;
}

/** The targets periods to choose from: the years around today and their quarters, plus the chosen one. */
export function targetPeriodOptions(today: string, chosen: string): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const values: string[] = [];
  for (const y of [year - 1, year, year + 1]) values.push(String(y), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`));
  if (!values.includes(chosen)) values.unshift(chosen);
  return values.map((value) => ({ value, label: periodLabel(value) }));
}

/** `2027` → "2027", `2027-Q1` → "1e kwartaal 2027"; cohort months `2027-03` → "mrt 2027". */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[2]}e kwartaal ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return period;
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
