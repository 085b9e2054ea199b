import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a playback address works: a film and some pausing, not a link to pass around for days. */
export const TICKET_TTL_MS = 2 * 3600 * 1000;

/**
 * WeChat's <video> and <image> fetch their `src` without our Authorization header, so a signed-in
 * member is given an address carrying a ticket instead: which video, for whom, until when, signed
 * with the server's secret (a separate purpose string, so it is never a valid access token).
 */
export function issueTicket(secret: string, videoId: number, memberId: number, now: Date): { ticket: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
  const payload = `${videoId}.${memberId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return { ticket: `${payload}.${sign(secret, payload)}`, expiresAt };
}

/** The member the ticket was issued to, or null when it is forged, for another video or expired. */
export function checkTicket(secret: string, ticket: string, videoId: number, now: Date): number | null {
  const match = /^(\d+)\.(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/.exec(ticket);
  if (!match) return null;
  const [, video, member, expires, signature] = match;
  const expected = Buffer.from(sign(secret, `${video}.${member}.${expires}`));
  const given = Buffer.from(signature!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(video) !== videoId || Number(expires) * 1000 <= now.getTime()) return null;
  return Number(member);
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`video-playback:${payload}`).digest('base64url');
}
