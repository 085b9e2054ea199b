import { View } from '@tarojs/components';
import { DEDUCTION_POINTS, DeductionInput, shanghaiToday, type DeductionKind, type MemberListItem } from '@zhijian/shared';
import type { z } from 'zod';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { TextArea } from '../../../components/TextArea';
import type { Action } from '../../../hooks/useAction';
import { FieldProblems, type Problems } from '../../../services/errors';
import { FormError } from './FormError';
import { MemberPicker } from './MemberPicker';
import './record.scss';

/** The form as filled in: 0 where nothing is picked yet. */
export type DeductionDraft = z.input<typeof DeductionInput>;

/** The form's own check: what is not picked, then the endpoint's schema (1–5 points, a reason of 5+ characters). */
export function checkDeduction(draft: DeductionDraft): void {
  const problems: Problems = {};
  if (!draft.memberId) problems.memberId = '请选择党员';
  if (!draft.points) problems.points = `请选择扣分分值（${DEDUCTION_POINTS.min}–${DEDUCTION_POINTS.max} 分）`;
  const result = DeductionInput.safeParse(draft);
  if (!result.success) for (const issue of result.error.issues) problems[String(issue.path[0])] ??= issue.message;
  if (Object.keys(problems).length) throw new FieldProblems(problems);
}

interface Props {
  kinds: readonly DeductionKind[];
  members: readonly Pick<MemberListItem, 'id' | 'name'>[] | null;
  onSearchMembers: (q: string) => void;
  /** Validated with `checkDeduction`. */
  action: Action<[DeductionDraft], unknown>;
}

const POINT_OPTIONS = Array.from({ length: DEDUCTION_POINTS.max - DEDUCTION_POINTS.min + 1 }, (_, i) => ({
  value: DEDUCTION_POINTS.min + i,
  label: `${DEDUCTION_POINTS.min + i} 分`,
}));

/** 记录扣分: a member, a kind from the rules, 1–5 points, the reason and the day it concerns. */
export function DeductionForm({ kinds, members, onSearchMembers, action }: Props) {
  const [memberId, setMemberId] = useState<number | null>(null);
  const [kindKey, setKindKey] = useState<string | null>(null);
  const [points, setPoints] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [occurredOn, setOccurredOn] = useState(shanghaiToday());
  const edited = (field: string) => action.reset(field);
  return (
    <View className="zj-deduction-form">
      <MemberPicker
        members={members}
        value={memberId}
        onChange={(id) => {
          setMemberId(id);
          edited('memberId');
        }}
        onSearch={onSearchMembers}
        error={action.problems.memberId}
      />
      <Chips
        label="扣分项目"
        options={kinds.map((kind) => ({ value: kind.key, label: kind.name }))}
        value={kindKey}
        onChange={(key) => {
          setKindKey(key);
          edited('kindKey');
        }}
        error={action.problems.kindKey}
      />
      <Chips
        label={`扣分（${DEDUCTION_POINTS.min}–${DEDUCTION_POINTS.max} 分）`}
        options={POINT_OPTIONS}
        value={points}
        onChange={(value) => {
          setPoints(value);
          edited('points');
        }}
        error={action.problems.points}
      />
      <TextArea
        label="扣分理由"
        value={reason}
        onChange={(value) => {
          setReason(value);
          edited('reason');
        }}
        maxlength={500}
        placeholder="写明事实，党员可在 7 天内申诉"
        error={action.problems.reason}
      />
      <DatePicker
        label="发生日期"
        value={occurredOn}
        onChange={(value) => {
          setOccurredOn(value);
          edited('occurredOn');
        }}
        error={action.problems.occurredOn}
      />
      <FormError message={action.error} />
      <View className="zj-ra__actions">
        <Button
          loading={action.busy}
          onClick={() =>
            void action.run({
              memberId: memberId ?? 0,
              kindKey: kindKey ?? '',
              points: points ?? 0,
              reason,
              occurredOn,
            })
          }
        >
          记录扣分
        </Button>
      </View>
    </View>
  );
}
