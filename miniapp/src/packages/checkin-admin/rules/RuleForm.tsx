import type { ActivityRule, GenerationResult, RuleInput, RuleSaved } from '@zhijian/shared';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';
import { RuleEditor, type RuleDraft } from './RuleEditor';

/** Whose rule: the unit's own (no ids), one branch's, or one host site's (weekly). */
export type RuleOwner = Pick<RuleInput, 'branchId' | 'hostSiteId'>;

export interface RuleFormProps {
  owner: RuleOwner;
  rule?: ActivityRule;
  /** Creates or changes the rule; answers what that did to the activities ahead. */
  onSave: (draft: RuleDraft) => Promise<z.output<typeof RuleSaved>>;
  /** Deletes the rule (offered when there is one). */
  onDelete: () => Promise<z.output<typeof GenerationResult>>;
  /** After either: the page reads the rules again. */
  onSaved: () => Promise<void> | void;
}

/** Saves a rule of the unit, a branch or a host site, and says what it did to the activities ahead. */
export function RuleForm({ owner, rule, onSave, onDelete, onSaved }: RuleFormProps) {
  const save = useAction(
    async (draft: RuleDraft) => {
      const { generation } = await onSave(draft);
      await onSaved();
      return generation;
    },
    { success: ({ created, updated, removed }) => `已保存：新增 ${created}、更新 ${updated}、取消 ${removed} 次活动`, inline: true },
  );
  const remove = useAction(
    async () => {
      const { removed } = await onDelete();
      await onSaved();
      return removed;
    },
    {
      confirm: {
        title: '删除规则',
        content: '尚未举行、未调整过的活动将一并取消；已举行的活动和签到记录保留。',
        confirmText: '删除',
      },
      success: (removed) => `已删除规则，取消 ${removed} 次活动`,
      inline: true,
    },
  );

  return (
    <>
      <RuleEditor
        rule={rule}
        cadence={owner.hostSiteId ? 'weekly' : 'monthly'}
        saving={save.busy}
        error={remove.error ?? save.error}
        onSave={(draft) => void save.run(draft)}
      />
      {rule ? (
        <Button block variant="plain" disabled={save.busy || remove.busy} onClick={() => void remove.run()}>
          删除此规则
        </Button>
      ) : null}
    </>
  );
}
