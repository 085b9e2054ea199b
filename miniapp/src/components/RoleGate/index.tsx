import type { Role } from '@zhijian/shared';
import { ROLE_LABELS } from '@zhijian/shared';
import type { ReactNode } from 'react';
import { useHasRole, useRequireSession } from '../../hooks/useSession';
import { StateView } from '../StateView';

/** A page for some roles only: others (e.g. from a shared link) get an explanation, not the page. */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useRequireSession();
  const allowed = useHasRole(roles);
  if (!session) return <StateView kind="loading" />;
  if (!allowed) {
    return (
      <StateView
        kind="empty"
        title="没有权限查看此页"
        description={`此页面仅供${roles.map((role) => ROLE_LABELS[role]).join('、')}使用。`}
      />
    );
  }
  return <>{children}</>;
}
