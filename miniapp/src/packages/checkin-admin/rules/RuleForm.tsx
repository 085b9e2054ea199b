import Taro from '@tarojs/taro';
import type { ActivityRule } from '@zhijian/shared';
import { useState } from 'react';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { RuleEditor, type RuleDraft } from './RuleEditor';

/** Whose rule: the unit's own (no ids), one branch's, or one host site's (weekly). */
export type RuleOwner = { branchId?: number; hostSiteId?: number };

/** Saves a rule of the unit, a branch or a host site, and says what it did to the activities ahead. */
export function RuleForm({ unitId, owner, rule, onSaved }: { unitId: number; owner: RuleOwner; rule?: ActivityRule; onSaved: () => Promise<void> | void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function save(draft: RuleDraft) {
    setSaving(true);
    setError(undefined);
    try {
      const saved = rule
        ? await call(api.schedules.updateRule, { params: { id: rule.id }, body: draft })
        : await call(api.schedules.createRule, { params: { unitId }, body: { ...draft, ...owner } });
      const { created, updated, removed } = saved.generation;
      void Taro.showToast({ title: `已保存：新增 ${created}、更新 ${updated}、取消 ${removed} 次活动`, icon: 'none' });
      await onSaved();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  return <RuleEditor rule={rule} cadence={owner.hostSiteId ? 'weekly' : 'monthly'} saving={saving} error={error} onSave={(draft) => void save(draft)} />;
}
