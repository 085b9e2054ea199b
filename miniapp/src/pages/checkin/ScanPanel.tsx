import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
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
  /** Activities I was already checked in to when the tab loaded. */
  checkedIn?: readonly number[];
}

/**
 * WeChat: scan the organiser's rotating QR code. H5 has no scanner, so the member types or pastes
 * the code text shown under the QR code.
 */
export function ScanPanel({ onScan, onCheckIn, onCheckedIn, checkedIn = [] }: ScanPanelProps) {
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<{ outcome: ScanOutcome; already: boolean } | null>(null);
  /** Activities this panel has shown a check-in for: a code sent again is "already in", not a new success. */
  const shown = useRef(new Set<number>());
  const checkIn = useAction(async (token: string) => {
    const result = await onCheckIn(token.trim());
    // The server answers a repeat with the record already there (the same answer, so a retry after a
    // lost reply is safe); the member who saw their success, or whose list shows it, is told they are in.
    const activityId = result.kind === 'success' ? result.result.activity.id : null;
    const already = activityId !== null && (shown.current.has(activityId) || checkedIn.includes(activityId));
    if (activityId !== null) shown.current.add(activityId);
    setOutcome({ outcome: result, already });
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
            placeholder="输入或粘贴签到码"
            hint="签到码在组织者屏幕的二维码下方，每 15 秒更换"
            maxlength={200}
            name="checkin-code"
          />
          <Button block loading={checkIn.busy} disabled={!code.trim()} onClick={() => void checkIn.run(code)}>
            签到
          </Button>
        </View>
      )}
      {isWeapp() ? <Text className="zj-muted zj-scan__hint">签到码每 15 秒更换，请扫描现场屏幕上最新的二维码。</Text> : null}
      {outcome ? <ResultView outcome={outcome.outcome} already={outcome.already} /> : null}
    </View>
  );
}
