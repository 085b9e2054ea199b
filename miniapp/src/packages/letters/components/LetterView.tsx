import { Text, View } from '@tarojs/components';
import type { Letter } from '@zhijian/shared';
import type { ReactNode } from 'react';
import { AuthedImage } from '../../../components/submissions/AuthedImage';
import { letterPhotoUrl } from '../../../services/letters';
import { formatChineseDate, formatDateTime } from '../../../utils/format';
import './letters.scss';

/** Who wrote it, as this viewer may know: the writer sees their own name; a reader of an anonymous letter sees 匿名. */
export function writerLine(letter: Letter): string {
  if (letter.mine) return letter.anonymous ? '我（对书记匿名）' : '我';
  if (!letter.writer) return '匿名来信';
  return letter.writer.unitName && letter.recipient === 'secretariat'
    ? `${letter.writer.name}（${letter.writer.unitName}）`
    : letter.writer.name;
}

/** What the deadline line says: the day the reader must act by, and whether it has passed. */
export function deadlineLine(letter: Letter): string | null {
  if (!letter.dueOn) return null;
  const what = letter.status === 'pending' ? '受理期限' : '答复期限';
  return `${what}：${formatChineseDate(letter.dueOn)}${letter.overdue ? '（已逾期）' : ''}`;
}

export function StatusTag({ letter }: { letter: Letter }) {
  return (
    <Text className={`zj-letter-tag zj-letter-tag--${letter.overdue ? 'overdue' : letter.status}`}>
      {letter.overdue ? `${letter.statusLabel} · 逾期` : letter.statusLabel}
    </Text>
  );
}

/** One letter in a list: kind, state, the start of the text, who and the deadline. */
export function LetterCard({ letter, onOpen }: { letter: Letter; onOpen: () => void }) {
  const deadline = deadlineLine(letter);
  return (
    <View className="zj-letter-card" ariaRole="link" ariaLabel={`${letter.kindLabel}：${letter.body.slice(0, 20)}`} onClick={onOpen}>
      <View className="zj-letter-card__head">
        <Text className="zj-letter-card__kind">
          {letter.kindLabel} · 写给{letter.recipientLabel}
        </Text>
        <StatusTag letter={letter} />
      </View>
      <Text className="zj-letter-card__body">{letter.body}</Text>
      <Text className="zj-letter-card__meta">
        {writerLine(letter)} · {formatChineseDate(letter.writtenOn)}
      </Text>
      {deadline ? <Text className={`zj-letter-card__due${letter.overdue ? ' zj-letter-card__due--late' : ''}`}>{deadline}</Text> : null}
    </View>
  );
}

/** The whole letter: state and deadlines, text, extension, replies; `children` are the viewer's actions. */
export function LetterView({ letter, children }: { letter: Letter; children?: ReactNode }) {
  const deadline = deadlineLine(letter);
  return (
    <View className="zj-letter">
      <View className="zj-letter__section">
        <View className="zj-letter-card__head">
          <Text className="zj-letter__kind">
            {letter.kindLabel} · 写给{letter.recipientLabel}
          </Text>
          <StatusTag letter={letter} />
        </View>
        <Text className="zj-letter__meta">
          来信人：{writerLine(letter)} · {formatDateTime(letter.createdAt)}
        </Text>
        {deadline ? <Text className={`zj-letter__due${letter.overdue ? ' zj-letter__due--late' : ''}`}>{deadline}</Text> : null}
        <Text className="zj-letter__body">{letter.body}</Text>
        {letter.photos.length > 0 ? (
          <View className="zj-letter__photos" ariaLabel={`附照片 ${letter.photos.length} 张`}>
            {letter.photos.map((photo) => (
              <View key={photo.id} className="zj-letter__photo">
                <AuthedImage src={letterPhotoUrl(photo.id)} />
              </View>
            ))}
          </View>
        ) : null}
        {letter.extension ? (
          <Text className="zj-letter__extension">
            已延期 {letter.extension.days} 个工作日：{letter.extension.reason}
          </Text>
        ) : null}
        {letter.status === 'held' ? <Text className="zj-letter__meta">内容正在审核，通过后送达。</Text> : null}
        {letter.status === 'rejected' ? <Text className="zj-letter__meta">内容未通过审核，未送达。</Text> : null}
      </View>
      {letter.replies.map((reply, index) => (
        <View key={reply.id} className="zj-letter__section zj-letter__reply">
          <Text className="zj-letter__reply-title">
            {index === 0 ? '回复' : '再次回复'} · {formatDateTime(reply.createdAt)}
            {reply.held ? '（内容审核中）' : ''}
          </Text>
          <Text className="zj-letter__body">{reply.body}</Text>
        </View>
      ))}
      {letter.ratingLabel ? (
        <Text className="zj-letter__meta">
          {letter.reopened && letter.status !== 'rated' ? '首次答复评价' : '评价'}：{letter.ratingLabel}
          {letter.status === 'reopened' ? '，已退回复审' : ''}
        </Text>
      ) : null}
      {children}
    </View>
  );
}
