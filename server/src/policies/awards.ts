import type { CurrentUser } from '../auth/currentUser';
import { forbidden } from '../errors';

/**
 * 年度评优: the secretariat (the committee) sees every candidate; a 片组长 sees and recommends only
 * the candidates of their own unit's 片组 (`leaderGroup` is that 片组, or null for the secretariat).
 */
export function candidateScopeOf(user: CurrentUser, leaderGroup: number | null): number | null {
  if (user.roles.includes('secretariat')) return null;
  if (user.roles.includes('group_leader') && leaderGroup !== null) return leaderGroup;
  throw forbidden('只有秘书处或片组长可以查看候选');
}
