import { Text, View } from '@tarojs/components';
import type { ActivityRule, HostSite } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { HostSiteMembers } from './HostSiteMembers';
import { NewHostSite } from './NewHostSite';
import { OwnedRule } from './OwnedRule';
import { RuleForm } from './RuleForm';
import { SettingsForm } from './SettingsForm';
import './index.scss';

interface RulesData {
  rules: ActivityRule[];
  branches: { id: number; name: string }[];
  sites: HostSite[];
}

async function loadRules(unitId: number): Promise<RulesData> {
  const [rules, unit, sites] = await Promise.all([
    call(api.schedules.listRules, { params: { unitId } }),
    call(api.units.get, { params: { id: unitId } }),
    call(api.schedules.listHostSites, { params: { unitId } }),
  ]);
  return { rules: rules.items, branches: unit.branches, sites: sites.items };
}

function Rules({ unitId }: { unitId: number }) {
  const [data, setData] = useState<RulesData | null>(null);
  const [error, setError] = useState<string | undefined>();
  const load = async () => {
    try {
      setData(await loadRules(unitId));
      setError(undefined);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => void load(), [unitId]);

  if (!data) return error ? <StateView kind="error" description={error} onRetry={() => void load()} /> : <StateView kind="loading" />;
  const { rules, branches, sites } = data;
  const unitRule = rules.find((r) => r.scope === 'unit');
  const ruleOf = (owner: (rule: ActivityRule) => boolean) => rules.find(owner);
  const replaceSite = (site: HostSite) => setData({ ...data, sites: sites.map((s) => (s.id === site.id ? site : s)) });
  return (
    <View>
      <Card title={unitRule ? `本单位：${unitRule.description}` : '本单位尚未设定固定活动日'}>
        <RuleForm key={unitRule?.id ?? 'new'} unitId={unitId} owner={{}} rule={unitRule} onSaved={load} />
      </Card>
      <Card title="签到设置">
        <SettingsForm unitId={unitId} />
      </Card>
      {branches.length ? (
        <Card title="支部的固定活动日">
          {branches.map((branch) => (
            <OwnedRule
              key={branch.id}
              unitId={unitId}
              name={branch.name}
              owner={{ branchId: branch.id }}
              rule={ruleOf((r) => r.branch?.id === branch.id)}
              onSaved={load}
            />
          ))}
        </Card>
      ) : null}
      <Card title="流动党员服务点">
        {sites.map((site) => (
          <View key={site.id} className="zj-rules__site">
            <OwnedRule
              unitId={unitId}
              name={site.name}
              owner={{ hostSiteId: site.id }}
              rule={ruleOf((r) => r.hostSite?.id === site.id)}
              onSaved={load}
            />
            <HostSiteMembers unitId={unitId} site={site} onChanged={replaceSite} />
          </View>
        ))}
        <NewHostSite unitId={unitId} onCreated={(site) => setData({ ...data, sites: [...sites, site] })} />
        <Text className="zj-muted zj-form-note">编入服务点的流动党员参加服务点的每周活动，不再计入本单位每月活动的应到人数。</Text>
      </Card>
      <Text className="zj-muted">修改规则后，尚未举行、未调整过的活动随之更新；已举行或已调整的不变。</Text>
    </View>
  );
}

export default function RulesPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>{unitId ? <Rules unitId={unitId} /> : <StateView kind="empty" title="尚未关联单位" />}</RoleGate>
    </Page>
  );
}
