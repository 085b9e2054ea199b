import Taro, { useRouter } from '@tarojs/taro';
import type { VolunteerActivity } from '@zhijian/shared';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { useAction } from '../../../../hooks/useAction';
import { useLoaded } from '../../../../hooks/useLoaded';
import { VOLUNTEER_DETAIL_PAGE } from '../../../../routes';
import { checked } from '../../../../services/errors';
import { getVolunteerActivity, updateVolunteerActivity } from '../../../../services/volunteer';
import { formValueOf, PUBLISH_CHECK, PublishForm, toInput, type PublishFormValue } from '../../../aie/volunteer/components/PublishForm';
import '../../../aie/volunteer/components/volunteer.scss';

/** Back to the activity it was opened from; to a fresh copy of it when opened directly (an H5 link). */
function backTo(id: number) {
  void Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: `${VOLUNTEER_DETAIL_PAGE}?id=${id}` }));
}

function EditForm({ activity }: { activity: VolunteerActivity }) {
  const save = useAction(
    async (value: PublishFormValue) => {
      // The scope stays; the rest is sent as the form holds it, and the server tells what changed.
      const { scope: _scope, ...changes } = checked(PUBLISH_CHECK, toInput(value));
      const saved = await updateVolunteerActivity(activity.id, changes);
      backTo(activity.id);
      return saved;
    },
    { inline: true, validate: (value) => void checked(PUBLISH_CHECK, toInput(value)), success: '已保存' },
  );
  return <PublishForm scopes={[activity.scope]} initial={formValueOf(activity)} action={save} submitLabel="保存修改" />;
}

/** 编辑志愿活动: its organiser corrects it until it starts, in the publishing form. */
export default function EditPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const loaded = useLoaded(Number.isInteger(id) && id > 0 ? id : null, getVolunteerActivity);
  const activity = loaded.data;
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {activity ? (
          activity.canManage && !activity.cancelledAt ? (
            <EditForm key={activity.id} activity={activity} />
          ) : (
            <StateView kind="empty" title={activity.cancelledAt ? '活动已取消，不能再修改' : '只有活动的组织者可以修改'} />
          )
        ) : loaded.error ? (
          <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
        ) : (
          <StateView kind="loading" />
        )}
      </RoleGate>
    </Page>
  );
}
