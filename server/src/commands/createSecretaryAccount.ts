import { commonRefusals, isMobilePhone, normalizePhone, type FieldIssue } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import { members } from '../db/schema';
import { refuse } from '../errors';
import { presentMemberForAudit } from '../presenters/members';
import { audit } from './audit';
import type { CommandContext } from './context';

export interface SecretaryAccountInput {
  username: string;
  name: string;
  phone: string;
  password: string;
}

/** What is wrong with the input, field by field, in the words the CLI prints. */
function problemsOf(input: SecretaryAccountInput, phone: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const fail = (path: keyof SecretaryAccountInput, label: string, message: string) => issues.push({ path, label, message });
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(input.username)) fail('username', '用户名', '用户名应为 3–64 位字母、数字或 . _ -');
  if (!input.name.trim()) fail('name', '姓名', '请填写姓名');
  if (!isMobilePhone(phone)) fail('phone', '手机号', '手机号应为 11 位中国大陆手机号');
  if (input.password.length < 10) fail('password', '密码', '密码至少 10 位');
  return issues;
}

/**
 * Creates (or resets the password of) a secretariat account for the H5 console — how a
 * production installation, which has no demo data, gets its first administrator.
 */
export async function createSecretaryAccount(ctx: CommandContext, input: SecretaryAccountInput): Promise<{ id: number; created: boolean }> {
  const phone = normalizePhone(input.phone);
  const issues = problemsOf(input, phone);
  if (issues.length) throw refuse(commonRefusals.invalid_fields, { issues }, issues.map((issue) => issue.message).join('；'));
  const passwordHash = await hashPassword(input.password);
  const [existing] = await ctx.tx.select({ id: members.id }).from(members).where(eq(members.username, input.username)).for('update');
  if (existing) {
    await ctx.tx.update(members).set({ passwordHash, updatedAt: ctx.now }).where(eq(members.id, existing.id));
    await audit(ctx, { action: 'member.reset_password', entity: 'member', entityId: existing.id });
    return { id: existing.id, created: false };
  }
  const [created] = await ctx.tx
    .insert(members)
    .values({ name: input.name.trim(), phone, roles: ['secretariat'], username: input.username, passwordHash, updatedAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'member.create', entity: 'member', entityId: created!.id, after: presentMemberForAudit(created!) });
  return { id: created!.id, created: true };
}
