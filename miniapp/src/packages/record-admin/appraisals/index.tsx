import { Text, View } from '@tarojs/components';
import {
  APPRAISAL_TIER_LABELS,
  APPRAISAL_TIERS,
  INDEX_TIER_LABELS,
  type AppraisalSheet,
  type AppraisalTier,
  shanghaiToday,
  type IndexTier,
} from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { UserError } from '../../../services/errors';
import { appraisalSheet, recordAppraisals } from '../../../services/recordAdmin';
import { FormError } from '../components/FormError';
import { YearStepper } from '../components/YearStepper';
import { recentYear, thisYear, useKeepsUnit, usePageUnit } from '../components/unit';
import '../components/record.scss';

/** The sheet gives the index tier's key (`excellent_candidate`); shown by its label. */
function indexTierLabel(tier: string | null): string {
  if (!tier) return '暂无';
  return tier in INDEX_TIER_LABELS ? INDEX_TIER_LABELS[tier as IndexTier] : tier;
}

const TIER_OPTIONS = APPRAISAL_TIERS.map((tier) => ({ value: tier, label: APPRAISAL_TIER_LABELS[tier] }));

function Sheet({
  unitId,
  year,
  sheet,
  canKeep,
  onSaved,
}: {
  unitId: number;
  year: number;
  sheet: AppraisalSheet;
  canKeep: boolean;
  onSaved: (sheet: AppraisalSheet) => void;
}) {
  const recorded = Object.fromEntries(sheet.rows.filter((row) => row.tier).map((row) => [row.member.id, row.tier!]));
  const firstMeeting = sheet.rows.find((row) => row.meetingOn)?.meetingOn ?? null;
  const [tiers, setTiers] = useState<Record<number, AppraisalTier>>(recorded);
  const [meetingOn, setMeetingOn] = useState(firstMeeting ?? shanghaiToday());
  const save = useAction(
    async () => {
      // What changed; a new meeting date is written to every member with a tier.
      const items = sheet.rows
        .filter((row) => tiers[row.member.id] && (meetingOn !== row.meetingOn || tiers[row.member.id] !== row.tier))
        .map((row) => ({ memberId: row.member.id, tier: tiers[row.member.id]! }));
      if (!items.length) throw new UserError('没有需要保存的改动');
      onSaved(await recordAppraisals(unitId, { year, meetingOn, items }));
    },
    { inline: true, success: '已保存评议结果' },
  );
  const done = sheet.rows.filter((row) => tiers[row.member.id]).length;
  return (
    <View>
      <Card title={`${year} 年度民主评议`}>
        <Text className="zj-ra__note">
          已评定 {done} / {sheet.rows.length} 人。“指数参考”为截至上月底的先锋指数等次，仅供支部评议时参考，等次由支部评定。
        </Text>
        {canKeep ? (
          <View className="zj-ra__narrow">
            <DatePicker label="评议会日期" value={meetingOn} onChange={setMeetingOn} hint="应在该年度内或次年第一季度" />
          </View>
        ) : null}
      </Card>
      <Card>
        {sheet.rows.map((row) => (
          <View key={row.member.id} className="zj-appraisal">
            <View className="zj-appraisal__who">
              <Text className="zj-appraisal__name">{row.member.name}</Text>
              {row.member.branchName ? <Text className="zj-ra__note">{row.member.branchName}</Text> : null}
            </View>
            <View className="zj-appraisal__tags">
              <Text className="zj-ra__tag zj-ra__tag--info">指数参考：{indexTierLabel(row.indexTier)}</Text>
              {row.tierLabel ? (
                <Text className="zj-ra__tag zj-ra__tag--success">
                  {row.tierLabel}
                  {row.meetingOn ? ` · ${row.meetingOn}` : ''}
                </Text>
              ) : (
                <Text className="zj-ra__tag">未评定</Text>
              )}
            </View>
            {canKeep ? (
              <View className="zj-appraisal__choice">
                <Chips
                  options={TIER_OPTIONS}
                  value={tiers[row.member.id] ?? null}
                  onChange={(tier) => setTiers({ ...tiers, [row.member.id]: tier })}
                />
              </View>
            ) : null}
          </View>
        ))}
      </Card>
      {canKeep ? (
        <View className="zj-ra__actions">
          <FormError message={save.error} />
          <Button loading={save.busy} onClick={() => void save.run()}>
            保存评议结果
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Appraisals({ unitId, canKeep }: { unitId: number; canKeep: boolean }) {
  const [year, setYear] = useState(recentYear);
  const sheet = useLoaded(`${unitId}:${year}`, () => appraisalSheet(unitId, year));
  return (
    <View className="zj-ra">
      <View className="zj-ra__bar">
        <YearStepper year={year} max={thisYear()} onChange={setYear} />
      </View>
      {sheet.error ? (
        <StateView kind="error" description={sheet.error} onRetry={sheet.reload} />
      ) : !sheet.data ? (
        <StateView kind="loading" />
      ) : !sheet.data.rows.length ? (
        <StateView kind="empty" title="名册还是空的" />
      ) : (
        <Sheet
          key={`${year}`}
          unitId={unitId}
          year={year}
          sheet={sheet.data}
          canKeep={canKeep}
          onSaved={(next) => sheet.update(() => next)}
        />
      )}
    </View>
  );
}

/** 民主评议: the year's tier of every member and the meeting date, with the index tier beside. */
export default function AppraisalsPage() {
  const unit = usePageUnit();
  const keeps = useKeepsUnit(unit?.unitId);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unit ? <Appraisals unitId={unit.unitId} canKeep={keeps} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
