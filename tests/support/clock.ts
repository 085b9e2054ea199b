import type { Clock } from '../../server/src/clock';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: string | Date = '2026-11-20T09:00:00+08:00') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
