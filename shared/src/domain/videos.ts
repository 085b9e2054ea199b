import { z } from 'zod';
import { addDays, formatDate, parseDate, SHANGHAI_OFFSET_MS, shanghaiDate } from './shanghaiTime';

/** 网络击鼓传花: a round runs a week by default, one 片组 featured per day. */
export const VIDEO_ROUND_DAYS = 7;
/** The upload rules the issue fixes (the server may be configured lower, never higher). */
export const VIDEO_MAX_BYTES = 100 * 1024 * 1024;
export const VIDEO_MAX_SECONDS = 180;
/** Votes: one like per member per video per day, at most ten a day (the 司法部 rule). */
export const VIDEO_LIKES_PER_DAY = 10;
export const VIDEO_COMMENT_MAX = 200;
/** Counts are published once a day at this Shanghai hour, not live (the 感动重庆 rule). */
export const VIDEO_PUBLISH_HOUR = 18;
/** Results: the jury's share in percent; the likes get the rest. */
export const VIDEO_JURY_WEIGHT = 60;

export const VIDEO_STATUSES = ['pending', 'approved', 'returned'] as const;
export const VideoStatus = z.enum(VIDEO_STATUSES);
export type VideoStatus = z.infer<typeof VideoStatus>;
export const VIDEO_STATUS_LABELS: Record<VideoStatus, string> = { pending: '待审核', approved: '已通过', returned: '已退回' };

export const VIDEO_KINDS = ['upload', 'channel'] as const;
export const VideoKind = z.enum(VIDEO_KINDS);
export type VideoKind = z.infer<typeof VideoKind>;

/**
 * The last publication at or before `now`: today's 18:00 Shanghai once it has passed, else
 * yesterday's. Likes given before it are counted in public; later ones wait for the next.
 */
export function lastVideoPublication(now: Date): Date {
  const shifted = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const today = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), VIDEO_PUBLISH_HOUR) - SHANGHAI_OFFSET_MS;
  return new Date(today <= now.getTime() ? today : today - 24 * 3600 * 1000);
}

export function nextVideoPublication(now: Date): Date {
  return new Date(lastVideoPublication(now).getTime() + 24 * 3600 * 1000);
}

/** The round's days: date and which 片组 is featured, groups taken in turn. */
export function roundSchedule<G>(startsOn: string, days: number, groups: readonly G[]): Array<{ date: string; group: G | null }> {
  const start = parseDate(startsOn);
  if (!start) return [];
  return Array.from({ length: days }, (_, index) => ({
    date: formatDate(addDays(start, index)),
    group: groups.length ? groups[index % groups.length]! : null,
  }));
}

export function roundEndsOn(startsOn: string, days: number): string {
  const start = parseDate(startsOn);
  return start ? formatDate(addDays(start, days - 1)) : startsOn;
}

export type RoundPhase = 'upcoming' | 'running' | 'ended';

export function roundPhase(startsOn: string, endsOn: string, now: Date): RoundPhase {
  const today = formatDate(shanghaiDate(now));
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'ended' : 'running';
}

export interface ScoredVideo {
  id: number;
  juryScore: number | null;
  likes: number;
}

export interface VideoResult {
  id: number;
  /** Each normalised to 0..1 against the round's best. */
  juryPart: number;
  likesPart: number;
  /** 0..100, the weighted sum. */
  total: number;
  rank: number;
}

/**
 * Jury and likes, each divided by the round's best (so a round of small counts weighs like a round
 * of large ones), then weighted: `juryWeight` percent jury, the rest likes. Ties share a rank.
 */
export function videoResults(videos: readonly ScoredVideo[], juryWeight = VIDEO_JURY_WEIGHT): VideoResult[] {
  const bestJury = Math.max(0, ...videos.map((v) => v.juryScore ?? 0));
  const bestLikes = Math.max(0, ...videos.map((v) => v.likes));
  const scored = videos.map((v) => {
    const juryPart = bestJury > 0 ? (v.juryScore ?? 0) / bestJury : 0;
    const likesPart = bestLikes > 0 ? v.likes / bestLikes : 0;
    const total = Math.round((juryWeight * juryPart + (100 - juryWeight) * likesPart) * 100) / 100;
    return { id: v.id, juryPart, likesPart, total, rank: 0 };
  });
  scored.sort((a, b) => b.total - a.total || a.id - b.id);
  scored.forEach((row, index) => {
    const previous = scored[index - 1];
    row.rank = previous && previous.total === row.total ? previous.rank : index + 1;
  });
  return scored;
}
