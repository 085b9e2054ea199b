import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useSession } from '../../../hooks/useSession';
import {
  RECORD_APPRAISALS_PAGE,
  RECORD_BENEFITS_PAGE,
  RECORD_BONUSES_PAGE,
  RECORD_DEDUCTIONS_PAGE,
  RECORD_DUES_PAGE,
  RECORD_INDEX_PAGE,
  RECORD_SANCTIONS_PAGE,
} from '../../../routes';
import { UnitHonoursCard } from '../components/UnitHonours';
import '../components/record.scss';

const TOOLS = [
  { title: '加分审核', note: '党员申报的正向加分：认定分值或说明理由', url: RECORD_BONUSES_PAGE },
  { title: '反向扣分', note: '记录扣分（1–5 分），处理党员的申诉', url: RECORD_DEDUCTIONS_PAGE },
  { title: '纪律处分', note: '受处分党员当年先锋指数清零', url: RECORD_SANCTIONS_PAGE },
  { title: '党费交纳', note: '按月登记、导入 Excel，连续欠交 3 个月标出', url: RECORD_DUES_PAGE },
  { title: '民主评议', note: '年度评议等次，先锋指数等次作参考', url: RECORD_APPRAISALS_PAGE },
  { title: '先锋指数', note: '本单位名单（截至上月底）、构成、导出与打印', url: RECORD_INDEX_PAGE },
  { title: '党员权益', note: '积分或指数达到门槛即可享有', url: RECORD_BENEFITS_PAGE },
];

/** 党员档案与先锋指数: the unit admin's records, one page each, and the unit's record of honours. */
export default function RecordDeskPage() {
  const unitId = useSession()?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        <View className="zj-ra">
          <Text className="zj-ra__note">党员卡中的各项记录由本单位党务工作者维护，先锋指数据此每月计算。</Text>
          <CellGroup>
            {TOOLS.map((tool) => (
              <Cell key={tool.url} title={tool.title} note={tool.note} arrow onClick={() => void Taro.navigateTo({ url: tool.url })} />
            ))}
          </CellGroup>
          {unitId ? <UnitHonoursCard unitId={unitId} /> : null}
        </View>
      </RoleGate>
    </Page>
  );
}
