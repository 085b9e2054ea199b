import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONSOLE_ACTION_LABELS, ENTRY_STATUS_LABELS, type ConsoleActionKind, type ConsoleOverview } from '@zhijian/shared';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { ATTENDANCE_DASHBOARD_PAGE, BULLETIN_STATS_PAGE, CALLS_PAGE, LETTER_INBOX_PAGE, LETTER_REVIEW_PAGE } from '../../../routes';
import { Chart } from '../components/Chart';
import { percent } from '../components/Chart/types';
import { fetchOverview } from '../services/overview';
import './index.scss';

/** The page that handles each kind of waiting work. */
const ACTION_PAGES: Record<ConsoleActionKind, string> = {
  entries_to_register: CALLS_PAGE,
  overdue_reviews: CALLS_PAGE,
  topic_claims_to_confirm: CALLS_PAGE,
  held_letters: LETTER_REVIEW_PAGE,
  overdue_letters: `${LETTER_INBOX_PAGE}?box=secretariat`,
};

const go = (url: string) => () => void Taro.navigateTo({ url });

/** `2026-11` → `11月`, and January with its year (`2026年1月`), so a 12-month axis reads at a glance. */
function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return m === '01' ? `${year}年1月` : `${Number(m)}月`;
}

function Figures({ overview }: { overview: ConsoleOverview }) {
  const [year, month] = overview.month.split('-');
  const waiting = overview.actions.filter((action) => action.count > 0);
  return (
    <View className="zj-home">
      <Card title="待办" className="zj-home__actions">
        {waiting.length === 0 ? (
          <Text className="zj-muted">暂无待办事项</Text>
        ) : (
          <CellGroup>
            {waiting.map((action) => (
              <Cell
                key={action.kind}
                title={CONSOLE_ACTION_LABELS[action.kind]}
                value={`${action.count} 项`}
                arrow
                onClick={go(ACTION_PAGES[action.kind])}
              />
            ))}
          </CellGroup>
        )}
      </Card>
      <View className="zj-home__grid">
        <Card title={`${year} 年 ${Number(month)} 月各片组出勤率`} className="zj-home__figure">
          <Chart
            kind="bar"
            label="本月各片组出勤率"
            categories={overview.groups.map((group) => group.groupName)}
            values={overview.groups.map((group) => group.rate)}
          />
          {overview.groups.every((group) => group.rate === null) ? <Text className="zj-muted">本月还没有签到已结束的活动</Text> : null}
          <Text className="zj-home__more" onClick={go(ATTENDANCE_DASHBOARD_PAGE)}>
            出勤看板 ›
          </Text>
        </Card>
        <Card title="近 12 个月出勤率" className="zj-home__figure">
          <Chart
            kind="line"
            label="近 12 个月出勤率"
            categories={overview.months.map((m) => monthLabel(m.month))}
            values={overview.months.map((m) => m.rate)}
          />
        </Card>
        <Card title="近三期简报阅读率" className="zj-home__figure">
          {overview.reading.length === 0 ? (
            <Text className="zj-muted">尚未发布简报</Text>
          ) : (
            <CellGroup>
              {overview.reading.map((issue) => (
                <Cell
                  key={issue.issueId}
                  title={issue.label}
                  note={`${issue.readers} / ${issue.members} 人阅读`}
                  value={percent(issue.rate)}
                  arrow
                  onClick={go(`${BULLETIN_STATS_PAGE}?id=${issue.issueId}`)}
                />
              ))}
            </CellGroup>
          )}
        </Card>
        <Card title="报送进度（全部征集）" className="zj-home__figure">
          <View className="zj-home__pipeline">
            {overview.pipeline.map((stage) => (
              <View key={stage.status} className="zj-home__stage" onClick={go(CALLS_PAGE)}>
                <Text className="zj-home__stage-count">{stage.count}</Text>
                <Text className="zj-home__stage-label">{ENTRY_STATUS_LABELS[stage.status]}</Text>
              </View>
            ))}
          </View>
        </Card>
      </View>
    </View>
  );
}

function Overview() {
  const loaded = useLoaded('overview', fetchOverview);
  if (loaded.error) return <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <StateView kind="loading" />;
  return <Figures overview={loaded.data} />;
}

/** 工作台: the secretariat's home page — this month's and the year's attendance, reading, entries, and what waits. */
export default function ConsoleHomePage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Overview />
      </RoleGate>
    </Page>
  );
}
