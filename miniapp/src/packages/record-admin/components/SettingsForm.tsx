import { Text, View } from '@tarojs/components';
import { DEFAULT_RECORD_SETTINGS, RecordSettings, type BonusKind, type DeductionKind } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import type { Action } from '../../../hooks/useAction';
import { FieldProblems, type Problems } from '../../../services/errors';
import { FormError } from './FormError';
import './record.scss';

/** Every number of the rules, by its path in `RecordSettings`; a cap left empty is 不设上限 (null). */
interface Scalar {
  path: string;
  label: string;
  cap?: boolean;
}
const GROUPS: { title: string; note?: string; fields: Scalar[] }[] = [
  {
    title: '活动积分',
    fields: [
      { path: 'points.activity.onTime', label: '准时签到' },
      { path: 'points.activity.late', label: '迟到签到' },
      { path: 'points.activity.makeup', label: '补签通过' },
      { path: 'points.activity.dailyCap', label: '每日上限', cap: true },
      { path: 'points.activity.yearlyCap', label: '每年上限', cap: true },
    ],
  },
  {
    title: '学习积分',
    fields: [
      { path: 'points.study.perRead', label: '每篇有效阅读' },
      { path: 'points.study.dailyCap', label: '每日上限', cap: true },
      { path: 'points.study.yearlyCap', label: '每年上限', cap: true },
    ],
  },
  {
    title: '公益积分',
    fields: [
      { path: 'points.publicService.perWish', label: '每个微心愿' },
      { path: 'points.publicService.dailyCap', label: '每日上限', cap: true },
      { path: 'points.publicService.yearlyCap', label: '每年上限', cap: true },
    ],
  },
  {
    title: '诚信积分',
    note: '从基础分起算，只有生效的反向扣分会减少。',
    fields: [
      { path: 'points.integrity.base', label: '基础分' },
      { path: 'points.integrity.flagBelow', label: '低于此分提示' },
    ],
  },
  {
    title: '先锋指数构成',
    note: '先锋指数 = 组织生活 × 出勤率 + 承诺践诺 + 正向加分（合计不超过上限）− 反向扣分。',
    fields: [
      { path: 'index.organisationalLife', label: '组织生活满分' },
      { path: 'index.commitment', label: '承诺践诺' },
      { path: 'index.bonusCap', label: '正向加分上限' },
      { path: 'index.studyFactor', label: '学习积分折算系数' },
      { path: 'index.studyCap', label: '学习折算上限' },
      { path: 'index.publicServiceCap', label: '公益积分上限' },
    ],
  },
  {
    title: '参考等次分数线',
    note: '低于“基本合格”为“需谈心谈话”。等次仅供参考，由支部民主评议评定。',
    fields: [
      { path: 'index.tiers.excellent', label: '优秀候选 ≥' },
      { path: 'index.tiers.qualified', label: '合格 ≥' },
      { path: 'index.tiers.basic', label: '基本合格 ≥' },
    ],
  },
];
const SCALARS = GROUPS.flatMap((group) => group.fields);

function read(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], source);
}

function write(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

interface KindDraft {
  key: string;
  name: string;
  minPoints: string;
  maxPoints: string;
}

export interface SettingsDraft {
  scalars: Record<string, string>;
  bonusKinds: KindDraft[];
  deductionKinds: KindDraft[];
}

export function draftOf(settings: RecordSettings): SettingsDraft {
  return {
    scalars: Object.fromEntries(
      SCALARS.map((field) => [field.path, String(read(settings, field.path) ?? read(DEFAULT_RECORD_SETTINGS, field.path) ?? '')]),
    ),
    bonusKinds: settings.bonusKinds.map((kind) => ({ ...kind, minPoints: String(kind.minPoints), maxPoints: String(kind.maxPoints) })),
    deductionKinds: settings.deductionKinds.map((kind) => ({ key: kind.key, name: kind.name, minPoints: '', maxPoints: '' })),
  };
}

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The draft as settings, checked against `RecordSettings` (the endpoint's own schema): problems keyed
 * by their path (`index.tiers`, `bonusKinds.2.maxPoints`), with a summary message.
 */
export function settingsOf(draft: SettingsDraft): RecordSettings {
  const value: Record<string, unknown> = {};
  for (const field of SCALARS) {
    const text = draft.scalars[field.path] ?? '';
    write(value, field.path, field.cap && text.trim() === '' ? null : numberOf(text));
  }
  value.bonusKinds = draft.bonusKinds.map((kind): BonusKind => ({
    key: kind.key,
    name: kind.name,
    minPoints: numberOf(kind.minPoints),
    maxPoints: numberOf(kind.maxPoints),
  }));
  value.deductionKinds = draft.deductionKinds.map((kind): DeductionKind => ({ key: kind.key, name: kind.name }));
  const result = RecordSettings.safeParse(value);
  if (result.success) return result.data;
  const problems: Problems = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    problems[path] ??= issue.code === 'invalid_type' ? '请填写数字' : issue.message;
  }
  throw new FieldProblems(problems, `有 ${Object.keys(problems).length} 处需要修改，请看标红的项目`);
}

/** A new kind's code: the schema's pattern, unlikely to meet another. */
function newKey(prefix: string, taken: readonly KindDraft[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    const key = `${prefix}_${n}`;
    if (!taken.some((kind) => kind.key === key)) return key;
  }
}

function KindsEditor({
  title,
  kinds,
  ranged,
  problems,
  onChange,
}: {
  title: string;
  kinds: KindDraft[];
  ranged: boolean;
  problems: Problems;
  onChange: (kinds: KindDraft[]) => void;
}) {
  const listKey = ranged ? 'bonusKinds' : 'deductionKinds';
  const set = (index: number, change: Partial<KindDraft>) =>
    onChange(kinds.map((kind, i) => (i === index ? { ...kind, ...change } : kind)));
  return (
    <Card title={title}>
      <Text className="zj-ra__note">已记录的申报和扣分保留当时的项目名称；删除项目不影响已有记录。</Text>
      {problems[listKey] ? <Text className="zj-ra__error">{problems[listKey]}</Text> : null}
      {kinds.map((kind, index) => (
        <View key={kind.key} className="zj-settings__kind">
          <Field
            label={`名称（${kind.key}）`}
            value={kind.name}
            onChange={(name) => set(index, { name })}
            maxlength={30}
            error={problems[`${listKey}.${index}.name`]}
          />
          {ranged ? (
            <>
              <Field
                label="最低分"
                type="number"
                value={kind.minPoints}
                onChange={(minPoints) => set(index, { minPoints })}
                maxlength={2}
                error={problems[`${listKey}.${index}.minPoints`]}
              />
              <Field
                label="最高分"
                type="number"
                value={kind.maxPoints}
                onChange={(maxPoints) => set(index, { maxPoints })}
                maxlength={2}
                error={problems[`${listKey}.${index}.maxPoints`]}
              />
            </>
          ) : null}
          <View className="zj-settings__remove">
            <Button size="small" variant="plain" disabled={kinds.length <= 1} onClick={() => onChange(kinds.filter((_, i) => i !== index))}>
              删除
            </Button>
          </View>
        </View>
      ))}
      <Button
        size="small"
        variant="secondary"
        disabled={kinds.length >= 30}
        onClick={() =>
          onChange([...kinds, { key: newKey(ranged ? 'bonus' : 'deduction', kinds), name: '', minPoints: '1', maxPoints: '3' }])
        }
      >
        新增项目
      </Button>
    </Card>
  );
}

/** The secretariat's rules form: every number, the tiers, and the kinds lists; checked before saving. */
export function SettingsForm({ settings, action }: { settings: RecordSettings; action: Action<[SettingsDraft], unknown> }) {
  const [draft, setDraft] = useState(() => draftOf(settings));
  const problems = action.problems;
  const setScalar = (path: string, text: string) => {
    setDraft({ ...draft, scalars: { ...draft.scalars, [path]: text } });
    action.reset(path);
  };
  return (
    <View className="zj-settings">
      {GROUPS.map((group) => (
        <Card key={group.title} title={group.title}>
          {group.note ? <Text className="zj-ra__note">{group.note}</Text> : null}
          {group.title === '参考等次分数线' && problems['index.tiers'] ? (
            <Text className="zj-ra__error">{problems['index.tiers']}</Text>
          ) : null}
          <View className="zj-settings__grid">
            {group.fields.map((field) => (
              <Field
                key={field.path}
                label={field.label}
                type="number"
                value={draft.scalars[field.path] ?? ''}
                onChange={(text) => setScalar(field.path, text)}
                maxlength={6}
                placeholder={field.cap ? '不设上限' : undefined}
                error={problems[field.path]}
              />
            ))}
          </View>
        </Card>
      ))}
      <KindsEditor
        title="正向加分项目"
        kinds={draft.bonusKinds}
        ranged
        problems={problems}
        onChange={(bonusKinds) => setDraft({ ...draft, bonusKinds })}
      />
      <KindsEditor
        title="反向扣分项目"
        kinds={draft.deductionKinds}
        ranged={false}
        problems={problems}
        onChange={(deductionKinds) => setDraft({ ...draft, deductionKinds })}
      />
      {Object.keys(problems).length ? (
        <Text className="zj-ra__error">有 {Object.keys(problems).length} 处需要修改，请看标红的项目</Text>
      ) : null}
      <FormError message={action.error} />
      <View className="zj-ra__actions">
        <Button loading={action.busy} onClick={() => void action.run(draft)}>
          保存规则
        </Button>
      </View>
    </View>
  );
}
