import { Page } from '../../components/Page';
import { FeatureNotice } from '../../components/FeatureNotice';
import { useRequireSession } from '../../hooks/useSession';

export default function CheckinTab() {
  useRequireSession();
  return (
    <Page>
      <FeatureNotice
        title='签到尚未上线'
        description='党员固定活动日签到功能正在建设中。各单位每月 5 日、15 日或 25 日开展活动，流动党员每周三活动。'
        upcoming={['本单位下一次固定活动日的时间、地点和议程', '活动现场一键签到', '个人出勤记录与先锋指数']}
      />
    </Page>
  );
}
