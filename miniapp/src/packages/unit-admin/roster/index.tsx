import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MEMBER_KIND_LABELS, ROLE_LABELS, type MemberListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { type Column } from '../../../components/DataTable';
import { PagedTable } from '../../../components/DataTable/PagedTable';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SearchBar } from '../../../components/SearchBar';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../hooks/useSession';
import {
  addMember,
  changeMember,
  exportRoster,
  importRoster,
  listMembers,
  removeMember,
  rosterProblemsOf,
  type MemberDraft,
} from '../../../services/organisation';
import type { PickedFile } from '../../../services/files';
import { UnitHonoursCard } from '../../record-admin/components/UnitHonours';
import { pickDocument } from '../../secretariat/services/pickFile';
import { ImportPanel, type ImportPanelProps } from './ImportPanel';
import { MemberForm } from './MemberForm';
import './index.scss';

const COLUMNS: Column<MemberListItem>[] = [
  { key: 'name', title: '姓名', render: (m) => m.name, sortBy: (m) => m.name },
  { key: 'phone', title: '手机号', render: (m) => m.phoneMasked },
  { key: 'kind', title: '类型', render: (m) => MEMBER_KIND_LABELS[m.kind], sortBy: (m) => MEMBER_KIND_LABELS[m.kind] },
  { key: 'branch', title: '支部', render: (m) => m.branchName ?? '—', sortBy: (m) => m.branchName },
  {
    key: 'roles',
    title: '职责',
    render: (m) =>
      m.roles
        .filter((role) => role !== 'member')
        .map((role) => ROLE_LABELS[role])
        .join('、') || '—',
  },
  { key: 'joined', title: '入党日期', render: (m) => m.joinedPartyOn ?? '—', sortBy: (m) => m.joinedPartyOn },
  { key: 'bound', title: '微信', render: (m) => (m.bound ? '已绑定' : '未绑定'), sortBy: (m) => (m.bound ? 1 : 0) },
];

/** Which form is open: none, a new entry, or an existing one. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; member: MemberListItem };

function Roster({ unitId, unitName }: { unitId: number; unitName: string }) {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [outcome, setOutcome] = useState<ImportPanelProps['outcome']>(null);
  const list = usePagedList((page, pageSize) => listMembers(unitId, page, pageSize, query), [unitId, query]);

  const save = useAction(
    async (draft: Partial<MemberDraft>) => {
      if (editing.kind === 'new') await addMember(unitId, draft as MemberDraft);
      else if (editing.kind === 'edit') await changeMember(editing.member.id, draft);
      setEditing({ kind: 'none' });
      await list.refresh();
    },
    { success: () => (editing.kind === 'new' ? '已添加' : '已保存') },
  );
  const remove = useAction(
    async (member: MemberListItem) => {
      await removeMember(member.id);
      setEditing({ kind: 'none' });
      await list.refresh();
    },
    {
      confirm: (member) => ({
        title: '从名册移除',
        content: `移除${member.name}（${member.phoneMasked}）？其微信绑定和登录会一并失效，签到与积分记录保留。`,
        confirmText: '移除',
      }),
      success: '已移除',
    },
  );

  /** Checks (dry run) or imports the picked file; a file with problems lists every row's problem. */
  async function runImport(file: PickedFile, dryRun: boolean) {
    try {
      const result = await importRoster(unitId, file, dryRun);
      setOutcome({ kind: dryRun ? 'checked' : 'imported', created: result.created, updated: result.updated, fileName: file.name });
      if (!dryRun) {
        setPicked(null);
        await list.refresh();
      }
    } catch (error) {
      const rows = rosterProblemsOf(error);
      if (!rows) throw error;
      setOutcome({ kind: 'problems', rows, fileName: file.name });
    }
  }
  const check = useAction(async () => {
    const file = await pickDocument(['xlsx', 'csv']);
    if (!file) return;
    setPicked(file);
    await runImport(file, true);
  });
  const commit = useAction(async () => {
    if (picked) await runImport(picked, false);
  });
  const download = useAction(() => exportRoster(unitId, unitName));

  return (
    <View className="zj-roster">
      <View className="zj-roster__head">
        <Text className="zj-roster__unit">{unitName}</Text>
        {list.status === 'ready' ? <Text className="zj-muted">{query ? `找到 ${list.total} 人` : `共 ${list.total} 人`}</Text> : null}
      </View>
      {editing.kind === 'none' ? (
        <View className="zj-roster__actions">
          <Button size="small" onClick={() => setEditing({ kind: 'new' })}>
            添加党员
          </Button>
        </View>
      ) : (
        <MemberForm
          key={editing.kind === 'edit' ? editing.member.id : 'new'}
          member={editing.kind === 'edit' ? editing.member : null}
          busy={save.busy || remove.busy}
          problems={save.problems}
          onSave={(draft) => void save.run(draft)}
          onRemove={editing.kind === 'edit' ? () => void remove.run(editing.member) : undefined}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
      <SearchBar placeholder="按姓名或手机号后四位搜索" onSearch={setQuery} />
      <PagedTable
        list={list}
        label="党员名册"
        columns={COLUMNS}
        keyOf={(member) => member.id}
        filterPlaceholder="在已显示的党员中筛选"
        onExport={() => void download.run()}
        exportLabel="导出名册"
        exporting={download.busy}
        onRowClick={(member) => {
          setEditing({ kind: 'edit', member });
          void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 200 })).catch(() => undefined);
        }}
        empty={
          query ? '没有找到匹配的党员，换个关键词试试。' : '名册还是空的：点“添加党员”逐个添加，或在下方导入本单位名册（Excel 或 CSV）。'
        }
      />
      <ImportPanel busy={check.busy || commit.busy} outcome={outcome} onPick={() => void check.run()} onImport={() => void commit.run()} />
    </View>
  );
}

/** A unit's roster: the unit admin's own unit, or (for the secretariat) the unit picked in 会员单位. */
export default function RosterPage() {
  const session = useSession();
  const { params } = useRouter();
  const fromQuery = Number(params.unitId);
  const unitId = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : session?.user.unit?.id;
  const unitName = params.unitName ? decodeURIComponent(params.unitName) : (session?.user.unit?.name ?? '');
  // The secretariat's view of a unit (picked in 会员单位) carries its honours; a unit admin reads them on the 党员档案 desk.
  const secretariat = session?.user.roles.includes('secretariat') ?? false;
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unitId ? (
          <>
            <Roster unitId={unitId} unitName={unitName} />
            {secretariat ? <UnitHonoursCard unitId={unitId} title="单位荣誉" /> : null}
          </>
        ) : (
          <StateView kind="empty" title="尚未关联单位" description="您的账号没有关联会员单位，请联系协会秘书处。" />
        )}
      </RoleGate>
    </Page>
  );
}
