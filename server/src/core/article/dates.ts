/**
 * Reads dates as corpus files write them and turns them into ISO `YYYY-MM-DD`.
 */

function isPlausible(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!isPlausible(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A front-matter date: `2023-10-29T03:36:11.000Z`, `"2021-06-13"`, `2021-06-13 23:57:15`, `2021/6/13`. The written calendar day is kept. */
export function dateFromFrontMatter(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return dateFromEpochMs(value > 1e11 ? value : value * 1000);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(value);
  return match ? isoDate(+match[1], +match[2], +match[3]) : undefined;
}

/** The `<!--1698550571000-->` stamp; the calendar day in UTC, as Jekyll front matter writes it. */
export function dateFromEpochMs(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const date = new Date(ms);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A `YYYYMMDD` run such as the `20231117` prefix of a title or `(20221115)` in a programme title. */
export function compactDate(text: string): { date: string; index: number; length: number } | undefined {
  const pattern = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;
  for (let match; (match = pattern.exec(text)); ) {
    const date = isoDate(+match[1], +match[2], +match[3]);
    if (date) return { date, index: match.index, length: match[0].length };
  }
  return undefined;
}

/** A date written in prose: `2023年11月17日`, `2023-11-19`, `11/1/2023` (US order). */
export function proseDate(text: string): { date: string; index: number; length: number } | undefined {
  const pattern = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g;
  for (let match; (match = pattern.exec(text)); ) {
    const date =
      match[1] !== undefined
        ? isoDate(+match[1], +match[2], +match[3])
        : match[4] !== undefined
          ? isoDate(+match[4], +match[5], +match[6])
          : isoDate(+match[9], +match[7], +match[8]);
    if (date) return { date, index: match.index, length: match[0].length };
  }
  return undefined;
}
