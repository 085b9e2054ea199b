import { FeatureNotice } from '../../../components/FeatureNotice';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';

export default function ReviewQueuePage() {
  return (
    <Page>
      <RoleGate roles={['reviewer']}>
        <FeatureNotice
          title='评审任务随评审功能上线'
          description='秘书处完成整理、登记和初审筛选后，分配给您的案例和课题报告会出现在这里。'
          upcoming={['待评审的案例与调研报告列表', '按创新性、实效性、长效性、推广性评分', '撰写并提交评审意见']}
        />
      </RoleGate>
    </Page>
  );
}
