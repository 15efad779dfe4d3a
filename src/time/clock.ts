// The one source of "now" for anything with a lifetime: access tokens, sessions, idle and re-auth
// windows, sign-in cookies. Tests swap in a ManualClock and move it forward instead of sleeping.
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  #now: number;

  constructor(start = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}

export const isoAt = (ms: number): string => new Date(ms).toISOString();
