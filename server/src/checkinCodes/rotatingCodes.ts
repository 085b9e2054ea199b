import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The organiser's rotating code: `<prefix>.<activityId>.<slot>.<mac>` (QD1 for check-in), where slot is the
 * 15-second period (floor(epoch / 15 s)) and mac an HMAC-SHA256 over both, truncated to 128 bits.
 * The key is derived from the server's JWT secret with a purpose label, so a check-in code can
 * never pass as an access token or the other way round, and no second secret needs configuring.
 * Nothing is stored: the server recomputes the mac to verify.
 */
const MAC_CHARS = 22; // 16 bytes in base64url

/**
 * What a family of codes is for: its token prefix and the label its key is derived with. Codes of
 * one purpose never verify as another's, so a volunteer activity's code cannot check anyone in to
 * the check-in activity that happens to carry the same id.
 */
export interface CodePurpose {
  prefix: string;
  label: string;
}

export const CHECKIN_CODE_PURPOSE: CodePurpose = { prefix: 'QD1', label: 'zhijian:checkin-code:v1' };
/** 爱E客栈 volunteer activities: the same rotating codes, their own key. */
export const VOLUNTEER_CODE_PURPOSE: CodePurpose = { prefix: 'ZY1', label: 'zhijian:volunteer-code:v1' };

export interface CodeClaims {
  activityId: number;
  slot: number;
}

export class CheckinCodes {
  private readonly key: Buffer;
  private readonly prefix: string;
  private readonly pattern: RegExp;

  constructor(secret: string, purpose: CodePurpose = CHECKIN_CODE_PURPOSE) {
    this.key = createHmac('sha256', secret).update(purpose.label).digest();
    this.prefix = purpose.prefix;
    this.pattern = new RegExp(`^${purpose.prefix}\\.(\\d{1,10})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})$`);
  }

  private mac(activityId: number, slot: number): string {
    return createHmac('sha256', this.key).update(`${activityId}.${slot}`).digest('base64url').slice(0, MAC_CHARS);
  }

  sign(claims: CodeClaims): string {
    return `${this.prefix}.${claims.activityId}.${claims.slot}.${this.mac(claims.activityId, claims.slot)}`;
  }

  /** The claims of a genuine token, or null for anything malformed or forged. */
  verify(token: string): CodeClaims | null {
    const match = this.pattern.exec(token.trim());
    if (!match) return null;
    const claims = { activityId: Number(match[1]), slot: Number(match[2]) };
    const expected = Buffer.from(this.mac(claims.activityId, claims.slot));
    const given = Buffer.from(match[3]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? claims : null;
  }
}
