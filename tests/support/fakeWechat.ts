import type { WechatClient } from '../../server/src/auth/wechatClient';
import { legacyError } from '../../server/src/legacyErrors';

/** Stands in for code2Session: codes registered here map to openids; each code works once, like WeChat's. */
export class FakeWechat implements WechatClient {
  private readonly codes = new Map<string, string>();

  issueCode(openid: string): string {
    const code = `wx-${openid}-${this.codes.size + 1}`;
    this.codes.set(code, openid);
    return code;
  }

  async code2Session(code: string) {
    const openid = this.codes.get(code);
    if (!openid) throw legacyError('wechat_code_invalid');
    this.codes.delete(code);
    return { openid };
  }
}
