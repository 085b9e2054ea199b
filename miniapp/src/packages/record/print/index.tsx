import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { shanghaiYear, type MemberCard } from '@zhijian/shared';
import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { isH5 } from '../../../services/env';
import { memberCard } from '../../../services/record';
import { formatChineseDate, formatDateTime } from '../../../utils/format';
import { AttendanceAndReads, BenefitsList, CategoryPointsList, DuesMonths, HonoursAndAppraisals } from '../components/CardSections';
import { IndexBreakdownView } from '../components/IndexBreakdownView';
import './index.scss';

/**
 * Others see the index as published at the end of last month, never live (the member's own card
 * is): the current year's sheet says so; an earlier year's is as of its end.
 */
function publishedNote(year: number): string {
  return year === shanghaiYear(new Date()) ? '截至上月末（先锋指数按月公布）' : `截至 ${year} 年末`;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="zj-print__section">
      <Text className="zj-print__heading">{title}</Text>
      {children}
    </View>
  );
}

/** One member's year on one A4 sheet, for the branch's files: as the card shows it, without the QR. */
export function PrintSheet({ card, printedAt }: { card: MemberCard; printedAt: string }) {
  const { member } = card;
  const identity: [string, string][] = [
    ['姓名', member.name],
    ['类别', member.kindLabel],
    ['单位', member.unit?.name ?? '—'],
    ['党组织', member.branch?.name ?? '—'],
    ['入党日期', member.joinedPartyOn ? formatChineseDate(member.joinedPartyOn) : '—'],
  ];
  return (
    <View className="zj-print__sheet">
      <View className="zj-print__masthead">
        <Text className="zj-print__title">党员年度记实 · {card.year} 年度</Text>
        <Text className="zj-print__subtitle">杭州市“两新”党务工作者协会 · 指尖党建 · 打印于 {printedAt}</Text>
      </View>
      <View className="zj-print__identity">
        {identity.map(([label, value]) => (
          <View key={label} className="zj-print__cell">
            <Text className="zj-print__label">{label}</Text>
            <Text className="zj-print__value">{value}</Text>
          </View>
        ))}
      </View>
      <View className="zj-print__columns">
        <View className="zj-print__column">
          <Section title="先锋指数">
            <IndexBreakdownView index={card.index} rules={null} frozen={card.indexFrozen} asOf={publishedNote(card.year)} />
          </Section>
          <Section title="民主评议与荣誉">
            <HonoursAndAppraisals honours={card.honours} appraisals={card.appraisals} />
          </Section>
        </View>
        <View className="zj-print__column">
          <Section title="本年度积分">
            <CategoryPointsList points={card.points} integrityFlagged={card.integrityFlagged} />
          </Section>
          <Section title="组织生活与学习">
            <AttendanceAndReads attendance={card.attendance} reads={card.reads} />
          </Section>
          <Section title="加分与扣分">
            <Text className="zj-print__line">
              正向加分：已认定 {card.bonuses.approved} 项 {card.bonuses.points} 分；待审核 {card.bonuses.pending} 项
            </Text>
            <Text className="zj-print__line">
              反向扣分：已生效 {card.deductions.effective} 条 {card.deductions.points} 分；申诉期内或申诉中 {card.deductions.inAppeal} 条
            </Text>
          </Section>
          <Section title="党员权益">
            <BenefitsList benefits={card.benefits} />
          </Section>
        </View>
      </View>
      <Section title="党费交纳">
        <DuesMonths year={card.year} dues={card.dues} />
      </Section>
      <View className="zj-print__sign">
        <Text>党员本人签字：</Text>
        <Text>支部书记签字：</Text>
        <Text>日期：</Text>
      </View>
    </View>
  );
}

function PrintRecord({ memberId, initialYear }: { memberId: number; initialYear: number }) {
  const thisYear = shanghaiYear(new Date());
  const [year, setYear] = useState(initialYear);
  const loaded = useLoaded(`${memberId}:${year}`, () => memberCard(memberId, year));
  const years = [thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value, label: `${value} 年度` }));
  return (
    <View className="zj-print">
      <View className="zj-print__toolbar">
        <Chips options={years} value={year} onChange={setYear} />
        {isH5() ? (
          <Button size="small" disabled={!loaded.data} onClick={() => window.print()}>
            打印（A4）
          </Button>
        ) : (
          <Text className="zj-muted">请在电脑浏览器中打开本页打印。</Text>
        )}
      </View>
      {loaded.data ? (
        <PrintSheet card={loaded.data} printedAt={formatDateTime(new Date().toISOString())} />
      ) : loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : (
        <StateView kind="loading" />
      )}
    </View>
  );
}

/** `?memberId=&year=`: the unit admin or the secretariat prints a member's yearly record. */
export default function PrintPage() {
  const { params } = useRouter();
  const memberId = Number(params.memberId);
  const year = Number(params.year);
  const initialYear = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : shanghaiYear(new Date());
  return (
    <Page className="zj-print-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {Number.isInteger(memberId) && memberId > 0 ? (
          <PrintRecord memberId={memberId} initialYear={initialYear} />
        ) : (
          <StateView kind="empty" title="未指定党员" />
        )}
      </RoleGate>
    </Page>
  );
}
