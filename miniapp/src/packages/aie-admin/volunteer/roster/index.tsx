import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AttendanceResult } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Card } from '../../../../components/Card';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { useAction } from '../../../../hooks/useAction';
import { useLoaded } from '../../../../hooks/useLoaded';
import { VOLUNTEER_CODE_PAGE } from '../../../../routes';
import { scanCode } from '../../../../services/checkin';
import { isWeapp } from '../../../../services/env';
import { attendByCard, volunteerRoster } from '../../../../services/volunteer';
import { CodeEntry } from '../../../aie/volunteer/components/CodeEntry';
import { RosterList } from '../../../aie/volunteer/components/RosterList';
import '../../../aie/volunteer/components/volunteer.scss';

function Roster({ id }: { id: number }) {
  const roster = useLoaded(id, volunteerRoster, { refreshOnShow: true });
  const [result, setResult] = useState<AttendanceResult | null>(null);
  const attend = useAction(
    async (code: string) => {
      const answer = await attendByCard(id, code);
      setResult(answer);
      await roster.refresh();
    },
    { inline: true },
  );
  return (
    <View>
      <Card title="扫党员卡签到">
        <Text className="zj-vol__line">请党员打开“党员卡”出示身份码（1 分钟内有效）。</Text>
        <CodeEntry
          label="身份码"
          placeholder="扫码或粘贴党员卡上的身份码"
          submitLabel="确认签到"
          onScan={isWeapp() ? scanCode : null}
          onSubmit={(code) => attend.run(code)}
          busy={attend.busy}
        />
        {attend.error ? <Text className="zj-vol__error">{attend.error}</Text> : null}
        {result ? <Text className="zj-vol__result">{result.message}</Text> : null}
      </Card>
      <View className="zj-vol__actions">
        <Button block variant="secondary" onClick={() => void Taro.navigateTo({ url: `${VOLUNTEER_CODE_PAGE}?id=${id}` })}>
          显示活动签到码（党员扫码）
        </Button>
      </View>
      <Card title="报名名单">
        {roster.data ? (
          <RosterList items={roster.data.items} />
        ) : roster.error ? (
          <StateView kind="error" description={roster.error} onRetry={roster.reload} />
        ) : (
          <StateView kind="loading" />
        )}
      </Card>
    </View>
  );
}

/** The organiser's roster: who has a place, the queue, who attended; scanning a member's card. */
export default function RosterPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {Number.isInteger(id) && id > 0 ? <Roster id={id} /> : <StateView kind="empty" title="未指定活动" />}
      </RoleGate>
    </Page>
  );
}
