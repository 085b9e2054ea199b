import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useHasRole, useSession } from '../../../hooks/useSession';
import { AIE_WISH_PAGE } from '../../../routes';
import { publishWish } from '../../../services/aie';
import { UserError } from '../../../services/errors';
import { listMembers } from '../../../services/organisation';
import '../../aie/components/aie.scss';

function PublishForm() {
  const session = useSession();
  const secretariat = useHasRole(['secretariat']);
  const unitId = session?.user.unit?.id ?? null;
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ id: number; name: string }[]>([]);
  const [wisherId, setWisherId] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [value, setValue] = useState('');
  const [deadline, setDeadline] = useState('');
  const find = useAction(async () => {
    if (unitId === null) throw new UserError('请先关联单位');
    const page = await listMembers(unitId, 1, 20, search);
    setFound(page.items.map((m) => ({ id: m.id, name: m.name })));
  });
  const publish = useAction(
    async () => {
      if (wisherId === null) throw new UserError('请先选择心愿人');
      const wish = await publishWish({
        wisherId,
        scope: secretariat && unitId === null ? 'association' : 'unit',
        title,
        reason,
        estimatedValue: Number(value),
        deadline,
      });
      void Taro.redirectTo({ url: `${AIE_WISH_PAGE}?id=${wish.id}` });
    },
    { success: '心愿已发布', inline: true },
  );
  return (
    <Card title="代困难党员发布微心愿">
      <Field label="查找心愿人" value={search} onChange={setSearch} placeholder="姓名" onConfirm={() => void find.run()} />
      <View className="zj-aie__find">
        <Button size="small" variant="secondary" loading={find.busy} onClick={() => void find.run()}>
          查找
        </Button>
      </View>
      {found.length ? (
        <Chips label="心愿人" options={found.map((m) => ({ value: m.id, label: m.name }))} value={wisherId} onChange={setWisherId} />
      ) : null}
      <Field label="心愿" value={title} onChange={setTitle} placeholder="如：一台助听器" maxlength={60} />
      <TextArea label="缘由" value={reason} onChange={setReason} maxlength={1000} placeholder="为什么需要，现在的困难" />
      <Field label="估值（元）" type="number" value={value} onChange={setValue} placeholder="300" />
      <DatePicker label="截止日期" value={deadline} onChange={setDeadline} />
      <Text className="zj-aie__note">心愿对本单位以外的党员显示为“姓氏 + 某”。</Text>
      {publish.error ? <Text className="zj-aie__warn">{publish.error}</Text> : null}
      <View className="zj-aie__actions">
        <Button block loading={publish.busy} onClick={() => void publish.run()}>
          发布
        </Button>
      </View>
    </Card>
  );
}

/** 发布微心愿: the unit admin for a member of the unit (unit-only); the secretariat association-wide. */
export default function PublishPage() {
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        <PublishForm />
      </RoleGate>
    </Page>
  );
}
