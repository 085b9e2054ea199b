import { Text, View } from '@tarojs/components';
import type { Entry, EntryFile } from '@zhijian/shared';
import { Card } from '../Card';
import { AuthedImage } from './AuthedImage';
import './EntryContent.scss';

/** Title, text, photos and attachments of an entry, as the unit, the desk or a reviewer reads it. */
export function EntryContent(
  props: Pick<Entry, 'title' | 'category' | 'summary' | 'body' | 'images' | 'attachments'> & {
    /** Where an uploaded file is read (members only). */
    fileUrl: (fileId: number) => string;
    onOpenAttachment?: (file: EntryFile) => void;
  },
) {
  return (
    <Card>
      <Text className="zj-entry-content__title">{props.title || '（未填写标题）'}</Text>
      {props.category ? <Text className="zj-entry-content__category">{props.category}</Text> : null}
      {props.summary ? <Text className="zj-entry-content__summary">{props.summary}</Text> : null}
      {props.body
        .split(/\n+/)
        .filter(Boolean)
        .map((paragraph, index) => (
          <Text key={index} className="zj-entry-content__paragraph">
            {paragraph}
          </Text>
        ))}
      {props.images.length ? (
        <View className="zj-entry-content__images">
          {props.images.map((image) => (
            <View key={image.id} className="zj-entry-content__image">
              <AuthedImage src={props.fileUrl(image.id)} />
            </View>
          ))}
        </View>
      ) : null}
      {props.attachments.map((file, index) => (
        <Text key={file.id} className="zj-entry-content__attachment" onClick={() => props.onOpenAttachment?.(file)}>
          附件 {index + 1}：{file.name ?? (file.mimeType === 'application/pdf' ? 'PDF 文件' : 'Word 文档')}
        </Text>
      ))}
    </Card>
  );
}
