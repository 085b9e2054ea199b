import { Text, View } from '@tarojs/components';
import { INDEX_TIER_LABELS, type IndexBreakdown, type RecordSettings } from '@zhijian/shared';
import { figure, percent, signed } from './numbers';
import './record.scss';

export interface IndexBreakdownViewProps {
  index: IndexBreakdown;
  /** The index rules in force (factors and caps, to explain each part); null: the parts alone. */
  rules: RecordSettings['index'] | null;
  /** The year is closed: the figures are its frozen snapshot. */
  frozen: boolean;
  /** The member's own card is live; others see the figures as published (`asOf` says when). */
  live?: boolean;
  asOf?: string;
}

function Line({ label, value, note, level = 1 }: { label: string; value: string; note?: string; level?: 1 | 2 }) {
  return (
    <View className={`zj-breakdown__line zj-breakdown__line--${level}`}>
      <View className="zj-breakdown__label">
        <Text>{label}</Text>
        {note ? <Text className="zj-breakdown__note">{note}</Text> : null}
      </View>
      <Text className="zj-breakdown__value">{value}</Text>
    </View>
  );
}

/**
 * 先锋指数 and how it came about: 基本指数 (组织生活 × the year's attendance rate + 承诺践诺), 正向加分
 * (approved items, 学习 and 公益 points, all within their caps), 反向扣分, and 清零 when a sanction
 * overrides the sum. The tier is advisory: the branch decides in 民主评议.
 */
export function IndexBreakdownView({ index, rules, frozen, live = false, asOf }: IndexBreakdownViewProps) {
  const organisationalNote =
    index.attendanceRate === null
      ? '本年度尚无应参加的活动，按满分计'
      : rules && !frozen
        ? `${rules.organisationalLife} × 出勤率 ${percent(index.attendanceRate)}`
        : `出勤率 ${percent(index.attendanceRate)}`;
  const explained = rules && !frozen;
  const bonusParts = index.approvedBonus + index.study + index.publicService;

  return (
    <View className="zj-breakdown">
      <View className="zj-breakdown__head">
        <Text className="zj-breakdown__figure">{figure(index.value)}</Text>
        <View className="zj-breakdown__tier">
          <Text className={`zj-breakdown__tier-label zj-breakdown__tier-label--${index.tier}`}>
            参考等次：{INDEX_TIER_LABELS[index.tier]}
          </Text>
          <Text className="zj-breakdown__note">
            {frozen ? '本年度已结账，以下为结账时的数据' : live ? '实时计算，仅本人可见' : (asOf ?? '年度记实')}
          </Text>
        </View>
      </View>

      {index.sanctioned ? (
        <Text className="zj-breakdown__zeroed">本年度受到纪律处分，先锋指数清零。下列各项仅供了解，不计入指数。</Text>
      ) : null}

      <Line
        label="基本指数"
        value={figure(index.base)}
        note={explained ? `满分 ${rules.organisationalLife + rules.commitment}` : undefined}
      />
      <Line level={2} label="组织生活" value={figure(index.organisationalLife)} note={organisationalNote} />
      <Line level={2} label="承诺践诺" value={figure(index.commitment)} note="承诺记录上线前按满分计" />

      <Line
        label="正向加分"
        value={signed(index.bonus)}
        note={
          explained
            ? `合计至多 ${rules.bonusCap} 分${bonusParts > index.bonus ? `（各项共 ${figure(bonusParts)}，按上限计）` : ''}`
            : undefined
        }
      />
      <Line level={2} label="认定的加分项目" value={signed(index.approvedBonus)} />
      <Line
        level={2}
        label="学习积分折算"
        value={signed(index.study)}
        note={explained ? `学习积分 × ${rules.studyFactor}，至多 ${rules.studyCap} 分` : undefined}
      />
      <Line
        level={2}
        label="公益积分"
        value={signed(index.publicService)}
        note={explained ? `至多 ${rules.publicServiceCap} 分` : undefined}
      />

      <Line label="反向扣分" value={signed(-index.deductions)} note="已生效的扣分（申诉期内和申诉中的不计）" />

      <Text className="zj-breakdown__foot">
        先锋指数 = 基本指数 + 正向加分 − 反向扣分，在 0–100 之间。等次仅供参考，由支部在民主评议中确定，不以分数简单定等。
      </Text>
    </View>
  );
}
