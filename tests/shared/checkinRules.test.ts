import {
  activityPointsFor,
  attendanceRate,
  checkinWindow,
  DEFAULT_CHECKIN_SETTINGS,
  DEFAULT_RECORD_SETTINGS,
  distanceMeters,
  isLate,
  slotAge,
  slotEndsAt,
  slotOf,
  windowState,
  withinRadius,
} from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

const start = new Date('2026-11-25T14:00:00+08:00');
const at = (iso: string) => new Date(`2026-11-25T${iso}+08:00`);

describe('check-in window', () => {
  const window = checkinWindow(start, DEFAULT_CHECKIN_SETTINGS);

  it('opens 30 minutes before the start, to the second', () => {
    expect(windowState(window, at('13:29:59'))).toBe('not_open');
    expect(windowState(window, at('13:30:00'))).toBe('open');
  });

  it('closes 30 minutes after the start, to the second', () => {
    expect(windowState(window, at('14:30:00'))).toBe('open');
    expect(windowState(window, at('14:30:01'))).toBe('closed');
  });

  it('marks check-ins after start + 10 minutes late', () => {
    expect(isLate(window, at('14:10:00'))).toBe(false);
    expect(isLate(window, at('14:10:01'))).toBe(true);
  });

  it('follows a unit’s own settings', () => {
    const own = checkinWindow(start, { windowBeforeMinutes: 60, windowAfterMinutes: 15, lateAfterMinutes: 5, geofence: false });
    expect(windowState(own, at('13:00:00'))).toBe('open');
    expect(windowState(own, at('14:15:01'))).toBe('closed');
    expect(isLate(own, at('14:05:01'))).toBe(true);
  });
});

describe('15-second slots', () => {
  it('change every 15 seconds and end on the boundary', () => {
    const slot = slotOf(new Date('2026-11-25T06:00:00.000Z'));
    expect(slotOf(new Date('2026-11-25T06:00:14.999Z'))).toBe(slot);
    expect(slotOf(new Date('2026-11-25T06:00:15.000Z'))).toBe(slot + 1);
    expect(slotEndsAt(slot).toISOString()).toBe('2026-11-25T06:00:15.000Z');
  });

  it('accept the current and the previous slot only', () => {
    const now = new Date('2026-11-25T06:00:20.000Z');
    const current = slotOf(now);
    expect(slotAge(current, now)).toBe('current');
    expect(slotAge(current - 1, now)).toBe('previous');
    expect(slotAge(current - 2, now)).toBe('expired');
    expect(slotAge(current + 1, now)).toBe('future');
  });
});

describe('geofence', () => {
  const 建华文创园 = { latitude: 30.2741, longitude: 120.1551 };

  it('measures distances with the haversine formula', () => {
    // One thousandth of a degree of latitude is about 111 m.
    expect(distanceMeters(建华文创园, { latitude: 30.2751, longitude: 120.1551 })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(建华文创园, 建华文创园)).toBe(0);
  });

  it('contains positions inside the radius and not outside', () => {
    expect(withinRadius(建华文创园, 200, { latitude: 30.2755, longitude: 120.1551 })).toBe(true);
    expect(withinRadius(建华文创园, 200, { latitude: 30.2761, longitude: 120.1551 })).toBe(false);
  });
});

describe('points and rates', () => {
  it('gives 2 on time, 1 late, 1 for an approved make-up by default', () => {
    expect(activityPointsFor(DEFAULT_RECORD_SETTINGS, 'present', 'scan')).toBe(2);
    expect(activityPointsFor(DEFAULT_RECORD_SETTINGS, 'present', 'manual')).toBe(2);
    expect(activityPointsFor(DEFAULT_RECORD_SETTINGS, 'late', 'scan')).toBe(1);
    expect(activityPointsFor(DEFAULT_RECORD_SETTINGS, 'present', 'makeup')).toBe(1);
  });

  it('excuses members on leave from the attendance rate', () => {
    expect(attendanceRate({ expected: 10, present: 6, late: 2, leave: 2 })).toBe(1);
    expect(attendanceRate({ expected: 10, present: 4, late: 1, leave: 0 })).toBe(0.5);
    expect(attendanceRate({ expected: 2, present: 0, late: 0, leave: 2 })).toBeNull();
  });
});
