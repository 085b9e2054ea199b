import { Page } from '../../components/Page';
import { FeatureNotice } from '../../components/FeatureNotice';
import { useRequireSession } from '../../hooks/useSession';

export default function SubmitTab() {
  useRequireSession();
  return (
    <Page>
      <FeatureNotice
        title='报送尚未上线'
        description='案例征集、课题调研和信息报送的提交功能正在建设中，上线后可在手机上直接报送。'
        upcoming={['参加案例征集（如“小创意发挥大作用”）并提交材料', '片组自选课题、提交调研报告', '信息员报送单位新闻，查看是否被简报采用']}
      />
    </Page>
  );
}
