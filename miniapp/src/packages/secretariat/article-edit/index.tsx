import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ArticleInput, type Article } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { getArticle } from '../../../services/bulletins';
import { addArticle, updateArticle } from '../../../services/bulletinDesk';
import { BlockEditor } from './BlockEditor';
import { blocksOf, draftFromText, draftOf, newDraftBlock, type DraftBlock } from './blockDraft';
import './index.scss';

function positive(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

interface Target {
  /** Editing an existing article, or adding one to an issue. */
  articleId: number | null;
  issueId: number | null;
}

function ArticleForm({ target, article }: { target: Target; article: Article | null }) {
  const [title, setTitle] = useState(article?.title ?? '');
  const [section, setSection] = useState(article?.section ?? '');
  const [blocks, setBlocks] = useState<DraftBlock[]>(() => (article ? draftOf(article.blocks) : [newDraftBlock()]));
  const [pasted, setPasted] = useState('');
  const bodyOf = (): z.input<typeof ArticleInput> => ({ title: title.trim(), section: section.trim() || null, blocks: blocksOf(blocks) });
  const save = useAction(
    async (body: ArticleInput) => {
      if (target.articleId !== null) await updateArticle(target.articleId, body);
      else await addArticle(target.issueId!, body);
      void Taro.navigateBack();
    },
    {
      // The contract's own messages: 请填写标题, 正文不能为空.
      check: ArticleInput,
      confirm:
        article?.issueStatus === 'published'
          ? { title: '更正已发布的文章', content: '党员将看到更正后的内容，本次更正会记入审计日志。', confirmText: '保存更正' }
          : undefined,
      success: target.articleId !== null ? '已保存' : '已添加到本期',
    },
  );
  const errors = save.problems;

  function addPasted() {
    const added = draftFromText(pasted);
    if (added.length === 0) return;
    // An editor that is still one empty row is replaced, not appended to.
    const kept = blocks.filter((block) => block.text.trim() !== '');
    setBlocks([...kept, ...added]);
    setPasted('');
  }

  return (
    <View className="zj-article-editor">
      <Card>
        <Field label="标题" value={title} onChange={setTitle} error={errors.title} maxlength={200} placeholder="文章标题" />
        <Field
          label="栏目（可不填）"
          value={section}
          onChange={setSection}
          error={errors.section}
          maxlength={50}
          placeholder="如：协会动态"
        />
      </Card>
      <Card title="正文">
        <Text className="zj-muted">每行是一个段落、小标题或列表项，可分别设置类型、调整顺序。</Text>
        <BlockEditor blocks={blocks} onChange={setBlocks} />
        {errors.blocks ? <Text className="zj-article-editor__error">{errors.blocks}</Text> : null}
        <View className="zj-article-editor__add">
          <Button size="small" variant="secondary" onClick={() => setBlocks([...blocks, newDraftBlock()])}>
            添加段落
          </Button>
          <Button size="small" variant="plain" onClick={() => setBlocks([...blocks, newDraftBlock('heading1')])}>
            添加小标题
          </Button>
        </View>
      </Card>
      <Card title="粘贴全文">
        <TextArea
          rows="tall"
          value={pasted}
          onChange={setPasted}
          placeholder="把整篇文字粘贴到这里，每行一段"
          hint="点“按行加入正文”后，每个非空行成为一个段落，再逐行调整类型。"
        />
        <Button size="small" variant="plain" onClick={addPasted}>
          按行加入正文
        </Button>
      </Card>
      <Button block loading={save.busy} onClick={() => void save.run(bodyOf())}>
        {target.articleId !== null ? '保存文章' : '添加到本期'}
      </Button>
    </View>
  );
}

function ExistingArticle({ target }: { target: Target }) {
  const article = useLoaded(target.articleId, getArticle);
  if (article.error) return <StateView kind="error" description={article.error} onRetry={article.reload} />;
  if (!article.data) return <StateView kind="loading" />;
  return <ArticleForm target={target} article={article.data} />;
}

/** Writes or edits one article: `?id=` an existing one, `?issueId=` a new one at the end of that issue. */
export default function ArticleEditPage() {
  const { params } = useRouter();
  const target: Target = { articleId: positive(params.id), issueId: positive(params.issueId) };
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        {target.articleId !== null ? (
          <ExistingArticle target={target} />
        ) : target.issueId !== null ? (
          <ArticleForm target={target} article={null} />
        ) : (
          <StateView kind="error" title="缺少简报" description="请从“编辑简报”中的某一期添加文章。" />
        )}
      </RoleGate>
    </Page>
  );
}
