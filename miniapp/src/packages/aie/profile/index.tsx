import { Text, View } from '@tarojs/components';
import { MAX_COMMITMENT_PHOTOS, MAX_COMMITMENTS_PER_YEAR, type Commitment, type Profile } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { loadMyProfile, makeCommitment, reportCommitment, saveProfile, uploadCommitmentPhoto } from '../../../services/aie';
import { pickImages } from '../../../services/files';
import '../components/aie.scss';

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: () => void }) {
  const [skills, setSkills] = useState(profile.skills.join('、'));
  const [promises, setPromises] = useState(profile.promises);
  const [open, setOpen] = useState(profile.public);
  const save = useAction(
    async () => {
      const list = skills.split(/[、,，\s]+/).filter(Boolean);
      await saveProfile({ skills: list, promises, public: open });
      onSaved();
    },
    { success: '已保存', inline: true },
  );
  return (
    <Card title="我的亮身份">
      {profile.heldReason ? <Text className="zj-aie__warn">{profile.heldReason}，审核通过后他人可见</Text> : null}
      <Field label="特长（用顿号分隔）" value={skills} onChange={setSkills} placeholder="如：电工、法律咨询" maxlength={100} />
      <TextArea label="服务承诺" value={promises} onChange={setPromises} maxlength={300} placeholder="如：每月为社区老人义务检修电器一次" />
      <Chips
        label="公开范围"
        options={[
          { value: 'unit', label: '本单位' },
          { value: 'all', label: '全协会' },
        ]}
        value={open ? 'all' : 'unit'}
        onChange={(value) => setOpen(value === 'all')}
      />
      <Text className="zj-aie__note">手机号不会展示，联系通过小程序进行。</Text>
      {save.error ? <Text className="zj-aie__warn">{save.error}</Text> : null}
      <Button block loading={save.busy} onClick={() => void save.run()}>
        保存
      </Button>
    </Card>
  );
}

function CommitmentItem({ commitment, onChanged }: { commitment: Commitment; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const report = useAction(
    async () => {
      await reportCommitment(commitment.id, note);
      onChanged();
    },
    { success: '已提交，等待确认', inline: true },
  );
  const photos = useAction(
    async () => {
      for (const photo of await pickImages(MAX_COMMITMENT_PHOTOS - commitment.photos.length))
        await uploadCommitmentPhoto(commitment.id, photo);
      onChanged();
    },
    { success: '照片已上传' },
  );
  const open = commitment.status === 'in_progress' || commitment.status === 'reported';
  return (
    <View className="zj-aie__form">
      <Text className="zj-aie__line">
        【{commitment.statusLabel}】{commitment.title}（{commitment.dueOn} 前）
      </Text>
      <Text className="zj-aie__note">{commitment.content}</Text>
      {commitment.reportNote ? <Text className="zj-aie__note">践诺情况：{commitment.reportNote}</Text> : null}
      {commitment.decisionNote ? <Text className="zj-aie__note">确认说明：{commitment.decisionNote}</Text> : null}
      {commitment.heldReason ? <Text className="zj-aie__warn">{commitment.heldReason}</Text> : null}
      {open ? (
        <>
          <Text className="zj-aie__note">已附照片 {commitment.photos.length} 张</Text>
          <TextArea label="践诺情况" value={note} onChange={setNote} maxlength={1000} placeholder="写明做了什么、效果如何" />
          {report.error ? <Text className="zj-aie__warn">{report.error}</Text> : null}
          <View className="zj-aie__actions">
            <Button variant="secondary" loading={photos.busy} onClick={() => void photos.run()}>
              上传照片
            </Button>
            <Button loading={report.busy} onClick={() => void report.run()}>
              报告践诺
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}

function NewCommitment({ onMade }: { onMade: () => void }) {
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [dueOn, setDueOn] = useState('');
  const make = useAction(
    async () => {
      await makeCommitment({ title, content, dueOn });
      onMade();
    },
    { success: '承诺已作出', inline: true },
  );
  return (
    <View className="zj-aie__form">
      <Field label="承诺" value={title} onChange={setTitle} placeholder="如：带好一名新员工" maxlength={40} />
      <TextArea label="具体内容" value={content} onChange={setContent} maxlength={500} placeholder="写明做什么、做到什么程度" />
      <DatePicker label="完成期限" value={dueOn} onChange={setDueOn} />
      {make.error ? <Text className="zj-aie__warn">{make.error}</Text> : null}
      <Button block loading={make.busy} onClick={() => void make.run()}>
        作出承诺
      </Button>
    </View>
  );
}

function MyProfile() {
  const loaded = useLoaded('profile', loadMyProfile);
  if (!loaded.data)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
  const { profile, commitments } = loaded.data;
  const thisYear = commitments.filter((c) => c.year === commitments[0]?.year);
  return (
    <View>
      <ProfileForm profile={profile} onSaved={loaded.reload} />
      <Card title={`我的承诺（每年最多 ${MAX_COMMITMENTS_PER_YEAR} 项）`}>
        {commitments.length === 0 ? <Text className="zj-aie__note">还没有作出承诺。</Text> : null}
        {commitments.map((c) => (
          <CommitmentItem key={c.id} commitment={c} onChanged={loaded.reload} />
        ))}
        {thisYear.length < MAX_COMMITMENTS_PER_YEAR ? <NewCommitment onMade={loaded.reload} /> : null}
      </Card>
    </View>
  );
}

/** 我的亮身份: skills, service promises, who may see them; this year's commitments, reported with a note and photos. */
export default function ProfilePage() {
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['member']}>
        <MyProfile />
      </RoleGate>
    </Page>
  );
}
