import { Text, View } from '@tarojs/components';
import { Segmented } from '../components/Segmented';
import { TextArea } from '../../../components/TextArea';
import { BLOCK_KINDS, hasMixedBold, move, newDraftBlock, withBold, withText, type DraftBlock } from './blockDraft';

interface BlockEditorProps {
  blocks: DraftBlock[];
  onChange: (blocks: DraftBlock[]) => void;
}

const PLACEHOLDERS: Record<DraftBlock['kind'], string> = {
  paragraph: '段落正文',
  heading1: '小标题，如：一、主要做法',
  heading2: '小标题，如：（一）建立制度',
  heading3: '小标题，如：1、明确目标',
  listItem: '列表项',
};

/** The article body, one row per block: its type, its text, and 上移 / 下移 / 加粗 / 删除 / 插入. */
export function BlockEditor({ blocks, onChange }: BlockEditorProps) {
  const replace = (index: number, block: DraftBlock) => onChange(blocks.map((b, i) => (i === index ? block : b)));
  const insertAfter = (index: number) => onChange([...blocks.slice(0, index + 1), newDraftBlock(), ...blocks.slice(index + 1)]);
  return (
    <View className="zj-block-editor">
      {blocks.map((block, index) => (
        <View key={block.key} className={`zj-block-editor__row zj-block-editor__row--${block.kind}`}>
          <View className="zj-block-editor__row-head">
            <Text className="zj-block-editor__index">{index + 1}</Text>
            <Segmented small options={BLOCK_KINDS} value={block.kind} onChange={(kind) => replace(index, { ...block, kind })} />
          </View>
          <TextArea
            rows="grow"
            value={block.text}
            placeholder={PLACEHOLDERS[block.kind]}
            onChange={(text) => replace(index, withText(block, text))}
          />
          {hasMixedBold(block) ? (
            <Text className="zj-block-editor__note">本段含部分加粗（来自导入），修改文字后将统一为一种字重。</Text>
          ) : null}
          <View className="zj-block-editor__actions">
            <Text className="zj-block-editor__action" onClick={() => onChange(move(blocks, index, index - 1))}>
              上移
            </Text>
            <Text className="zj-block-editor__action" onClick={() => onChange(move(blocks, index, index + 1))}>
              下移
            </Text>
            <Text
              className={`zj-block-editor__action${block.bold && !block.spans?.some((s) => !s.bold) ? ' zj-block-editor__action--on' : ''}`}
              onClick={() => replace(index, withBold(block, !block.bold))}
            >
              加粗
            </Text>
            <Text className="zj-block-editor__action" onClick={() => insertAfter(index)}>
              下方插入
            </Text>
            <Text
              className="zj-block-editor__action zj-block-editor__action--danger"
              onClick={() => onChange(blocks.filter((_, i) => i !== index))}
            >
              删除
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
