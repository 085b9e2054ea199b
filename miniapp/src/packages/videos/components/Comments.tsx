import { Text, View } from '@tarojs/components';
import { VIDEO_COMMENT_MAX, type VideoComment } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';
import './videos.scss';

type Comment = z.infer<typeof VideoComment>;

export interface CommentsProps {
  comments: Comment[];
  canComment: boolean;
  onComment: (body: string) => Promise<Comment>;
  onHide: (comment: Comment, reason: string) => Promise<unknown>;
  onChanged: () => void;
}

/** 讨论: the comments others may read, one's own held or hidden ones marked, the secretariat's 隐藏. */
export function Comments({ comments, canComment, onComment, onHide, onChanged }: CommentsProps) {
  const [body, setBody] = useState('');
  const [reason, setReason] = useState('');
  const send = useAction(
    async () => {
      const comment = await onComment(body);
      setBody('');
      onChanged();
      return comment;
    },
    { success: (comment) => (comment.status === 'held' ? '已提交，内容审核后显示' : '已发表'), inline: true },
  );
  const hide = useAction(
    async (comment: Comment) => {
      await onHide(comment, reason);
      setReason('');
      onChanged();
    },
    { success: '已隐藏', inline: true },
  );
  return (
    <Card title={`讨论（${comments.filter((c) => c.status === 'shown').length}）`}>
      {comments.some((c) => c.canHide) ? (
        <Field
          label="隐藏理由"
          value={reason}
          onChange={setReason}
          maxlength={200}
          placeholder="隐藏评论时必填，评论人可见"
          error={hide.problems.reason ?? hide.error ?? undefined}
        />
      ) : null}
      {comments.map((comment) => (
        <View key={comment.id} className="zj-video-comment">
          <Text className="zj-video-comment__who">
            {comment.mine ? '我' : comment.author.name}
            {comment.author.unitName ? `（${comment.author.unitName}）` : ''} · {formatDateTime(comment.createdAt)}
          </Text>
          <Text className="zj-video-comment__body">{comment.body}</Text>
          {comment.status === 'held' ? <Text className="zj-video-comment__held">内容审核中，仅自己和秘书处可见</Text> : null}
          {comment.status === 'hidden' ? <Text className="zj-video-comment__held">已被秘书处隐藏：{comment.hiddenReason}</Text> : null}
          {comment.canHide ? (
            <Button variant="plain" size="small" loading={hide.running?.[0] === comment} onClick={() => void hide.run(comment)}>
              隐藏
            </Button>
          ) : null}
        </View>
      ))}
      {canComment ? (
        <>
          <TextArea
            label="说说你的看法"
            value={body}
            onChange={setBody}
            maxlength={VIDEO_COMMENT_MAX}
            rows="short"
            error={send.problems.body ?? send.error ?? undefined}
          />
          <Button block loading={send.busy} disabled={!body.trim()} onClick={() => void send.run()}>
            发表评论
          </Button>
        </>
      ) : null}
    </Card>
  );
}
