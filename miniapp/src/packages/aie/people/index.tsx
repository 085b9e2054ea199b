import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { listProfiles } from '../../../services/aie';
import { ProfileCard } from '../components/ProfileCard';
import '../components/aie.scss';

function People() {
  const list = usePagedList((page, pageSize) => listProfiles(page, pageSize), []);
  return (
    <PagedList
      list={list}
      keyOf={(profile) => profile.memberId}
      renderItem={(profile) => <ProfileCard profile={profile} />}
      emptyTitle="还没有党员亮身份"
      emptyDescription="在“我的亮身份”中写下特长和服务承诺，本单位党员就能看到。"
    />
  );
}

/** 亮身份: the unit's members and those opened to the association, with their promises. */
export default function PeoplePage() {
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['member', 'unit_admin', 'secretariat']}>
        <People />
      </RoleGate>
    </Page>
  );
}
