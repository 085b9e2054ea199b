import { Text, View } from '@tarojs/components';
import type { ActivityRule, HostSite } from '@zhijian/shared';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import {
  attachToHostSite,
  createHostSite,
  createRule,
  deleteRule,
  detachFromHostSite,
  getCheckinSettings,
  loadRules,
  updateCheckinSettings,
  updateRule,
} from '../../../services/activities';
import { findMobileMembers } from '../../../services/organisation';
import { FormError } from '../components/FormError';
import { HostSiteMembers } from './HostSiteMembers';
import { NewHostSite } from './NewHostSite';
import { OwnedRule } from './OwnedRule';
import { RuleForm, type RuleFormProps, type RuleOwner } from './RuleForm';
import { SettingsForm } from './SettingsForm';
import './index.scss';

function Rules({ unitId }: { unitId: number }) {
  const loaded = useLoaded(unitId, loadRules);
  const settings = useLoaded(unitId, getCheckinSettings);
  const data = loaded.data;

  if (!data)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
  const { rules, branches, sites } = data;
  const unitRule = rules.find((r) => r.scope === 'unit');
  const ruleOf = (owner: (rule: ActivityRule) => boolean) => rules.find(owner);
  const replaceSite = (site: HostSite) =>
    loaded.update((current) => ({ ...current, sites: current.sites.map((s) => (s.id === site.id ? site : s)) }));
  /** What a rule form does for its owner: create or change the rule, delete it, then read the rules again. */
  const formOf = (owner: RuleOwner, rule: ActivityRule | undefined): RuleFormProps => ({
    owner,
    rule,
    onSave: (draft) => (rule ? updateRule(rule.id, draft) : createRule(unitId, { ...draft, ...owner })),
    onDelete: () => deleteRule(rule!.id),
    onSaved: loaded.refresh,
  });
  return (
    <View>
      <Card title={unitRule ? `本单位：${unitRule.description}` : '本单位尚未设定固定活动日'}>
        <RuleForm key={unitRule?.id ?? 'new'} {...formOf({}, unitRule)} />
      </Card>
      <Card title="签到设置">
        {settings.data ? (
          <SettingsForm initial={settings.data} onSave={(changed) => updateCheckinSettings(unitId, changed)} />
        ) : (
          <FormError message={settings.error} />
        )}
      </Card>
      {branches.length ? (
        <Card title="支部的固定活动日">
          {branches.map((branch) => (
            <OwnedRule
              key={branch.id}
              name={branch.name}
              {...formOf(
                { branchId: branch.id },
                ruleOf((r) => r.branch?.id === branch.id),
              )}
            />
          ))}
        </Card>
      ) : null}
      <Card title="流动党员服务点">
        {sites.map((site) => (
          <View key={site.id} className="zj-rules__site">
            <OwnedRule
              name={site.name}
              {...formOf(
                { hostSiteId: site.id },
                ruleOf((r) => r.hostSite?.id === site.id),
              )}
            />
            <HostSiteMembers
              site={site}
              onFind={(q) => findMobileMembers(unitId, q)}
              onAttach={(memberId) => attachToHostSite(site.id, memberId)}
              onDetach={(memberId) => detachFromHostSite(site.id, memberId)}
              onChanged={replaceSite}
            />
          </View>
        ))}
        <NewHostSite
          onCreate={async (input) => {
            const created = await createHostSite(unitId, input);
            loaded.update((current) => ({ ...current, sites: [...current.sites, created] }));
          }}
        />
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
