import {
  countsTowardLimit,
  ENTRY_STATUSES,
  ENTRY_TRANSITIONS,
  isEditable,
  nextEntryStatus,
  type EntryAction,
  type EntryStatus,
} from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

type Move = Exclude<EntryAction, 'create'>;

/** The lifecycle as the issue states it, written out independently of the table under test. */
const EXPECTED: [EntryStatus, Move, EntryStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'register', 'registered'],
  ['registered', 'pass', 'passed'],
  ['registered', 'return', 'returned'],
  ['registered', 'reject', 'rejected'],
  ['returned', 'resubmit', 'submitted'],
  ['passed', 'start_review', 'in_review'],
  ['in_review', 'rate', 'rated'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['registered', 'withdraw', 'withdrawn'],
  ['passed', 'withdraw', 'withdrawn'],
  ['returned', 'withdraw', 'withdrawn'],
  ['submitted', 'adopt', 'adopted'],
  ['registered', 'adopt', 'adopted'],
  ['passed', 'adopt', 'adopted'],
];

describe('the entry lifecycle', () => {
  it('allows exactly the moves of the issue and nothing else', () => {
    const moves = Object.keys(ENTRY_TRANSITIONS) as Move[];
    for (const status of ENTRY_STATUSES) {
      for (const move of moves) {
        const expected = EXPECTED.find(([from, action]) => from === status && action === move)?.[2] ?? null;
        expect(nextEntryStatus(status, move), `${status} --${move}-->`).toBe(expected);
      }
    }
  });

  it('lets nothing follow a final status', () => {
    for (const status of ['rejected', 'rated', 'withdrawn', 'adopted'] as const) {
      for (const move of Object.keys(ENTRY_TRANSITIONS) as Move[]) expect(nextEntryStatus(status, move)).toBeNull();
    }
  });

  it('is editable while a draft, submitted (until registered) or returned', () => {
    expect(ENTRY_STATUSES.filter(isEditable)).toEqual(['draft', 'submitted', 'returned']);
  });

  it("counts everything handed in and not withdrawn toward the unit's limit", () => {
    expect(ENTRY_STATUSES.filter((s) => !countsTowardLimit(s))).toEqual(['draft', 'withdrawn']);
  });
});
