import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { VIDEO_REVIEW_PAGE } from '../../../routes';
import { openVideoRound, videoRounds } from '../../../services/videos';
import '../../videos/components/videos.scss';

function OpenRound({ onOpened }: { onOpened: () => void }) {
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [days, setDays] = useState('7');
  const [juryWeight, setJuryWeight] = useState('60');
  const open = useAction(
    async () => {
      const round = await openVideoRound({ title, theme, startsOn, days: Number(days), juryWeight: Number(juryWeight) });
      setTitle('');
      onOpened();
      return round;
    },
    { success: '已开启', inline: true },
  );
  return (
    <Card title="开启一轮">
      <Field label="标题" value={title} onChange={setTitle} maxlength={60} error={open.problems.title} />
      <Field label="主题" value={theme} onChange={setTheme} maxlength={500} error={open.problems.theme} />
      <DatePicker label="开始日期" value={startsOn} onChange={setStartsOn} error={open.problems.startsOn} />
      <Field label="天数" type="number" value={days} onChange={setDays} hint="默认 7 天，每天展示一个片组" error={open.problems.days} />
      <Field
        label="评委分占比（%）"
        type="number"
        value={juryWeight}
        onChange={setJuryWeight}
        hint="其余为点赞"
        error={open.problems.juryWeight}
      />
      {open.error ? <StateView kind="error" description={open.error} /> : null}
      <Button block loading={open.busy} onClick={() => void open.run()}>
        开启
      </Button>
    </Card>
  );
}

/** 击鼓传花管理: open a round; each round leads to its review and results. */
export default function VideoRoundsAdminPage() {
  const rounds = useLoaded('rounds', videoRounds, { refreshOnShow: true });
  return (
    <Page className="zj-videos-page">
      <RoleGate roles={['secretariat']}>
        <OpenRound onOpened={() => void rounds.refresh()} />
        {rounds.data ? (
          <Card title="各轮">
            <CellGroup>
              {rounds.data.items.map((round) => (
                <Cell
                  key={round.id}
                  title={round.title}
                  note={`${round.startsOn} 至 ${round.endsOn} · 评委 ${round.juryWeight}%`}
                  arrow
                  onClick={() => void Taro.navigateTo({ url: `${VIDEO_REVIEW_PAGE}?id=${round.id}` })}
                />
              ))}
            </CellGroup>
          </Card>
        ) : (
          <StateView kind={rounds.error ? 'error' : 'loading'} description={rounds.error ?? undefined} onRetry={rounds.reload} />
        )}
      </RoleGate>
    </Page>
  );
}
