import { Page } from '../../components/Page';
import { FeatureNotice } from '../../components/FeatureNotice';
import { useRequireSession } from '../../hooks/useSession';

export default function BulletinTab() {
  useRequireSession();
  return (
    <Page>
      <FeatureNotice
        title='简报尚未上线'
        description='协会内部刊物《简报》的阅读功能正在建设中，上线后会在这里按期显示。'
        upcoming={['最新一期简报与往期目录（【本期导读】）', '逐篇阅读文章，字号可在“我的”中调整', '协会动态与各单位经验交流']}
      />
    </Page>
  );
}
