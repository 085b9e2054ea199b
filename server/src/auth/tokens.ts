import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { authRefusals, commonRefusals, MAX_ID, Role } from '@zhijian/shared';
import { z } from 'zod';
import type { Clock } from '../clock';
import { refuse, type AppError } from '../errors';
import { secretKey } from './secretKey';

const ISSUER = 'zhijian';
const ACCESS_AUDIENCE = 'zhijian-api';
const BIND_AUDIENCE = 'zhijian-bind';
export const BIND_TICKET_TTL_SECONDS = 10 * 60;

/** A row id as a claim: what an `integer` column can hold, so no token can make a query fail. */
const IdClaim = z.number().int().positive().max(MAX_ID);
/** Every token we accept says when it ends; one without `exp` was not made by us. */
const Expiry = z.number().int();

const AccessClaims = z.object({
  sub: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number)
    .pipe(IdClaim),
  /** The sign-in (sessions row) the token belongs to; it must still be live. */
  sid: IdClaim,
  roles: z.array(Role),
  exp: Expiry,
});
const BindClaims = z.object({ sub: z.string().min(1), exp: Expiry });

/** How a token that does not verify is refused: an access token's, a bind ticket's. */
interface TokenRefusals {
  expired(): AppError;
  invalid(): AppError;
}

const ACCESS_REFUSALS: TokenRefusals = {
  expired: () => refuse(commonRefusals.token_expired),
  invalid: () => refuse(commonRefusals.unauthorized, {}, '登录凭证无效，请重新登录'),
};

const BIND_REFUSALS: TokenRefusals = {
  expired: () => refuse(authRefusals.bind_ticket_expired),
  invalid: () => refuse(authRefusals.bind_ticket_invalid),
};

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export class TokenService {
  /** Made once at start-up: nothing on the per-request path parses the secret again. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly accessTtlSeconds: number,
    private readonly clock: Clock,
  ) {
    this.key = secretKey(secret);
  }

  /** An access token of one sign-in; it never outlives the sign-in's own expiry (`notAfter`). */
  issueAccess(access: { memberId: number; sessionId: number; roles: readonly Role[]; notAfter?: Date }): IssuedToken {
    let ttl = this.accessTtlSeconds;
    if (access.notAfter) {
      const left = Math.floor((access.notAfter.getTime() - this.clock.now().getTime()) / 1000);
      ttl = Math.max(1, Math.min(ttl, left));
    }
    return this.sign({ roles: access.roles, sid: access.sessionId }, String(access.memberId), ACCESS_AUDIENCE, ttl);
  }

  /** Proves, for a few minutes, which openid WeChat vouched for, so the bind step can trust it. */
  issueBindTicket(openid: string): IssuedToken {
    return this.sign({}, openid, BIND_AUDIENCE, BIND_TICKET_TTL_SECONDS);
  }

  verifyAccess(token: string): { memberId: number; sessionId: number } {
    const claims = AccessClaims.safeParse(this.verify(token, ACCESS_AUDIENCE, ACCESS_REFUSALS));
    if (!claims.success) throw ACCESS_REFUSALS.invalid();
    return { memberId: claims.data.sub, sessionId: claims.data.sid };
  }

  verifyBindTicket(ticket: string): { openid: string } {
    const claims = BindClaims.safeParse(this.verify(ticket, BIND_AUDIENCE, BIND_REFUSALS));
    if (!claims.success) throw BIND_REFUSALS.invalid();
    return { openid: claims.data.sub };
  }

  private sign(payload: object, subject: string, audience: string, ttlSeconds: number): IssuedToken {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const token = jwt.sign({ ...payload, iat: issuedAt }, this.key, {
      algorithm: 'HS256',
      subject,
      issuer: ISSUER,
      audience,
      expiresIn: ttlSeconds,
    });
    return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  private verify(token: string, audience: string, refusals: TokenRefusals): unknown {
    try {
      return jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      throw error instanceof jwt.TokenExpiredError ? refusals.expired() : refusals.invalid();
    }
  }
}
