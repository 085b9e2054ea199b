import Taro from '@tarojs/taro';
import type { ActivityRule } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { RuleEditor, type RuleDraft } from './RuleEditor';

/** Whose rule: the unit's own (no ids), one branch's, or one host site's (weekly). */
export type RuleOwner = { branchId?: number; hostSiteId?: number };

/** Saves a rule of the unit, a branch or a host site, and says what it did to the activities ahead. */
export function RuleForm({
  unitId,
  owner,
  rule,
  onSaved,
}: {
  unitId: number;
  owner: RuleOwner;
  rule?: ActivityRule;
  onSaved: () => Promise<void> | void;
}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function run(work: () => Promise<string>) {
    setSaving(true);
    setError(undefined);
    try {
      void Taro.showToast({ title: await work(), icon: 'none' });
      await onSaved();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  const save = (draft: RuleDraft) =>
    run(async () => {
      const saved = rule
        ? await call(api.schedules.updateRule, { params: { id: rule.id }, body: draft })
        : await call(api.schedules.createRule, { params: { unitId }, body: { ...draft, ...owner } });
      const { created, updated, removed } = saved.generation;
      return `已保存：新增 ${created}、更新 ${updated}、取消 ${removed} 次活动`;
    });

  async function remove(id: number) {
    const { confirm } = await Taro.showModal({
      title: '删除规则',
      content: '尚未举行、未调整过的活动将一并取消；已举行的活动和签到记录保留。',
      confirmText: '删除',
      cancelText: '取消',
    });
    if (!confirm) return;
    await run(async () => {
      const { removed } = await call(api.schedules.deleteRule, { params: { id } });
      return `已删除规则，取消 ${removed} 次活动`;
    });
  }

  return (
    <>
      <RuleEditor
        rule={rule}
        cadence={owner.hostSiteId ? 'weekly' : 'monthly'}
        saving={saving}
        error={error}
        onSave={(draft) => void save(draft)}
      />
      {rule ? (
        <Button block variant="plain" disabled={saving} onClick={() => void remove(rule.id)}>
          删除此规则
        </Button>
      ) : null}
    </>
  );
}
