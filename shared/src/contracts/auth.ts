import { z } from 'zod';
import { endpoint } from '../contract';
import { Me } from './me';

const PhoneInput = z.string().trim().min(1, '请填写手机号').max(20);

export const SignedIn = z.object({
  status: z.literal('signed_in'),
  token: z.string(),
  /** ISO time the token stops working; renew before it. */
  expiresAt: z.string(),
  user: Me,
});
export type SignedIn = z.infer<typeof SignedIn>;

export const Unbound = z.object({
  status: z.literal('unbound'),
  /** Short-lived ticket that proves which WeChat account is binding. */
  bindTicket: z.string(),
  ticketExpiresAt: z.string(),
});

export const WechatSignInBody = z.object({ code: z.string().trim().min(1, '缺少登录凭证').max(200) });
export const BindBody = z.object({
  ticket: z.string().min(1, '缺少绑定凭证'),
  inviteCode: z.string().trim().min(1, '请填写单位邀请码').max(32),
  name: z.string().trim().min(1, '请填写姓名').max(50),
  phone: PhoneInput,
});
export const PasswordSignInBody = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64),
  password: z.string().min(1, '请填写密码').max(200),
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
  }),
  bind: endpoint({
    method: 'POST',
    path: '/api/auth/bind',
    summary: '绑定微信与名册：邀请码 + 姓名 + 手机号',
    access: 'public',
    body: BindBody,
    response: SignedIn,
  }),
  password: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: '管理后台用户名密码登录',
    access: 'public',
    body: PasswordSignInBody,
    response: SignedIn,
  }),
  refresh: endpoint({
    method: 'POST',
    path: '/api/auth/refresh',
    summary: '在令牌过期前换取新令牌',
    access: 'signedIn',
    response: SignedIn,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/me',
    summary: '当前登录者信息',
    access: 'signedIn',
    response: Me,
  }),
};
