import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are opaque to clients: `<family id>.<secret>`, both random (128 and 256 bits,
 * base64url). The family id finds the sign-in's row and stays the same across rotations; the
 * secret changes each time. Only the SHA-256 of the whole token is stored, so a copy of the
 * database cannot be used to refresh. A token of the right family with a secret that is no
 * longer current is one that was used before: reuse.
 */
const FAMILY_BYTES = 16;
const SECRET_BYTES = 32;
const SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface RefreshToken {
  token: string;
  familyId: string;
  hash: string;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new refresh token: of a new family for a sign-in, of the same one for a rotation. */
export function newRefreshToken(familyId = randomBytes(FAMILY_BYTES).toString('base64url')): RefreshToken {
  const token = `${familyId}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { token, familyId, hash: hashRefreshToken(token) };
}

/** The family and hash of a presented token, or undefined when it cannot be one of ours. */
export function parseRefreshToken(token: string): Omit<RefreshToken, 'token'> | undefined {
  const match = SHAPE.exec(token);
  if (!match) return undefined;
  return { familyId: match[1]!, hash: hashRefreshToken(token) };
}
