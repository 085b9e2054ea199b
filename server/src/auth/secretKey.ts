import { createSecretKey, type KeyObject } from 'node:crypto';

const keys = new Map<string, KeyObject>();

/**
 * The HMAC key object of a secret, made once per secret. jsonwebtoken given a string first tries
 * to read it as a PEM public/private key (`createPublicKey`), about 400 µs a call against ~9 µs
 * with a `KeyObject`: on the check-in path that was the largest share of the CPU.
 */
export function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}
