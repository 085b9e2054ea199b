import { Text } from '@tarojs/components';
import { ENTRY_STATUS_LABELS, type EntryStatus } from '@zhijian/shared';
import './submissions.scss';

const TONE: Record<EntryStatus, 'neutral' | 'progress' | 'good' | 'warn' | 'bad'> = {
  draft: 'neutral',
  submitted: 'progress',
  registered: 'progress',
  passed: 'good',
  returned: 'warn',
  rejected: 'bad',
  in_review: 'progress',
  rated: 'good',
  withdrawn: 'neutral',
  adopted: 'good',
};

export function StatusTag({ status }: { status: EntryStatus }) {
  return <Text className={`zj-status zj-status--${TONE[status]}`}>{ENTRY_STATUS_LABELS[status]}</Text>;
}
