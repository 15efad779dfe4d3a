// Wall times in IANA zones, computed with Intl only (never the server's own zone): a wall time is
// what a person reads on a clock in a zone ("2027-03-28T09:30" in Europe/Berlin); its instant is
// the UTC moment that clock shows it.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone both Intl and the VTIMEZONE table know (an invite must carry its rules). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC') return true;
  try {
    formatterOf(timeZone);
  } catch {
    return false;
  }
  return getVtimezoneComponent(timeZone) !== null;
}

/** The wall time a clock in `timeZone` shows at `epochMs`. */
export function wallAt(epochMs: number, timeZone: string): WallFields {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

const asUtc = (w: WallFields): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
const sameWall = (a: WallFields, b: WallFields): boolean => asUtc(a) === asUtc(b);

/**
 * The instant of a wall time in a zone, or null when that wall time does not exist there (skipped
 * by a spring-forward change). A repeated wall time (fall-back) is its first occurrence.
 */
export function instantOf(wall: WallFields, timeZone: string): number | null {
  const guess = asUtc(wall);
  // The zone's offset is within ±18 h; try the offsets in effect a day either side of the guess.
  const candidates = [-1, 0, 1]
    .map((days) => {
      const probe = guess + days * 86_400_000;
      return guess - (asUtc(wallAt(probe, timeZone)) - probe);
    })
    .filter((instant) => sameWall(wallAt(instant, timeZone), wall));
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** "YYYY-MM-DDTHH:MM" as fields, or null when it is not one (or not a real date). */
export function parseLocalDateTime(text: string): WallFields | null {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return null;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
  return isRealWall(wall) ? wall : null;
}

/** "YYYY-MM-DD" as fields at midnight, or null. */
export function parseLocalDate(text: string): WallFields | null {
  const m = LOCAL_DATE.exec(text);
  if (!m) return null;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
  return isRealWall(wall) ? wall : null;
}

function isRealWall(wall: WallFields): boolean {
  if (wall.hour > 23 || wall.minute > 59) return false;
  const date = new Date(asUtc(wall));
  return date.getUTCFullYear() === wall.year && date.getUTCMonth() + 1 === wall.month && date.getUTCDate() === wall.day;
}

const two = (n: number): string => String(n).padStart(2, '0');
export const formatLocalDate = (w: WallFields): string => `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}`;
export const formatLocalDateTime = (w: WallFields): string => `${formatLocalDate(w)}T${two(w.hour)}:${two(w.minute)}`;

/** The calendar day after a date (all-day events end on the day after their last day in iCalendar). */
export function nextDay(wall: WallFields): WallFields {
  const date = new Date(asUtc({ ...wall, hour: 0, minute: 0 }) + 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 };
}

/**
 * A wall time in the shape ical-generator formats field by field (its Temporal.PlainDateTime
 * branch). A plain Date with a zone would be written in the server process's own zone (it reads
 * getHours()), which is wrong wherever the server's zone is not the event's.
 */
export class IcalWallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second = 0;
  constructor(wall: WallFields) {
    this.year = wall.year;
    this.month = wall.month;
    this.day = wall.day;
    this.hour = wall.hour;
    this.minute = wall.minute;
  }
  /** ical-generator asks for the zoned value and then for its wall time again: the same fields, in that zone. */
  toZonedDateTime(timeZoneId: string): IcalZonedWallTime {
    return new IcalZonedWallTime(this, timeZoneId);
  }
  toPlainDate(): { year: number; month: number; day: number } {
    return { year: this.year, month: this.month, day: this.day };
  }
}

class IcalZonedWallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second = 0;
  constructor(
    private readonly wall: IcalWallTime,
    readonly timeZoneId: string,
  ) {
    this.year = wall.year;
    this.month = wall.month;
    this.day = wall.day;
    this.hour = wall.hour;
    this.minute = wall.minute;
  }
  withTimeZone(): IcalZonedWallTime {
    return this;
  }
  toPlainDateTime(): IcalWallTime {
    return this.wall;
  }
  toInstant(): { epochMilliseconds: number } {
    return { epochMilliseconds: instantOf(this.wall, this.timeZoneId) ?? asUtc(this.wall) };
  }
}
