import { Text, View } from '@tarojs/components';
import { scoreProblems, weightedScore, type Criterion, type ReviewAssignment, type ReviewInput } from '@zhijian/shared';
import { useState } from 'react';
import { useLocalDraft } from '../../../hooks/useLocalDraft';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import './ScoreForm.scss';

export type ScoreInput = z.input<typeof ReviewInput>;

export interface ScoreFormProps {
  rubric: readonly Criterion[];
  initial: Pick<NonNullable<ReviewAssignment['review']>, 'scores' | 'opinion'> | null;
  canEdit: boolean;
  /** Where typed but unsaved content is kept on this device (one per assignment); none: not kept. */
  draftKey?: string;
  busy?: boolean;
  onSaveDraft: (input: ScoreInput) => void;
  onSubmit: (input: ScoreInput) => void;
}

/** Typed text per criterion → numbers; empty boxes are left out (a draft may be partial). */
function parse(texts: Record<string, string>): { scores: Record<string, number>; unreadable: string[] } {
  const scores: Record<string, number> = {};
  const unreadable: string[] = [];
  for (const [key, text] of Object.entries(texts)) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    const value = Number(trimmed);
    if (Number.isFinite(value) && /^-?\d+(\.\d+)?$/.test(trimmed)) scores[key] = value;
    else unreadable.push(key);
  }
  return { scores, unreadable };
}

/**
 * Scores per criterion within [0, max], the weighted total as the reviewer types, and the 评审意见.
 * Out-of-range values are flagged at once with the same rule the server applies.
 */
export function ScoreForm({ rubric, initial, canEdit, draftKey, busy = false, onSaveDraft, onSubmit }: ScoreFormProps) {
  const saved = {
    texts: Object.fromEntries(rubric.map((c) => [c.key, initial?.scores[c.key] === undefined ? '' : String(initial.scores[c.key])])),
    opinion: initial?.opinion ?? '',
  };
  const draft = useLocalDraft(draftKey ?? '', saved, {
    enabled: canEdit && draftKey !== undefined,
    warning: '评分尚未保存。离开后，已填的内容保留在本机，回来时恢复。',
  });
  const { texts, opinion } = draft.value;
  const setTexts = (change: (t: Record<string, string>) => Record<string, string>) => draft.set((d) => ({ ...d, texts: change(d.texts) }));
  const setOpinion = (value: string) => draft.set((d) => ({ ...d, opinion: value }));
  const [showMissing, setShowMissing] = useState(false);
  const { scores, unreadable } = parse(texts);
  const problems = scoreProblems(rubric, scores, showMissing);
  const errorOf = (key: string) => (unreadable.includes(key) ? '请输入数字' : problems.find((p) => p.key === key)?.message);
  const complete = scoreProblems(rubric, scores, true).length === 0 && unreadable.length === 0;
  const opinionMissing = showMissing && opinion.trim().length < 2;

  function submit() {
    setShowMissing(true);
    if (!complete || opinion.trim().length < 2) return;
    onSubmit({ scores, opinion: opinion.trim() });
  }

  return (
    <View className={`zj-score-form${canEdit ? '' : ' zj-score-form--readonly'}`}>
      {draft.restored ? (
        <View className="zj-score-form__restored">
          <Text>已恢复未保存的内容</Text>
          <Text className="zj-score-form__discard" onClick={draft.discard}>
            放弃
          </Text>
        </View>
      ) : null}
      {rubric.map((criterion) => (
        <Field
          key={criterion.key}
          name={criterion.key}
          label={`${criterion.name}（0–${criterion.max} 分${rubric.some((c) => c.weight !== criterion.weight) ? `，权重 ${criterion.weight}` : ''}）`}
          value={texts[criterion.key] ?? ''}
          type="digit"
          disabled={!canEdit}
          maxlength={5}
          placeholder={`0–${criterion.max}`}
          error={errorOf(criterion.key)}
          onChange={(value) => canEdit && setTexts((t) => ({ ...t, [criterion.key]: value }))}
        />
      ))}
      <Text className="zj-score-form__total">加权得分：{complete ? `${weightedScore(rubric, scores)} / 100` : '各项打分后显示'}</Text>
      <TextArea
        label="评审意见"
        name="opinion"
        value={opinion}
        maxlength={2000}
        rows="tall"
        disabled={!canEdit}
        placeholder="对创新性、实效性、长效性、推广性的具体意见"
        error={opinionMissing ? '请填写评审意见' : undefined}
        onChange={(value) => canEdit && setOpinion(value)}
      />
      {canEdit ? (
        <View className="zj-score-form__actions">
          <Button
            block
            variant="plain"
            disabled={busy || problems.length > 0 || unreadable.length > 0}
            onClick={() => onSaveDraft({ scores, opinion })}
          >
            保存草稿
          </Button>
          <Button block loading={busy} onClick={submit}>
            提交评分
          </Button>
        </View>
      ) : null}
    </View>
  );
}
