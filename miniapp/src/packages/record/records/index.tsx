import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { MAX_BONUS_PHOTOS, type BonusClaim, type Deduction } from '@zhijian/shared';
import { useRef, useState } from 'react';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { AuthedImage } from '../../../components/submissions/AuthedImage';
import { useAction } from '../../../hooks/useAction';
import { usePagedList } from '../../../hooks/usePagedList';
import { RECORD_APPEAL_PAGE, RECORD_DECLARE_PAGE } from '../../../routes';
import { messageOf, UserError } from '../../../services/errors';
import { pickImages } from '../../../services/files';
import { bonusPhotoUrl, myBonuses, myDeductions, uploadBonusPhoto } from '../../../services/record';
import { formatChineseDate, formatDateTime } from '../../../utils/format';
import { PhaseTag } from '../components/PhaseTag';
import { RecordTimeline } from '../components/RecordTimeline';
import '../components/record.scss';
import './index.scss';

/** A pending claim of mine takes photos until it has nine; each goes up on its own. */
function AddPhotos({ claim, onAdded }: { claim: BonusClaim; onAdded: () => void }) {
  const room = MAX_BONUS_PHOTOS - claim.photos.length;
  const add = useAction(async () => {
    const picked = (await pickImages(room)).slice(0, room);
    if (picked.length === 0) return;
    const failures: string[] = [];
    for (const photo of picked) {
      try {
        await uploadBonusPhoto(claim.id, photo);
      } catch (error) {
        failures.push(messageOf(error));
      }
    }
    onAdded();
    if (failures.length) throw new UserError(`${failures.length} 张照片未能上传：${failures[0]}`);
  });
  if (claim.status !== 'pending' || room <= 0) return null;
  return (
    <View className="zj-record-item__action">
      <Button size="small" variant="secondary" loading={add.busy} onClick={() => void add.run()}>
        添加照片（还可 {room} 张）
      </Button>
    </View>
  );
}

function BonusItem({ claim, onChanged }: { claim: BonusClaim; onChanged: () => void }) {
  return (
    <View className="zj-record-item">
      <View className="zj-record-item__head">
        <Text className="zj-record-item__title">{claim.kindName}</Text>
        <PhaseTag bonus={claim.status} label={claim.statusLabel} />
      </View>
      <Text className="zj-record-item__meta">
        事迹日期 {formatChineseDate(claim.occurredOn)}
        {claim.points !== null ? ` · 认定 ${claim.points} 分` : ''}
      </Text>
      <Text className="zj-record-item__text">{claim.description}</Text>
      {claim.photos.length ? (
        <View className="zj-record-item__photos">
          {claim.photos.map((photo) => (
            // Sized by its box: AuthedImage fills what holds it.
            <View key={photo.id} className="zj-record-item__photo">
              <AuthedImage src={bonusPhotoUrl(photo.id)} />
            </View>
          ))}
        </View>
      ) : null}
      <AddPhotos claim={claim} onAdded={onChanged} />
      <RecordTimeline events={claim.timeline} />
    </View>
  );
}

function DeductionItem({ deduction }: { deduction: Deduction }) {
  return (
    <View className="zj-record-item">
      <View className="zj-record-item__head">
        <Text className="zj-record-item__title">
          {deduction.kindName} <Text className="zj-record-item__minus">−{deduction.points} 分</Text>
        </Text>
        <PhaseTag deduction={deduction.phase} label={deduction.phaseLabel} />
      </View>
      <Text className="zj-record-item__meta">发生日期 {formatChineseDate(deduction.occurredOn)}</Text>
      <Text className="zj-record-item__text">{deduction.reason}</Text>
      {deduction.phase === 'appeal_window' ? (
        <Text className="zj-record-item__deadline">申诉截止：{formatDateTime(deduction.appealDeadline)}，逾期未申诉即生效</Text>
      ) : null}
      {deduction.appeal ? <Text className="zj-record-item__meta">我的申诉：{deduction.appeal.text}</Text> : null}
      {deduction.appealable ? (
        <View className="zj-record-item__action">
          <Button size="small" onClick={() => void Taro.navigateTo({ url: `${RECORD_APPEAL_PAGE}?id=${deduction.id}` })}>
            申诉
          </Button>
        </View>
      ) : null}
      <RecordTimeline events={deduction.timeline} />
    </View>
  );
}

/** Back from 申诉 or 申报 (which change what is listed): the list is read again. */
function useRefreshOnReturn(refresh: () => Promise<void>) {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void refresh();
    shownBefore.current = true;
  });
}

function Bonuses() {
  const list = usePagedList(myBonuses, []);
  useRefreshOnReturn(list.refresh);
  return (
    <View>
      <View className="zj-records__action">
        <Button block onClick={() => void Taro.navigateTo({ url: RECORD_DECLARE_PAGE })}>
          申报加分
        </Button>
      </View>
      <PagedList
        list={list}
        keyOf={(claim) => claim.id}
        emptyTitle="还没有加分申报"
        emptyDescription="志愿服务、获得表彰、岗位创新等先锋事迹，可申报正向加分。"
        renderItem={(claim) => <BonusItem claim={claim} onChanged={() => void list.refresh()} />}
      />
    </View>
  );
}

function Deductions() {
  const list = usePagedList(myDeductions, []);
  useRefreshOnReturn(list.refresh);
  return (
    <PagedList
      list={list}
      keyOf={(deduction) => deduction.id}
      emptyTitle="没有扣分记录"
      renderItem={(deduction) => <DeductionItem deduction={deduction} />}
    />
  );
}

const TABS = [
  { value: 'bonuses', label: '正向加分' },
  { value: 'deductions', label: '反向扣分' },
] as const;

/** 我的记录: my bonus claims and deductions, each with where it stands and its timeline. */
export default function RecordsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<(typeof TABS)[number]['value']>(params.tab === 'deductions' ? 'deductions' : 'bonuses');
  return (
    <Page className="zj-records zj-record-page">
      <RoleGate roles={['member']}>
        <Chips options={TABS} value={tab} onChange={setTab} />
        {tab === 'bonuses' ? <Bonuses /> : <Deductions />}
      </RoleGate>
    </Page>
  );
}
