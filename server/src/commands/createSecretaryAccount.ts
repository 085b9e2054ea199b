import { isMobilePhone, normalizePhone } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/client';
import { members } from '../db/schema';

export interface SecretaryAccountInput {
  username: string;
  name: string;
  phone: string;
  password: string;
}

/**
 * Creates (or resets the password of) a secretariat account for the H5 console — how a
 * production installation, which has no demo data, gets its first administrator.
 */
export async function createSecretaryAccount(db: Database, input: SecretaryAccountInput, now: Date) {
  const phone = normalizePhone(input.phone);
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(input.username)) throw new Error('用户名应为 3–64 位字母、数字或 . _ -');
  if (!input.name.trim()) throw new Error('请填写姓名');
  if (!isMobilePhone(phone)) throw new Error('手机号应为 11 位中国大陆手机号');
  if (input.password.length < 10) throw new Error('密码至少 10 位');
  const passwordHash = await hashPassword(input.password);
  const [existing] = await db.select({ id: members.id }).from(members).where(eq(members.username, input.username));
  if (existing) {
    await db.update(members).set({ passwordHash, updatedAt: now }).where(eq(members.id, existing.id));
    return { id: existing.id, created: false };
  }
  const [created] = await db
    .insert(members)
    .values({ name: input.name.trim(), phone, roles: ['secretariat'], username: input.username, passwordHash, updatedAt: now })
    .returning({ id: members.id });
  return { id: created!.id, created: true };
}
