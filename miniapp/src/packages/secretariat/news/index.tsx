import { Text, View } from '@tarojs/components';
import { shanghaiYear } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { exportNewsCounts, newsCounts } from '../../../services/desk';
import './index.scss';

/** 信息报送 per unit and per information officer by year: the basis of 优秀信息员. */
export default function NewsDeskPage() {
  const thisYear = shanghaiYear(new Date());
  const [year, setYear] = useState(thisYear);
  const { data: counts, error, reload } = useLoaded(year, newsCounts);
  const download = useAction(exportNewsCounts);

  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Chips
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
          value={year}
          onChange={setYear}
        />
        <View className="zj-news__export">
          <Button size="small" variant="plain" loading={download.busy} onClick={() => void download.run(year)}>
            导出 xlsx
          </Button>
        </View>
        {error ? (
          <StateView kind="error" description={error} onRetry={reload} />
        ) : !counts ? (
          <StateView kind="loading" />
        ) : (
          <>
            <Text className="zj-section-title">按单位</Text>
            {counts.units.length ? (
              <CellGroup>
                {counts.units.map((u) => (
                  <Cell key={u.unitId} title={u.unitName} note={u.groupName} value={`报送 ${u.reported} · 采用 ${u.adopted}`} />
                ))}
              </CellGroup>
            ) : (
              <Card>
                <Text className="zj-muted">这一年还没有报送的信息。</Text>
              </Card>
            )}
            <Text className="zj-section-title">按信息员</Text>
            <CellGroup>
              {counts.officers.map((o) => (
                <Cell key={o.memberId} title={o.name} note={o.unitName} value={`报送 ${o.reported} · 采用 ${o.adopted}`} />
              ))}
            </CellGroup>
          </>
        )}
      </RoleGate>
    </Page>
  );
}
