import { Text, View } from '@tarojs/components';
import { AppealDecision, formatShanghaiDateTime, type Deduction, type DeductionPhase } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { decideAppeal, findUnitMembers, recordDeduction, recordSettings, unitDeductions } from '../../../services/recordAdmin';
import { Segmented } from '../../secretariat/components/Segmented';
import { AppealDecisionForm } from '../components/AppealDecisionForm';
import { checkDeduction, DeductionForm } from '../components/DeductionForm';
import { useKeepsUnit, usePageUnit } from '../components/unit';
import '../components/record.scss';

type Filter = DeductionPhase | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'appealed', label: '申诉中' },
  { value: 'appeal_window', label: '申诉期内' },
  { value: 'effective', label: '已生效' },
  { value: 'withdrawn', label: '已撤销' },
];
const PHASE_TAGS: Record<DeductionPhase, string> = {
  appealed: 'warning',
  appeal_window: 'info',
  effective: 'danger',
  withdrawn: 'success',
};

function DeductionCard({ deduction, canDecide, onChanged }: { deduction: Deduction; canDecide: boolean; onChanged: () => void }) {
  const decide = useAction(
    async (value: AppealDecision) => {
      await decideAppeal(deduction.id, value);
      onChanged();
    },
    { inline: true, check: AppealDecision, success: (_, value) => (value.uphold ? '已维持扣分' : '已撤销扣分') },
  );
  return (
    <Card>
      <View className="zj-ra__bar">
        <Text className="zj-card__title">
          {deduction.member.name} · {deduction.kindName} · −{deduction.points} 分
        </Text>
        <Text className={`zj-ra__tag zj-ra__tag--${PHASE_TAGS[deduction.phase]}`}>{deduction.phaseLabel}</Text>
      </View>
      <Text className="zj-ra__note">
        发生于 {deduction.occurredOn} · 记录于 {formatShanghaiDateTime(new Date(deduction.recordedAt))} · 申诉截止{' '}
        {formatShanghaiDateTime(new Date(deduction.appealDeadline))}
      </Text>
      <Text className="zj-ra__line">理由：{deduction.reason}</Text>
      {deduction.appeal ? (
        <Text className="zj-ra__line">
          申诉（{formatShanghaiDateTime(new Date(deduction.appeal.at))}）：{deduction.appeal.text}
        </Text>
      ) : null}
      {deduction.decisionNote ? <Text className="zj-ra__note">处理理由：{deduction.decisionNote}</Text> : null}
      {deduction.phase === 'appealed' && canDecide ? <AppealDecisionForm action={decide} /> : null}
    </Card>
  );
}

function NewDeduction({ unitId, onRecorded }: { unitId: number; onRecorded: () => void }) {
  const [q, setQ] = useState('');
  const settings = useLoaded('settings', recordSettings);
  const members = useLoaded(`${unitId}:${q}`, () => findUnitMembers(unitId, q));
  const record = useAction(
    async (draft: Parameters<typeof checkDeduction>[0]) => {
      await recordDeduction(unitId, draft);
      onRecorded();
    },
    { inline: true, validate: checkDeduction, success: '已记录扣分，党员可在 7 天内申诉' },
  );
  if (settings.error) return <StateView kind="error" description={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <StateView kind="loading" />;
  return <DeductionForm kinds={settings.data.settings.deductionKinds} members={members.data} onSearchMembers={setQ} action={record} />;
}

function Deductions({ unitId, canRecord }: { unitId: number; canRecord: boolean }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [adding, setAdding] = useState(false);
  const list = usePagedList(
    (page, pageSize) => unitDeductions(unitId, page, pageSize, filter === 'all' ? undefined : filter),
    [unitId, filter],
  );
  return (
    <View className="zj-ra">
      {canRecord ? (
        adding ? (
          <Card title="记录扣分">
            <NewDeduction
              unitId={unitId}
              onRecorded={() => {
                setAdding(false);
                list.reload();
              }}
            />
            <Button size="small" variant="plain" onClick={() => setAdding(false)}>
              收起
            </Button>
          </Card>
        ) : (
          <View className="zj-ra__bar">
            <Text className="zj-ra__note">扣分记录后有 7 天申诉期，期满或维持后计入诚信积分与先锋指数。</Text>
            <Button size="small" onClick={() => setAdding(true)}>
              记录扣分
            </Button>
          </View>
        )
      ) : null}
      <View className="zj-ra__bar">
        <Segmented options={FILTERS} value={filter} onChange={setFilter} small />
      </View>
      <PagedList
        list={list}
        keyOf={(deduction) => deduction.id}
        renderItem={(deduction) => <DeductionCard deduction={deduction} canDecide={canRecord} onChanged={() => list.reload()} />}
        emptyTitle="没有扣分记录"
        emptyDescription="申诉中的扣分排在最前，请及时处理。"
      />
    </View>
  );
}

/** 反向扣分: record a deduction, follow its phase, decide an appeal. */
export default function DeductionsPage() {
  const unit = usePageUnit();
  const keeps = useKeepsUnit(unit?.unitId);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unit ? <Deductions unitId={unit.unitId} canRecord={keeps} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
