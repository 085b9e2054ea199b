/**
 * When a check-in counts: the window around the start, lateness, and the 15-second slots the
 * organiser's rotating code is signed for. Pure functions of instants; "now" is always passed in.
 */
export interface CheckinSettings {
  /** Check-in opens this many minutes before the start. */
  windowBeforeMinutes: number;
  /** …and closes this many minutes after the start. */
  windowAfterMinutes: number;
  /** A check-in after start + this many minutes is late. */
  lateAfterMinutes: number;
  /** Whether the position sent at check-in must lie within the activity's radius. */
  geofence: boolean;
}

export const DEFAULT_CHECKIN_SETTINGS: CheckinSettings = {
  windowBeforeMinutes: 30,
  windowAfterMinutes: 30,
  lateAfterMinutes: 10,
  geofence: false,
};

export interface CheckinWindow {
  opensAt: Date;
  closesAt: Date;
  /** Check-ins strictly after this instant are late. */
  lateAfter: Date;
}

const minutes = (n: number) => n * 60_000;

export function checkinWindow(startsAt: Date, settings: CheckinSettings): CheckinWindow {
  const start = startsAt.getTime();
  return {
    opensAt: new Date(start - minutes(settings.windowBeforeMinutes)),
    closesAt: new Date(start + minutes(settings.windowAfterMinutes)),
    lateAfter: new Date(start + minutes(settings.lateAfterMinutes)),
  };
}

export type WindowState = 'not_open' | 'open' | 'closed';

/** Both ends are inclusive: at exactly opensAt and at exactly closesAt the window is open. */
export function windowState(window: CheckinWindow, now: Date): WindowState {
  if (now.getTime() < window.opensAt.getTime()) return 'not_open';
  if (now.getTime() > window.closesAt.getTime()) return 'closed';
  return 'open';
}

export function isLate(window: CheckinWindow, at: Date): boolean {
  return at.getTime() > window.lateAfter.getTime();
}

/** The rotating code changes every 15 seconds. */
export const SLOT_SECONDS = 15;
const SLOT_MS = SLOT_SECONDS * 1000;

export function slotOf(instant: Date): number {
  return Math.floor(instant.getTime() / SLOT_MS);
}

/** When a slot's code stops being the current one. */
export function slotEndsAt(slot: number): Date {
  return new Date((slot + 1) * SLOT_MS);
}

export type SlotAge = 'current' | 'previous' | 'expired' | 'future';

/**
 * A code is accepted in its own slot and the next one, so a scan started just before the code
 * changed still counts (at most 30 s of validity); older codes are expired.
 */
export function slotAge(slot: number, now: Date): SlotAge {
  const current = slotOf(now);
  if (slot === current) return 'current';
  if (slot === current - 1) return 'previous';
  return slot < current ? 'expired' : 'future';
}

/** Radius used when a unit turned geofencing on but the place has coordinates without a radius. */
export const DEFAULT_GEOFENCE_RADIUS_METERS = 300;
