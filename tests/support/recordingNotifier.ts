import type { BulletinNotice, Notifier } from '../../server/src/notify/notifier';

/** Keeps every subscription message instead of sending it. */
export class RecordingNotifier implements Notifier {
  readonly sent: { openid: string; notice: BulletinNotice }[] = [];

  async bulletinPublished(openids: string[], notice: BulletinNotice): Promise<number> {
    for (const openid of openids) this.sent.push({ openid, notice });
    return openids.length;
  }
}
