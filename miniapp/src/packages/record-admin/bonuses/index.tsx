import { Text, View } from '@tarojs/components';
import { BonusDecision, formatShanghaiDateTime, type BonusClaim, type BonusStatus, type RecordSettings } from '@zhijian/shared';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { AuthedImage } from '../../../components/submissions/AuthedImage';
import { Segmented } from '../../secretariat/components/Segmented';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { FieldProblems } from '../../../services/errors';
import { bonusPhotoUrl, decideBonus, recordSettings, unitBonuses } from '../../../services/recordAdmin';
import { BonusDecisionForm, type BonusDecisionValue } from '../components/BonusDecisionForm';
import { useKeepsUnit, usePageUnit } from '../components/unit';
import '../components/record.scss';

type Filter = BonusStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已认定' },
  { value: 'refused', label: '未认定' },
  { value: 'all', label: '全部' },
];

function rangeOf(settings: RecordSettings | null, kindKey: string) {
  const kind = settings?.bonusKinds.find((k) => k.key === kindKey);
  return kind ? { min: kind.minPoints, max: kind.maxPoints } : null;
}

function ClaimCard({
  claim,
  settings,
  canDecide,
  onDecided,
}: {
  claim: BonusClaim;
  settings: RecordSettings | null;
  canDecide: boolean;
  onDecided: () => void;
}) {
  const range = rangeOf(settings, claim.kindKey);
  const decide = useAction(
    async (value: BonusDecisionValue) => {
      await decideBonus(claim.id, value);
      onDecided();
    },
    {
      inline: true,
      check: BonusDecision,
      validate: (value) => {
        if (value.approve && range && value.points !== undefined && (value.points < range.min || value.points > range.max))
          throw new FieldProblems({ points: `该项目的分值应在 ${range.min}–${range.max} 分之间` });
      },
      success: (_, value) => (value.approve ? '已认定加分' : '已不予认定'),
    },
  );
  const tag = claim.status === 'pending' ? 'warning' : claim.status === 'approved' ? 'success' : 'danger';
  return (
    <Card className="zj-bonus-claim">
      <View className="zj-ra__bar">
        <Text className="zj-card__title">
          {claim.member.name} · {claim.kindName}
        </Text>
        <Text className={`zj-ra__tag zj-ra__tag--${tag}`}>
          {claim.statusLabel}
          {claim.points !== null ? ` ${claim.points} 分` : ''}
        </Text>
      </View>
      <Text className="zj-ra__note">
        事迹日期 {claim.occurredOn} · 申报于 {formatShanghaiDateTime(new Date(claim.createdAt))}
        {range ? ` · 分值范围 ${range.min}–${range.max} 分` : ''}
      </Text>
      <Text className="zj-ra__line">{claim.description}</Text>
      {claim.photos.length ? (
        <View className="zj-ra__photos">
          {claim.photos.map((photo) => (
            <AuthedImage key={photo.id} src={bonusPhotoUrl(photo.id)} className="zj-ra__photo" />
          ))}
        </View>
      ) : (
        <Text className="zj-ra__note">未附照片</Text>
      )}
      {claim.decisionNote ? <Text className="zj-ra__note">审核说明：{claim.decisionNote}</Text> : null}
      {claim.status === 'pending' && canDecide ? <BonusDecisionForm range={range} action={decide} /> : null}
    </Card>
  );
}

function Claims({ unitId, canDecide }: { unitId: number; canDecide: boolean }) {
  const [filter, setFilter] = useState<Filter>('pending');
  const settings = useLoaded('settings', recordSettings);
  const list = usePagedList(
    (page, pageSize) => unitBonuses(unitId, page, pageSize, filter === 'all' ? undefined : filter),
    [unitId, filter],
  );
  return (
    <View className="zj-ra">
      <View className="zj-ra__bar">
        <Segmented options={FILTERS} value={filter} onChange={setFilter} />
      </View>
      <PagedList
        list={list}
        keyOf={(claim) => claim.id}
        renderItem={(claim) => (
          <ClaimCard claim={claim} settings={settings.data?.settings ?? null} canDecide={canDecide} onDecided={() => list.reload()} />
        )}
        emptyTitle={filter === 'pending' ? '没有待审核的加分申报' : '没有加分申报'}
        emptyDescription="党员在“党员卡”中申报正向加分（可附照片），在这里认定分值或说明不予认定的理由。"
      />
    </View>
  );
}

/** 加分审核: the unit's bonus claims, pending first, decided within the kind's range. */
export default function BonusesPage() {
  const unit = usePageUnit();
  const keeps = useKeepsUnit(unit?.unitId);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unit ? <Claims unitId={unit.unitId} canDecide={keeps} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
