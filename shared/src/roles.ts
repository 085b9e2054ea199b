import { z } from 'zod';

/**
 * `party_secretary` (书记): a unit's party secretary, one or more per unit, marked on the roster by the unit admin.
 * `group_leader` (片组长): leads the 片组 of their unit (recommends for the annual awards); granted by the secretariat.
 */
export const ROLES = ['member', 'unit_admin', 'info_officer', 'reviewer', 'secretariat', 'party_secretary', 'group_leader'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  unit_admin: '党务工作者',
  info_officer: '信息员',
  reviewer: '评审专家',
  secretariat: '秘书处',
  party_secretary: '书记',
  group_leader: '片组长',
};

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}
