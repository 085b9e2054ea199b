import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { scanCode, submitCheckin, type ScanOutcome } from '../../services/checkin';
import { isWeapp } from '../../services/env';
import { ResultView } from './ResultView';

/**
 * WeChat: scan the organiser's rotating QR code. H5 has no scanner, so the member types or pastes
 * the code text shown under the QR code.
 */
export function ScanPanel({ onCheckedIn }: { onCheckedIn: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);

  async function submit(token: string) {
    setBusy(true);
    try {
      const result = await submitCheckin(token.trim());
      setOutcome(result);
      if (result.kind === 'success') {
        setCode('');
        onCheckedIn();
      }
    } finally {
      setBusy(false);
    }
  }

  async function scan() {
    const token = await scanCode();
    if (token) await submit(token);
  }

  return (
    <View className="zj-scan">
      {isWeapp() ? (
        <Button block loading={busy} onClick={() => void scan()}>
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
          <Button block loading={busy} disabled={!code.trim()} onClick={() => void submit(code)}>
            签到
          </Button>
        </View>
      )}
      <Text className="zj-muted zj-scan__hint">签到码每 15 秒更换，请扫描现场屏幕上最新的二维码。</Text>
      {outcome ? <ResultView outcome={outcome} /> : null}
    </View>
  );
}
