import type { AuditEntry } from '@zhijian/shared';
import { Cell } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { auditLog } from '../../../services/organisation';
import { formatDateTime } from '../../../utils/format';

function describe(entry: AuditEntry): string {
  const target = entry.entityId ? `${entry.entity} #${entry.entityId}` : entry.entity;
  return `${entry.action} · ${target}`;
}

function AuditList() {
  const list = usePagedList(auditLog, []);
  return (
    <PagedList
      list={list}
      keyOf={(entry) => entry.id}
      renderItem={(entry) => <Cell title={describe(entry)} note={`${entry.actorName ?? '系统'} · ${formatDateTime(entry.at)}`} />}
      emptyTitle="暂无管理操作记录"
      emptyDescription="新建单位、修改名册等操作会记录在这里。"
    />
  );
}

export default function AuditPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <AuditList />
      </RoleGate>
    </Page>
  );
}
