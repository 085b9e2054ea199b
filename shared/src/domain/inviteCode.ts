/** A unit's invite code: 8 characters without 0/O or 1/I/L, since it is read aloud and typed on phones. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;
