import type { BulletinNotice, Notice, Notifier } from '../../server/src/notify/notifier';

/** Keeps every subscription message instead of sending it. */
export class RecordingNotifier implements Notifier {
  readonly sent: { openid: string; notice: BulletinNotice }[] = [];
  /** Every other notice, by recipient. */
  readonly notices: { openid: string; notice: Notice }[] = [];

  async bulletinPublished(openids: string[], notice: BulletinNotice): Promise<number> {
    for (const openid of openids) this.sent.push({ openid, notice });
    return openids.length;
  }

  async notify(openids: string[], notice: Notice): Promise<number> {
    for (const openid of openids) this.notices.push({ openid, notice });
    return openids.length;
  }
}
