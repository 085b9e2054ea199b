import type { LiveEntry } from '@zhijian/shared';

export type LiveFilter = 'all' | 'in' | 'late' | 'leave' | 'missing';

export const LIVE_FILTERS: readonly { value: LiveFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'in', label: '已到' },
  { value: 'late', label: '迟到' },
  { value: 'leave', label: '请假' },
  { value: 'missing', label: '未到' },
];

/** Which filter an entry falls under besides 全部: 已到 holds the late ones too (迟到 narrows it). */
function matches(entry: LiveEntry, filter: LiveFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'in':
      return entry.status === 'present' || entry.status === 'late';
    case 'late':
      return entry.status === 'late';
    case 'leave':
      return entry.status === 'leave';
    case 'missing':
      // Not in yet while the window is open, 缺席 after: neither has a record nor a leave.
      return entry.status === 'waiting' || entry.status === 'absent';
  }
}

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

/** The entries a search by name (any part of it, spaces ignored) and a filter leave, in list order. */
export function filterLive(entries: readonly LiveEntry[], filter: LiveFilter, query: string): LiveEntry[] {
  const needle = withoutSpaces(query);
  return entries.filter((entry) => matches(entry, filter) && (needle === '' || withoutSpaces(entry.name).includes(needle)));
}

/** How many entries each filter holds, for the chips' labels. */
export function countByFilter(entries: readonly LiveEntry[]): Record<LiveFilter, number> {
  const counts = { all: 0, in: 0, late: 0, leave: 0, missing: 0 } as Record<LiveFilter, number>;
  for (const entry of entries) for (const { value } of LIVE_FILTERS) if (matches(entry, value)) counts[value] += 1;
  return counts;
}
