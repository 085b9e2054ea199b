import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { shanghaiYear, type MemberCard, type RecordSettings } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { RECORD_DECLARE_PAGE, RECORD_LIST_PAGE } from '../../../routes';
import { identityCode, loadMyCard } from '../../../services/record';
import { formatChineseDate } from '../../../utils/format';
import { AttendanceAndReads, BenefitsList, CategoryPointsList, DuesMonths, HonoursAndAppraisals } from '../components/CardSections';
import { IdentityQr } from '../components/IdentityQr';
import { IndexBreakdownView } from '../components/IndexBreakdownView';
import './index.scss';

/** Name, unit and branch, 固定/流动, 入党日期, and (for this year's card) the rotating identity QR. */
function Identity({ card, showCode }: { card: MemberCard; showCode: boolean }) {
  const { member } = card;
  return (
    <View className="zj-member-card__identity">
      <View className="zj-member-card__who">
        <Text className="zj-member-card__badge">党员卡</Text>
        <Text className="zj-member-card__name">{member.name}</Text>
        <Text className="zj-member-card__kind">{member.kindLabel}</Text>
        <Text className="zj-member-card__line">{member.unit?.name ?? '未关联单位'}</Text>
        {member.branch ? <Text className="zj-member-card__line">{member.branch.name}</Text> : null}
        <Text className="zj-member-card__line">
          入党日期：{member.joinedPartyOn ? formatChineseDate(member.joinedPartyOn) : '名册未填写'}
        </Text>
      </View>
      {showCode ? <IdentityQr load={identityCode} /> : null}
    </View>
  );
}

function CardBody({ card, rules, live }: { card: MemberCard; rules: RecordSettings | null; live: boolean }) {
  return (
    <View>
      <Card title={`${card.year} 年度先锋指数`}>
        <IndexBreakdownView index={card.index} rules={rules?.index ?? null} frozen={card.indexFrozen} live={live} />
      </Card>

      <Card title="本年度积分">
        <CategoryPointsList points={card.points} integrityFlagged={card.integrityFlagged} />
      </Card>

      <Card title="组织生活与学习">
        <AttendanceAndReads attendance={card.attendance} reads={card.reads} />
      </Card>

      <Card title="加分与扣分">
        <View className="zj-member-card__records">
          <Text>
            正向加分：已认定 {card.bonuses.approved} 项，共 {card.bonuses.points} 分
            {card.bonuses.pending ? `；待审核 ${card.bonuses.pending} 项` : ''}
          </Text>
          <Text>
            反向扣分：已生效 {card.deductions.effective} 条，共 {card.deductions.points} 分
            {card.deductions.inAppeal ? `；申诉期内或申诉中 ${card.deductions.inAppeal} 条` : ''}
          </Text>
        </View>
        <View className="zj-member-card__actions">
          <Button size="small" onClick={() => void Taro.navigateTo({ url: RECORD_DECLARE_PAGE })}>
            申报加分
          </Button>
          <Button size="small" variant="secondary" onClick={() => void Taro.navigateTo({ url: RECORD_LIST_PAGE })}>
            我的记录
          </Button>
        </View>
      </Card>

      <Card title={`${card.year} 年党费`}>
        <DuesMonths year={card.year} dues={card.dues} />
      </Card>

      <Card title="民主评议与荣誉">
        <HonoursAndAppraisals honours={card.honours} appraisals={card.appraisals} />
      </Card>

      <Card title="党员权益">
        <BenefitsList benefits={card.benefits} />
      </Card>
    </View>
  );
}

/** 党员卡: my yearly record, live — the index with its breakdown and every record behind it. */
function MyCard() {
  const thisYear = shanghaiYear(new Date());
  const [year, setYear] = useState(thisYear);
  const loaded = useLoaded(year, loadMyCard, { refreshOnShow: true });
  usePullDownRefresh(() => {
    void loaded.refresh().finally(() => {
      void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined);
    });
  });
  const years = [thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value, label: `${value} 年` }));

  return (
    <View className={`zj-member-card${loaded.refreshing ? ' zj-refreshing' : ''}`}>
      {loaded.data ? <Identity card={loaded.data.card} showCode={year === thisYear} /> : null}
      <Chips options={years} value={year} onChange={setYear} />
      {loaded.data ? (
        <CardBody card={loaded.data.card} rules={loaded.data.rules} live={year === thisYear} />
      ) : loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : (
        <StateView kind="loading" />
      )}
    </View>
  );
}

export default function CardPage() {
  return (
    <Page className="zj-member-card-page zj-record-page">
      <RoleGate roles={['member']}>
        <MyCard />
      </RoleGate>
    </Page>
  );
}
