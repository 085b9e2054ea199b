import { z } from 'zod';

/** `party_secretary` (书记): a unit's party secretary, one or more per unit, marked on the roster by the unit admin. */
export const ROLES = ['member', 'unit_admin', 'info_officer', 'reviewer', 'secretariat', 'party_secretary'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  unit_admin: '党务工作者',
  info_officer: '信息员',
  reviewer: '评审专家',
  secretariat: '秘书处',
  party_secretary: '书记',
};

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}
