import { Text, View } from '@tarojs/components';
import { BENEFIT_MEASURE_LABELS, BENEFIT_MEASURES, BenefitInput, type Benefit, type BenefitMeasure } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { createBenefit, removeBenefit, unitBenefits, updateBenefit } from '../../../services/recordAdmin';
import { FormError } from '../components/FormError';
import { useKeepsUnit, usePageUnit } from '../components/unit';
import '../components/record.scss';

const MEASURE_OPTIONS = BENEFIT_MEASURES.map((measure) => ({ value: measure, label: BENEFIT_MEASURE_LABELS[measure] }));

function BenefitForm({
  benefit,
  onSave,
  onCancel,
}: {
  benefit: Benefit | null;
  onSave: (input: BenefitInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(benefit?.name ?? '');
  const [description, setDescription] = useState(benefit?.description ?? '');
  const [measure, setMeasure] = useState<BenefitMeasure | null>(benefit?.measure ?? null);
  const [threshold, setThreshold] = useState(benefit ? String(benefit.threshold) : '');
  const save = useAction((input: BenefitInput) => onSave(input), { inline: true, check: BenefitInput, success: '已保存' });
  const draft = (): z.input<typeof BenefitInput> => ({
    name,
    description,
    measure: measure ?? ('' as BenefitMeasure),
    threshold: threshold.trim() === '' ? Number.NaN : Number(threshold),
  });
  return (
    <Card title={benefit ? `修改「${benefit.name}」` : '新增权益'}>
      <Field label="权益名称" value={name} onChange={setName} maxlength={40} error={save.problems.name} placeholder="如 优先推荐评优" />
      <TextArea label="说明" value={description} onChange={setDescription} maxlength={300} error={save.problems.description} />
      <Chips
        label="依据"
        options={MEASURE_OPTIONS}
        value={measure}
        onChange={setMeasure}
        error={save.problems.measure ? '请选择依据' : undefined}
      />
      <Field
        label="门槛"
        type="number"
        value={threshold}
        onChange={setThreshold}
        maxlength={5}
        error={save.problems.threshold ? '请填写 0–10000 的整数' : undefined}
        hint="本年度达到即解锁，不消耗积分"
      />
      <FormError message={save.error} />
      <View className="zj-ra__actions">
        <Button size="small" loading={save.busy} onClick={() => void save.run(draft())}>
          保存
        </Button>
        <Button size="small" variant="plain" onClick={onCancel}>
          取消
        </Button>
      </View>
    </Card>
  );
}

function Benefits({ unitId, canKeep }: { unitId: number; canKeep: boolean }) {
  const list = useLoaded(unitId, unitBenefits);
  const [editing, setEditing] = useState<Benefit | 'new' | null>(null);
  const remove = useAction(
    async (benefit: Benefit) => {
      await removeBenefit(benefit.id);
      await list.refresh();
    },
    { confirm: (benefit) => ({ title: '删除权益', content: `删除「${benefit.name}」？`, confirmText: '删除' }), success: '已删除' },
  );
  const saved = async () => {
    setEditing(null);
    await list.refresh();
  };
  return (
    <View className="zj-ra">
      <View className="zj-ra__bar">
        <Text className="zj-ra__note">党员的积分或先锋指数达到门槛即可享有，权益不消耗积分。</Text>
        {canKeep && editing === null ? (
          <Button size="small" onClick={() => setEditing('new')}>
            新增权益
          </Button>
        ) : null}
      </View>
      {editing !== null ? (
        <BenefitForm
          key={editing === 'new' ? 'new' : editing.id}
          benefit={editing === 'new' ? null : editing}
          onSave={async (input) => {
            const result = editing === 'new' ? await createBenefit(unitId, input) : await updateBenefit(editing.id, input);
            await saved();
            return result;
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {list.error ? (
        <StateView kind="error" description={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <StateView kind="loading" />
      ) : !list.data.length ? (
        <StateView
          kind="empty"
          title="还没有设定权益"
          description="例如：公益积分满 10 分优先参加志愿活动，先锋指数 90 以上优先推荐评优。"
        />
      ) : (
        list.data.map((benefit) => (
          <Card key={benefit.id}>
            <View className="zj-ra__bar">
              <Text className="zj-card__title">{benefit.name}</Text>
              <Text className="zj-ra__tag zj-ra__tag--info">
                {benefit.measureLabel} ≥ {benefit.threshold}
              </Text>
            </View>
            {benefit.description ? <Text className="zj-ra__line">{benefit.description}</Text> : null}
            {canKeep ? (
              <View className="zj-ra__actions">
                <Button size="small" variant="secondary" onClick={() => setEditing(benefit)}>
                  修改
                </Button>
                <Button size="small" variant="plain" loading={remove.running?.[0] === benefit} onClick={() => void remove.run(benefit)}>
                  删除
                </Button>
              </View>
            ) : null}
          </Card>
        ))
      )}
    </View>
  );
}

/** 权益: what members unlock at thresholds of their points or index (not spent). */
export default function BenefitsPage() {
  const unit = usePageUnit();
  const keeps = useKeepsUnit(unit?.unitId);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unit ? <Benefits unitId={unit.unitId} canKeep={keeps} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
