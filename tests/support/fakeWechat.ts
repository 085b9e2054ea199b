import { authRefusals } from '@zhijian/shared';
import type { WechatClient } from '../../server/src/auth/wechatClient';
import { refuse } from '../../server/src/errors';

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
    // What WeChat answers for a code it never issued or one already used (errcode 40029).
    if (!openid) throw refuse(authRefusals.wechat_code_invalid, { errcode: 40029 });
    this.codes.delete(code);
    return { openid };
  }
}
