import { Text } from '@tarojs/components';
import type { BonusStatus, DeductionPhase } from '@zhijian/shared';
import '../../../components/submissions/submissions.scss';

const BONUS_TONE: Record<BonusStatus, string> = { pending: 'progress', approved: 'good', refused: 'bad' };
const DEDUCTION_TONE: Record<DeductionPhase, string> = {
  appeal_window: 'warn',
  appealed: 'progress',
  effective: 'bad',
  withdrawn: 'neutral',
};

/** A claim's status or a deduction's phase, in the server's words, coloured like the other status tags. */
export function PhaseTag(props: { bonus: BonusStatus; label: string } | { deduction: DeductionPhase; label: string }) {
  const tone = 'bonus' in props ? BONUS_TONE[props.bonus] : DEDUCTION_TONE[props.deduction];
  return <Text className={`zj-status zj-status--${tone}`}>{props.label}</Text>;
}
