import { Text, View } from '@tarojs/components';
import type { Block, Span } from '@zhijian/shared';
import './index.scss';

/** A list item that carries its own number ("1、", "（二）") needs no bullet in front. */
const NUMBERED = /^\s*(?:\d+|[一二三四五六七八九十]+|[（(][^）)]{1,3}[）)])[、.．]?/;

/**
 * One block's text, selectable as a whole. `userSelect` turns a text node into an inline-block
 * (WeChat and Taro H5 alike), so only this outer node has it and is made a block again by its
 * class; the runs inside stay inline, so the first-line indent and line wrapping work.
 */
function Spans({ spans }: { spans: Span[] }) {
  return (
    <Text userSelect className="zj-article-body__text">
      {spans.map((span, index) => (
        <Text key={index} className={`zj-article-body__span${span.bold ? ' zj-article-body__bold' : ''}`}>
          {span.text}
        </Text>
      ))}
    </Text>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.type === 'heading') {
    return (
      <View className={`zj-article-body__heading zj-article-body__heading--${block.level}`} ariaRole="heading">
        <Spans spans={block.spans} />
      </View>
    );
  }
  if (block.type === 'listItem') {
    const numbered = NUMBERED.test(block.spans[0]?.text ?? '');
    return (
      <View className="zj-article-body__item">
        {numbered ? null : <Text className="zj-article-body__bullet">•</Text>}
        <View className="zj-article-body__item-text">
          <Spans spans={block.spans} />
        </View>
      </View>
    );
  }
  return (
    <View className="zj-article-body__paragraph">
      <Spans spans={block.spans} />
    </View>
  );
}

/** An article's body from its structured blocks: text only, never markup from the server. */
export function ArticleBody({ blocks }: { blocks: Block[] }) {
  return (
    <View className="zj-article-body">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </View>
  );
}
