import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { Ok } from './common';
import { Me, MyContact } from './me';

const PhoneInput = z.string().trim().min(1, '请填写手机号').max(20).meta({ label: '手机号' });

export const SignedIn = z.object({
  status: z.literal('signed_in'),
  /** The access token: a short-lived bearer token for every signed-in call. */
  token: z.string(),
  /** ISO time the access token stops working; renew before it. */
  expiresAt: z.string(),
  /**
   * Opaque, single-use: `POST /api/auth/refresh` trades it for a new pair. Presented a second time,
   * it ends the sign-in it belongs to (someone else may hold a copy).
   */
  refreshToken: z.string(),
  /** ISO time the refresh token stops working if it is not used before. */
  refreshExpiresAt: z.string(),
  user: Me,
});
export type SignedIn = z.infer<typeof SignedIn>;

export const Unbound = z.object({
  status: z.literal('unbound'),
  /** Short-lived ticket that proves which WeChat account is binding. */
  bindTicket: z.string(),
  ticketExpiresAt: z.string(),
});

export const WechatSignInBody = z.object({ code: z.string().trim().min(1, '缺少登录凭证').max(200).meta({ label: '登录凭证' }) });
export const BindBody = z.object({
  ticket: z.string().min(1, '缺少绑定凭证').meta({ label: '绑定凭证' }),
  inviteCode: z.string().trim().min(1, '请填写单位邀请码').max(32).meta({ label: '单位邀请码' }),
  name: z.string().trim().min(1, '请填写姓名').max(50).meta({ label: '姓名' }),
  phone: PhoneInput,
});
export const PasswordSignInBody = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64).meta({ label: '用户名' }),
  password: z.string().min(1, '请填写密码').max(200).meta({ label: '密码' }),
});

/** A refresh token as sign-in answered it. */
export const RefreshBody = z.object({
  refreshToken: z.string().trim().min(1, '缺少刷新凭证').max(200).meta({ label: '刷新凭证' }),
});

export const DevAccount = z.object({ code: z.string(), label: z.string() });

export const SignInOptions = z.object({
  /** True when the server accepts `dev:<openid>` codes (no WeChat app configured, not production). */
  devSignIn: z.boolean(),
  devAccounts: z.array(DevAccount),
  /** True when a real WeChat app is configured. */
  wechat: z.boolean(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** WeChat's own error code (code2Session `errcode`), where WeChat gave one. */
const WechatErrcode = z.object({ errcode: z.number().int().optional() });

export const authRefusals = defineRefusals({
  // ── WeChat sign-in (code2Session)
  wechat_code_invalid: refusal({
    code: 'wechat_code_invalid',
    details: WechatErrcode,
    message: '微信登录凭证无效或已过期，请重新进入小程序',
  }),
  wechat_unavailable: refusal({
    code: 'wechat_unavailable',
    details: WechatErrcode,
    message: '微信服务暂时不可用，请稍后再试',
  }),
  wechat_rate_limited: refusal({ code: 'rate_limited', details: WechatErrcode, message: '微信登录过于频繁，请稍后再试' }),
  wechat_risky_account: refusal({
    code: 'forbidden',
    details: WechatErrcode,
    message: '该微信账号被微信判定为高风险，暂不能登录',
  }),
  dev_sign_in_disabled: refusal({ code: 'forbidden', message: '开发登录仅在开发环境可用' }),
  /** A WeChat code sent to a server without a WeChat app: the client's request, not the server's failure. */
  wechat_not_configured: refusal({ code: 'invalid_input', message: '服务器尚未配置微信小程序，暂不能使用微信登录，请联系管理员' }),

  // ── Binding a WeChat account to a roster entry
  bind_ticket_expired: refusal({ code: 'token_expired', message: '绑定凭证已过期，请重新进入小程序' }),
  bind_ticket_invalid: refusal({ code: 'unauthorized', message: '绑定凭证无效' }),
  /** One answer whichever of invite code, name or phone is wrong: which one is never revealed. */
  bind_mismatch: refusal({ code: 'bind_mismatch', message: '邀请码、姓名或手机号与名册不符' }),
  bind_attempts_exceeded: refusal({
    code: 'rate_limited',
    details: z.object({ retryAfterMinutes: z.number().int() }),
    message: ({ retryAfterMinutes }) => `尝试次数过多，请 ${retryAfterMinutes} 分钟后再试`,
  }),
  member_bound_elsewhere: refusal({ code: 'conflict', message: '该党员已绑定其他微信账号，请联系本单位党务工作者' }),
  wechat_bound_elsewhere: refusal({ code: 'conflict', message: '该微信账号已绑定其他党员' }),

  // ── Console sign-in: one answer for a wrong password and an unknown user.
  wrong_password: refusal({ code: 'unauthorized', message: '用户名或密码错误' }),

  // ── Renewing a sign-in with its refresh token
  refresh_token_invalid: refusal({ code: 'unauthorized', message: '登录凭证无效，请重新登录' }),
  refresh_token_expired: refusal({ code: 'token_expired', message: '登录已过期，请重新登录' }),
  /** A refresh token presented a second time: the whole sign-in ends, for whoever holds a copy. */
  refresh_token_reused: refusal({ code: 'unauthorized', message: '登录凭证已被使用过，为保护账号安全已退出登录，请重新登录' }),
  /** Signed out, removed from the roster, or a role taken away. */
  session_revoked: refusal({ code: 'unauthorized', message: '登录已失效，请重新登录' }),
});

export const auth = {
  options: endpoint({
    method: 'GET',
    path: '/api/auth/options',
    summary: '登录方式：是否开放开发登录及演示账号',
    access: 'public',
    response: SignInOptions,
  }),
  wechat: endpoint({
    method: 'POST',
    path: '/api/auth/wechat',
    summary: '微信登录：用 wx.login 的 code 换取令牌，未绑定时返回绑定凭证',
    access: 'public',
    body: WechatSignInBody,
    response: z.discriminatedUnion('status', [SignedIn, Unbound]),
    refusals: [
      authRefusals.wechat_code_invalid,
      authRefusals.wechat_unavailable,
      authRefusals.wechat_rate_limited,
      authRefusals.wechat_risky_account,
      authRefusals.dev_sign_in_disabled,
      authRefusals.wechat_not_configured,
    ],
  }),
  bind: endpoint({
    method: 'POST',
    path: '/api/auth/bind',
    summary: '绑定微信与名册：邀请码 + 姓名 + 手机号',
    access: 'public',
    body: BindBody,
    response: SignedIn,
    refusals: [
      authRefusals.bind_ticket_expired,
      authRefusals.bind_ticket_invalid,
      authRefusals.bind_mismatch,
      authRefusals.bind_attempts_exceeded,
      authRefusals.member_bound_elsewhere,
      authRefusals.wechat_bound_elsewhere,
    ],
  }),
  password: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: '管理后台用户名密码登录',
    access: 'public',
    body: PasswordSignInBody,
    response: SignedIn,
    refusals: [authRefusals.wrong_password],
  }),
  refresh: endpoint({
    method: 'POST',
    path: '/api/auth/refresh',
    summary: '用刷新凭证换取新的令牌和刷新凭证（旧刷新凭证随即作废）',
    // The access token may have expired by now: the refresh token is the credential.
    access: 'public',
    body: RefreshBody,
    response: SignedIn,
    refusals: [
      authRefusals.refresh_token_invalid,
      authRefusals.refresh_token_expired,
      authRefusals.refresh_token_reused,
      authRefusals.session_revoked,
    ],
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/auth/sign-out',
    summary: '退出登录：结束这个刷新凭证所属的登录（已失效的凭证同样答复成功）',
    // Like OAuth token revocation (RFC 7009): works with an expired access token, and tells
    // nobody whether the token was valid.
    access: 'public',
    body: RefreshBody,
    response: Ok,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/me',
    summary: '当前登录者信息',
    access: 'signedIn',
    response: Me,
  }),
  contact: endpoint({
    method: 'GET',
    path: '/api/me/contact',
    summary: '本人联系方式（填表时预填）',
    access: 'signedIn',
    response: MyContact,
  }),
};
