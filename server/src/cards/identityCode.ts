import jwt from 'jsonwebtoken';
import { secretKey } from '../auth/secretKey';

const ISSUER = 'zhijian';
/** Its own audience: an identity code is never an access token, a bind ticket or a check-in code. */
const AUDIENCE = 'zhijian-card-identity';
export const IDENTITY_CODE_TTL_SECONDS = 60;

/**
 * The 党员卡's identity code: a short signed token naming the member, good for 60 seconds, which
 * the organiser of a volunteer activity scans. Signed with the server's secret (HS256).
 */
export function signIdentityCode(secret: string, memberId: number, now: Date): { code: string; expiresAt: Date } {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const code = jwt.sign({ iat: issuedAt }, secretKey(secret), {
    algorithm: 'HS256',
    subject: String(memberId),
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: IDENTITY_CODE_TTL_SECONDS,
  });
  return { code, expiresAt: new Date((issuedAt + IDENTITY_CODE_TTL_SECONDS) * 1000) };
}

/** The member an identity code names, or null when it is not ours, not an identity code, or expired at `now`. */
export function verifyIdentityCode(secret: string, code: string, now: Date): number | null {
  try {
    const claims = jwt.verify(code, secretKey(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTimestamp: Math.floor(now.getTime() / 1000),
    });
    const subject = typeof claims === 'object' ? Number(claims.sub) : NaN;
    return Number.isSafeInteger(subject) && subject > 0 ? subject : null;
  } catch {
    return null;
  }
}
