import { Text, View } from '@tarojs/components';
import { DUES_ARREARS_MONTHS, monthsOfYear, type MemberCard } from '@zhijian/shared';
import { formatChineseDate } from '../../../utils/format';
import { figure, percent, yuan } from './numbers';
import './record.scss';

type Points = MemberCard['points'][number];

function capsOf(row: Points): string {
  const caps = [
    row.dailyCap !== null ? `今日 ${row.today}/${row.dailyCap}` : null,
    row.yearlyCap !== null ? `全年上限 ${row.yearlyCap}` : null,
  ];
  return caps.filter(Boolean).join(' · ');
}

/** This year's points by category, each against its caps (a bar when the year has one). */
export function CategoryPointsList({ points, integrityFlagged }: { points: MemberCard['points']; integrityFlagged: boolean }) {
  return (
    <View className="zj-points">
      {points.map((row) => (
        <View key={row.category} className={`zj-points__row zj-points__row--${row.category}`}>
          <View className="zj-points__head">
            <Text className="zj-points__label">{row.label}</Text>
            <Text className="zj-points__value">
              {row.points}
              {row.yearlyCap !== null ? <Text className="zj-points__cap"> / {row.yearlyCap}</Text> : null}
            </Text>
          </View>
          {row.yearlyCap !== null && row.yearlyCap > 0 ? (
            <View className="zj-points__bar">
              <View className="zj-points__fill" style={{ width: `${Math.min(100, (Math.max(0, row.points) / row.yearlyCap) * 100)}%` }} />
            </View>
          ) : null}
          {capsOf(row) ? <Text className="zj-points__note">{capsOf(row)}</Text> : null}
          {row.category === 'integrity' && integrityFlagged ? (
            <Text className="zj-points__flag">诚信积分低于协会提示线，请与支部沟通</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 组织生活 and 学习: attendance this year and the 简报 articles read. */
export function AttendanceAndReads({ attendance, reads }: Pick<MemberCard, 'attendance' | 'reads'>) {
  const rate = attendance.expected > 0 ? percent(Math.min(1, attendance.attended / attendance.expected)) : '—';
  return (
    <View>
      <View className="zj-facts">
        <View className="zj-facts__item">
          <Text className="zj-facts__figure">
            {attendance.attended}/{attendance.expected}
          </Text>
          <Text className="zj-facts__label">出席/应到</Text>
        </View>
        <View className="zj-facts__item">
          <Text className="zj-facts__figure">{rate}</Text>
          <Text className="zj-facts__label">出勤率</Text>
        </View>
        <View className="zj-facts__item">
          <Text className="zj-facts__figure zj-facts__figure--reads">{reads.articles}</Text>
          <Text className="zj-facts__label">读过的文章</Text>
        </View>
      </View>
      {attendance.leave ? <Text className="zj-facts__note">另有经批准的请假 {attendance.leave} 次。</Text> : null}
    </View>
  );
}

/** The year's twelve months of 党费: paid (amount and day) or not, and how many months behind. */
export function DuesMonths({ year, dues }: { year: number; dues: MemberCard['dues'] }) {
  const paid = new Map(dues.months.map((month) => [month.month, month]));
  return (
    <View>
      <View className="zj-dues">
        {monthsOfYear(year).map((key) => {
          const month = paid.get(key);
          return (
            <View key={key} className={`zj-dues__month${month ? ' zj-dues__month--paid' : ''}`}>
              <Text className="zj-dues__name">{Number(key.slice(5))}月</Text>
              <Text className="zj-dues__amount">{month ? yuan(month.amountCents) : '未记录'}</Text>
            </View>
          );
        })}
      </View>
      {dues.monthsBehind > 0 ? (
        <Text className={`zj-dues__behind${dues.monthsBehind >= DUES_ARREARS_MONTHS ? ' zj-dues__behind--alert' : ''}`}>
          已连续 {dues.monthsBehind} 个月未记录交纳（截至上月）
        </Text>
      ) : (
        <Text className="zj-muted">截至上月没有欠交的月份。</Text>
      )}
    </View>
  );
}

/** 荣誉 and 民主评议, by year, newest first. */
export function HonoursAndAppraisals({ honours, appraisals }: Pick<MemberCard, 'honours' | 'appraisals'>) {
  return (
    <View className="zj-lines">
      {appraisals.length === 0 ? <Text className="zj-muted">暂无民主评议记录。</Text> : null}
      {appraisals.map((row) => (
        <View key={`a${row.year}`} className="zj-lines__row">
          <View className="zj-lines__main">
            <Text>{row.year} 年度民主评议</Text>
            <Text className="zj-lines__note">{formatChineseDate(row.meetingOn)}评议</Text>
          </View>
          <Text className={`zj-lines__value zj-appraisal--${row.tier}`}>{row.tierLabel}</Text>
        </View>
      ))}
      {honours.length === 0 ? <Text className="zj-muted">暂无荣誉记录（年度评优后显示）。</Text> : null}
      {honours.map((row, index) => (
        <View key={`h${row.year}-${index}`} className="zj-lines__row">
          <Text>{row.year} 年度</Text>
          <Text className="zj-lines__value">{row.title}</Text>
        </View>
      ))}
    </View>
  );
}

/** The unit's benefits: unlocked at a threshold (nothing is spent), or how far there is to go. */
export function BenefitsList({ benefits }: { benefits: MemberCard['benefits'] }) {
  if (benefits.length === 0) return <Text className="zj-muted">本单位暂未设置党员权益。</Text>;
  return (
    <View className="zj-lines">
      {benefits.map((benefit) => (
        <View key={benefit.id} className={`zj-benefit${benefit.unlocked ? ' zj-benefit--unlocked' : ''}`}>
          <View className="zj-benefit__main">
            <Text className="zj-benefit__name">
              {benefit.unlocked ? '✓ ' : ''}
              {benefit.name}
            </Text>
            <Text className="zj-lines__note">
              {benefit.measureLabel} ≥ {benefit.threshold}
              {benefit.description ? ` · ${benefit.description}` : ''}
            </Text>
          </View>
          <Text className="zj-benefit__state">
            {benefit.unlocked ? '已解锁' : `还差 ${figure(Math.max(0, benefit.threshold - benefit.current))}`}
          </Text>
        </View>
      ))}
    </View>
  );
}
