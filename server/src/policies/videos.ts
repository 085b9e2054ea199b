import type { CurrentUser } from '../auth/currentUser';
import { notFound } from '../errors';

/** Who reads: the signed-in person, or the holder of a playback ticket. */
type Reader = Pick<CurrentUser, 'roles' | 'unitId'>;
import type { VideoRow } from '../queries/videos';

/**
 * 网络击鼓传花: an approved video is the association's showcase, seen by every signed-in person.
 * Before it is approved (or after it was returned) only its own unit's admins and the secretariat
 * see it; to anyone else it does not exist.
 */
export function isVideoManager(user: Reader, video: Pick<VideoRow, 'unitId'>): boolean {
  return user.roles.includes('unit_admin') && user.unitId === video.unitId;
}

export function canSeeVideo(user: Reader, video: Pick<VideoRow, 'unitId' | 'status'>): boolean {
  return video.status === 'approved' || user.roles.includes('secretariat') || isVideoManager(user, video);
}

export function authorizeVideoView(user: Reader, video: Pick<VideoRow, 'unitId' | 'status'>): void {
  if (!canSeeVideo(user, video)) throw notFound('视频');
}

/** A member may like a running round's approved video of another unit (the caps are the command's). */
export function mayLike(user: Reader, video: Pick<VideoRow, 'unitId' | 'status'>, running: boolean): boolean {
  return running && video.status === 'approved' && user.roles.includes('member') && user.unitId !== video.unitId;
}
