import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The organiser's rotating check-in code: `QD1.<activityId>.<slot>.<mac>`, where slot is the
 * 15-second period (floor(epoch / 15 s)) and mac an HMAC-SHA256 over both, truncated to 128 bits.
 * The key is derived from the server's JWT secret with a purpose label, so a check-in code can
 * never pass as an access token or the other way round, and no second secret needs configuring.
 * Nothing is stored: the server recomputes the mac to verify.
 */
const PREFIX = 'QD1';
const MAC_CHARS = 22; // 16 bytes in base64url
const TOKEN_PATTERN = /^QD1\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/;

export interface CodeClaims {
  activityId: number;
  slot: number;
}

export class CheckinCodes {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('zhijian:checkin-code:v1').digest();
  }

  private mac(activityId: number, slot: number): string {
    return createHmac('sha256', this.key).update(`${activityId}.${slot}`).digest('base64url').slice(0, MAC_CHARS);
  }

  sign(claims: CodeClaims): string {
    return `${PREFIX}.${claims.activityId}.${claims.slot}.${this.mac(claims.activityId, claims.slot)}`;
  }

  /** The claims of a genuine token, or null for anything malformed or forged. */
  verify(token: string): CodeClaims | null {
    const match = TOKEN_PATTERN.exec(token.trim());
    if (!match) return null;
    const claims = { activityId: Number(match[1]), slot: Number(match[2]) };
    const expected = Buffer.from(this.mac(claims.activityId, claims.slot));
    const given = Buffer.from(match[3]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? claims : null;
  }
}
