import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import type { ScanOutcome } from '../../services/checkin';
import { isWeapp } from '../../services/env';
import { isUnreachable } from '../../services/network';
import { ResultView } from './ResultView';
import { CameraScan } from './camera/CameraScan';

interface ScanPanelProps {
  /** The WeChat scanner: the code's text, or null when closed. */
  onScan: () => Promise<string | null>;
  /** Checks in with a scanned or typed code. */
  onCheckIn: (token: string) => Promise<ScanOutcome>;
  onCheckedIn: () => void;
  /** Shows the member's activities, where a make-up (补签) can be asked for once the window closes. */
  onOfferMakeup?: () => void;
  /** Activities I was already checked in to when the tab loaded. */
  checkedIn?: readonly number[];
}

/**
 * WeChat: scan the organiser's rotating QR code with WeChat's scanner. A phone browser (H5) opens
 * the camera and reads the code itself; typing or pasting the code text shown under the QR code
 * works always, and is what remains when the camera is denied or absent.
 */
export function ScanPanel({ onScan, onCheckIn, onCheckedIn, onOfferMakeup, checkedIn = [] }: ScanPanelProps) {
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<{ outcome: ScanOutcome; already: boolean } | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [camera, setCamera] = useState(false);
  const [cameraProblem, setCameraProblem] = useState<string | null>(null);
  /** Activities this panel has shown a check-in for: a code sent again is "already in", not a new success. */
  const shown = useRef(new Set<number>());
  // Online only: a code lives seconds, so a scan cannot wait in the outbox. Without a network the
  // member is told so and pointed to the make-up request instead.
  const checkIn = useAction(async (token: string) => {
    setUnreachable(false);
    let result: ScanOutcome;
    try {
      result = await onCheckIn(token.trim());
    } catch (error) {
      if (isUnreachable(error)) {
        setUnreachable(true);
        setOutcome(null);
      }
      throw error;
    }
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
          {camera ? (
            <CameraScan
              onCode={(text) => {
                setCamera(false);
                setCode(text);
                void checkIn.run(text);
              }}
              onClose={(problem) => {
                setCamera(false);
                setCameraProblem(problem ?? null);
              }}
            />
          ) : (
            <Button
              block
              loading={checkIn.busy}
              onClick={() => {
                setCameraProblem(null);
                setOutcome(null);
                setCamera(true);
              }}
            >
              扫码签到
            </Button>
          )}
          {cameraProblem ? <Text className="zj-scan__camera-problem">{cameraProblem}</Text> : null}
          <Field
            label="签到码"
            value={code}
            onChange={setCode}
            placeholder="输入或粘贴签到码"
            hint="签到码在组织者屏幕的二维码下方，每 15 秒更换"
            maxlength={200}
            name="checkin-code"
          />
          <Button block variant="secondary" loading={checkIn.busy} disabled={!code.trim()} onClick={() => void checkIn.run(code)}>
            签到
          </Button>
        </View>
      )}
      {isWeapp() ? <Text className="zj-muted zj-scan__hint">签到码每 15 秒更换，请扫描现场屏幕上最新的二维码。</Text> : null}
      {unreachable ? (
        <View className="zj-scan__offline">
          <Text className="zj-scan__offline-title">网络不通，签到没有成功</Text>
          <Text className="zj-scan__offline-text">
            签到码几秒就会更换，不能离线签到。请联网后重新扫码；如果签到时间已过，可在活动结束后申请补签，由组织者确认。
          </Text>
          {onOfferMakeup ? (
            <Button size="small" variant="secondary" onClick={onOfferMakeup}>
              去申请补签
            </Button>
          ) : null}
        </View>
      ) : null}
      {outcome ? <ResultView outcome={outcome.outcome} already={outcome.already} /> : null}
    </View>
  );
}
