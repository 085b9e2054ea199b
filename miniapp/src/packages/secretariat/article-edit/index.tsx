import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Article } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { api, call } from '../../../services/api';
import { fieldErrorsOf, messageOf } from '../../../services/errors';
import { toast } from '../../../services/navigation';
import { TextArea } from '../../../components/TextArea';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  function addPasted() {
    const added = draftFromText(pasted);
    if (added.length === 0) return;
    // An editor that is still one empty row is replaced, not appended to.
    const kept = blocks.filter((block) => block.text.trim() !== '');
    setBlocks([...kept, ...added]);
    setPasted('');
  }

  async function save() {
    const body = { title: title.trim(), section: section.trim() || null, blocks: blocksOf(blocks) };
    const invalid: Record<string, string> = {};
    if (!body.title) invalid.title = '请填写标题';
    if (body.blocks.length === 0) invalid.blocks = '正文不能为空';
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    if (article?.issueStatus === 'published') {
      const answer = await Taro.showModal({
        title: '更正已发布的文章',
        content: '党员将看到更正后的内容，本次更正会记入审计日志。',
        confirmText: '保存更正',
        cancelText: '取消',
      }).catch(() => ({ confirm: false }));
      if (!answer.confirm) return;
    }
    setSaving(true);
    try {
      if (target.articleId !== null) await call(api.bulletins.updateArticle, { params: { id: target.articleId }, body });
      else await call(api.bulletins.addArticle, { params: { id: target.issueId! }, body });
      toast(target.articleId !== null ? '已保存' : '已添加到本期');
      void Taro.navigateBack();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast(messageOf(error));
    } finally {
      setSaving(false);
    }
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
      <Button block loading={saving} onClick={() => void save()}>
        {target.articleId !== null ? '保存文章' : '添加到本期'}
      </Button>
    </View>
  );
}

function ExistingArticle({ target }: { target: Target }) {
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setError(null);
    call(api.bulletins.getArticle, { params: { id: target.articleId! } }).then(setArticle, (failure: unknown) =>
      setError(messageOf(failure)),
    );
  }, [target.articleId, attempt]);
  if (error) return <StateView kind="error" description={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!article) return <StateView kind="loading" />;
  return <ArticleForm target={target} article={article} />;
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
