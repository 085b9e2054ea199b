import { View } from '@tarojs/components';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES, type AuditEntry } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { type Column } from '../../../components/DataTable';
import { PagedTable } from '../../../components/DataTable/PagedTable';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { OptionPicker } from '../../../components/OptionPicker';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { auditLog, type AuditFilters } from '../../../services/organisation';
import { formatDateTime } from '../../../utils/format';
import './index.scss';

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_NAMES).map(([value, label]) => ({ value, label }));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_NAMES).map(([value, label]) => ({ value, label }));

const COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', title: '时间', render: (e) => formatDateTime(e.at), sortBy: (e) => e.at },
  { key: 'actor', title: '操作人', render: (e) => e.actorName ?? '系统', sortBy: (e) => e.actorName },
  { key: 'action', title: '操作', render: (e) => e.actionName, sortBy: (e) => e.actionName },
  {
    key: 'entity',
    title: '对象',
    render: (e) => (e.entityId ? `${e.entityName} #${e.entityId}` : e.entityName),
    sortBy: (e) => e.entityName,
  },
  { key: 'summary', title: '内容', render: (e) => e.summary || '—', wrap: true },
];

interface Draft {
  actor: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}
const NO_FILTER: Draft = { actor: '', action: '', entity: '', from: '', to: '' };

/** The draft as the query's filters: blanks left out. */
function filtersOf(draft: Draft): AuditFilters {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== '')) as AuditFilters;
}

function AuditLog() {
  const [draft, setDraft] = useState<Draft>(NO_FILTER);
  /** The filters last asked for with 查询: the list follows them, not every keystroke. */
  const [asked, setAsked] = useState<Draft>(NO_FILTER);
  const list = usePagedList<AuditEntry>((page, size, last) => auditLog(page, size, last, filtersOf(asked)), [JSON.stringify(asked)]);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  return (
    <View className="zj-audit">
      <View className="zj-audit__filters">
        <Field
          label="操作人"
          value={draft.actor}
          onChange={(actor) => set({ actor })}
          placeholder="姓名"
          maxlength={50}
          onConfirm={() => setAsked(draft)}
        />
        <OptionPicker label="操作" options={ACTION_OPTIONS} value={draft.action} onChange={(action) => set({ action })} />
        <OptionPicker label="对象类型" options={ENTITY_OPTIONS} value={draft.entity} onChange={(entity) => set({ entity })} />
        <DatePicker label="开始日期" value={draft.from} onChange={(from) => set({ from })} end={draft.to || undefined} />
        <DatePicker label="结束日期" value={draft.to} onChange={(to) => set({ to })} start={draft.from || undefined} />
        <View className="zj-audit__buttons">
          <Button size="small" onClick={() => (JSON.stringify(draft) === JSON.stringify(asked) ? list.reload() : setAsked(draft))}>
            查询
          </Button>
          <Button
            size="small"
            variant="plain"
            onClick={() => {
              setDraft(NO_FILTER);
              setAsked(NO_FILTER);
            }}
          >
            清除筛选
          </Button>
        </View>
      </View>
      <PagedTable
        list={list}
        label="审计日志"
        columns={COLUMNS}
        keyOf={(e) => e.id}
        empty={JSON.stringify(asked) === JSON.stringify(NO_FILTER) ? '暂无管理操作记录' : '没有符合条件的操作记录'}
      />
    </View>
  );
}

export default function AuditPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <AuditLog />
      </RoleGate>
    </Page>
  );
}
