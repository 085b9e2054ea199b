import jwt from 'jsonwebtoken';
import { authRefusals, commonRefusals, Role } from '@zhijian/shared';
import { z } from 'zod';
import type { Clock } from '../clock';
import { refuse, type AppError } from '../errors';

const ISSUER = 'zhijian';
const ACCESS_AUDIENCE = 'zhijian-api';
const BIND_AUDIENCE = 'zhijian-bind';
export const BIND_TICKET_TTL_SECONDS = 10 * 60;

const AccessClaims = z.object({ sub: z.string().regex(/^\d+$/), roles: z.array(Role) });
const BindClaims = z.object({ sub: z.string().min(1) });

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
  constructor(
    private readonly secret: string,
    private readonly accessTtlSeconds: number,
    private readonly clock: Clock,
  ) {}

  issueAccess(memberId: number, roles: readonly Role[]): IssuedToken {
    return this.sign({ roles }, String(memberId), ACCESS_AUDIENCE, this.accessTtlSeconds);
  }

  /** Proves, for a few minutes, which openid WeChat vouched for, so the bind step can trust it. */
  issueBindTicket(openid: string): IssuedToken {
    return this.sign({}, openid, BIND_AUDIENCE, BIND_TICKET_TTL_SECONDS);
  }

  verifyAccess(token: string): { memberId: number } {
    const claims = AccessClaims.safeParse(this.verify(token, ACCESS_AUDIENCE, ACCESS_REFUSALS));
    if (!claims.success) throw ACCESS_REFUSALS.invalid();
    return { memberId: Number(claims.data.sub) };
  }

  verifyBindTicket(ticket: string): { openid: string } {
    const claims = BindClaims.safeParse(this.verify(ticket, BIND_AUDIENCE, BIND_REFUSALS));
    if (!claims.success) throw BIND_REFUSALS.invalid();
    return { openid: claims.data.sub };
  }

  private sign(payload: object, subject: string, audience: string, ttlSeconds: number): IssuedToken {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const token = jwt.sign({ ...payload, iat: issuedAt }, this.secret, {
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
      return jwt.verify(token, this.secret, {
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
