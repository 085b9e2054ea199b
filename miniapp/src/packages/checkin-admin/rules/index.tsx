import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActivityRule } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { RuleEditor, type RuleDraft } from './RuleEditor';
import { SettingsForm } from './SettingsForm';
import './index.scss';

function Rules({ unitId }: { unitId: number }) {
  const [rules, setRules] = useState<ActivityRule[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const load = async () => setRules((await call(api.schedules.listRules, { params: { unitId } })).items);
  useEffect(() => {
    load().catch((failure: unknown) => setError(messageOf(failure)));
  }, [unitId]);

  async function save(draft: RuleDraft) {
    setSaving(true);
    setError(undefined);
    try {
      const unitRule = rules?.find((r) => r.scope === 'unit');
      const saved = unitRule
        ? await call(api.schedules.updateRule, { params: { id: unitRule.id }, body: draft })
        : await call(api.schedules.createRule, { params: { unitId }, body: draft });
      const { created, updated, removed } = saved.generation;
      void Taro.showToast({ title: `已保存：新增 ${created}、更新 ${updated}、取消 ${removed} 次活动`, icon: 'none' });
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  if (!rules) return error ? <StateView kind='error' description={error} /> : <StateView kind='loading' />;
  const unitRule = rules.find((r) => r.scope === 'unit');
  const others = rules.filter((r) => r.scope !== 'unit');
  return (
    <View>
      <Card title={unitRule ? `本单位：${unitRule.description}` : '本单位尚未设定固定活动日'}>
        <RuleEditor key={unitRule?.id ?? 'new'} rule={unitRule} saving={saving} error={error} onSave={(draft) => void save(draft)} />
      </Card>
      <Card title='签到设置'>
        <SettingsForm unitId={unitId} />
      </Card>
      {others.length ? (
        <Card title='支部与流动党员服务点'>
          {others.map((rule) => (
            <Text key={rule.id} className='zj-rules__other'>
              {rule.hostSite?.name ?? rule.branch?.name}：{rule.description} · {rule.placeName}
            </Text>
          ))}
        </Card>
      ) : null}
      <Text className='zj-muted'>修改规则后，尚未举行、未调整过的活动随之更新；已举行或已调整的不变。</Text>
    </View>
  );
}

export default function RulesPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>{unitId ? <Rules unitId={unitId} /> : <StateView kind='empty' title='尚未关联单位' />}</RoleGate>
    </Page>
  );
}
