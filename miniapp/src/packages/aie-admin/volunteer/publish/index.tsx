import Taro from '@tarojs/taro';
import type { VolunteerScope } from '@zhijian/shared';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { useAction } from '../../../../hooks/useAction';
import { useSession } from '../../../../hooks/useSession';
import { VOLUNTEER_DETAIL_PAGE } from '../../../../routes';
import { checked } from '../../../../services/errors';
import { publishVolunteerActivity } from '../../../../services/volunteer';
import { PUBLISH_CHECK, PublishForm, toInput, type PublishFormValue } from '../../../aie/volunteer/components/PublishForm';
import '../../../aie/volunteer/components/volunteer.scss';

/** 发布志愿活动: a unit admin for the unit, the secretariat for the association. */
export default function PublishPage() {
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const scopes: VolunteerScope[] = [
    ...(roles.includes('unit_admin') ? (['unit'] as const) : []),
    ...(roles.includes('secretariat') ? (['association'] as const) : []),
  ];
  const publish = useAction(
    async (value: PublishFormValue) => {
      const created = await publishVolunteerActivity(checked(PUBLISH_CHECK, toInput(value)));
      void Taro.redirectTo({ url: `${VOLUNTEER_DETAIL_PAGE}?id=${created.id}` });
      return created;
    },
    { inline: true, validate: (value) => void checked(PUBLISH_CHECK, toInput(value)), success: '已发布' },
  );
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        <PublishForm scopes={scopes} action={publish} />
      </RoleGate>
    </Page>
  );
}
