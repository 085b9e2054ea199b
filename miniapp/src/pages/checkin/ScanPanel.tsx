import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import type { ScanOutcome } from '../../services/checkin';
import { isWeapp } from '../../services/env';
import { ResultView } from './ResultView';

interface ScanPanelProps {
  /** The WeChat scanner: the code's text, or null when closed. */
  onScan: () => Promise<string | null>;
  /** Checks in with a scanned or typed code. */
  onCheckIn: (token: string) => Promise<ScanOutcome>;
  onCheckedIn: () => void;
}

/**
 * WeChat: scan the organiser's rotating QR code. H5 has no scanner, so the member types or pastes
 * the code text shown under the QR code.
 */
export function ScanPanel({ onScan, onCheckIn, onCheckedIn }: ScanPanelProps) {
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const checkIn = useAction(async (token: string) => {
    const result = await onCheckIn(token.trim());
    setOutcome(result);
    if (result.kind === 'success') {
      setCode('');
      onCheckedIn();
    }
  });
  const scan = useAction(async () => {
    const token = await onScan();
    if (token) await checkIn.run(token);
  });

  return (
    <View className="zj-scan">
      {isWeapp() ? (
        <Button block loading={scan.busy || checkIn.busy} onClick={() => void scan.run()}>
          扫码签到
        </Button>
      ) : (
        <View>
          <Field
            label="签到码"
            value={code}
            onChange={setCode}
            placeholder="输入或粘贴组织者屏幕上二维码下方的签到码"
            maxlength={200}
            name="checkin-code"
          />
          <Button block loading={checkIn.busy} disabled={!code.trim()} onClick={() => void checkIn.run(code)}>
            签到
          </Button>
        </View>
      )}
      <Text className="zj-muted zj-scan__hint">签到码每 15 秒更换，请扫描现场屏幕上最新的二维码。</Text>
      {outcome ? <ResultView outcome={outcome} /> : null}
    </View>
  );
}
