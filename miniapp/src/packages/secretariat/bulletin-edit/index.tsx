import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatDate, shanghaiDate, type IssueDetail } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { ARTICLE_EDIT_PAGE, BULLETIN_ARTICLE_PAGE, BULLETIN_EDIT_PAGE, BULLETIN_ISSUE_PAGE, BULLETIN_STATS_PAGE } from '../../../routes';
import { getIssue } from '../../../services/bulletins';
import { createIssue, latestIssues, publishIssue, removeArticle, reorderArticles, updateIssue } from '../../../services/bulletinDesk';
import { formatDateTime } from '../../../utils/format';
import { CheckRow } from '../components/CheckRow';
import { ArticleOrder } from './ArticleOrder';
import { IssueForm } from './IssueForm';
import { checkedIssue, issueFormOf, nextIssueForm, type IssueFormValues } from './issueForm';
import './index.scss';

/** A new issue, once the latest ones are read: its 期号, 总期号 and date suggested. */
function NewIssueAfterLatest() {
  const latest = useLoaded('latest-issues', latestIssues);
  if (latest.error) return <StateView kind="error" description={latest.error} onRetry={latest.reload} />;
  if (!latest.data) return <StateView kind="loading" />;
  return <NewIssue initial={nextIssueForm(latest.data, formatDate(shanghaiDate(new Date())))} />;
}

/** A new issue: its metadata first; articles are added once the draft exists. */
function NewIssue({ initial }: { initial: IssueFormValues }) {
  const [values, setValues] = useState<IssueFormValues>(initial);
  const create = useAction(
    async (form: IssueFormValues) => {
      const created = await createIssue(checkedIssue(form));
      void Taro.redirectTo({ url: `${BULLETIN_EDIT_PAGE}?id=${created.id}` });
    },
    { validate: checkedIssue, success: '草稿已创建，可以添加文章了' },
  );

  return (
    <Card title="新建一期（草稿）">
      <IssueForm values={values} errors={create.problems} onChange={setValues} />
      <Button block loading={create.busy} onClick={() => void create.run(values)}>
        创建草稿
      </Button>
    </Card>
  );
}

function Metadata({ issue, onSaved }: { issue: IssueDetail; onSaved: (issue: IssueDetail) => void }) {
  const [values, setValues] = useState(() => issueFormOf(issue));
  const published = issue.status === 'published';
  const save = useAction(
    async (form: IssueFormValues) => {
      const saved = await updateIssue(issue.id, checkedIssue(form));
      setValues(issueFormOf(saved));
      onSaved(saved);
    },
    {
      validate: checkedIssue,
      confirm: published
        ? { title: '更正已发布的简报', content: '党员将看到更正后的内容，本次更正会记入审计日志。', confirmText: '保存更正' }
        : undefined,
      success: published ? '已更正' : '已保存',
    },
  );

  return (
    <Card title="本期信息">
      <IssueForm values={values} errors={save.problems} onChange={setValues} />
      <Button block variant="secondary" loading={save.busy} onClick={() => void save.run(values)}>
        {published ? '保存更正' : '保存信息'}
      </Button>
    </Card>
  );
}

function Publish({ issue, onPublished }: { issue: IssueDetail; onPublished: (issue: IssueDetail) => void }) {
  const [notify, setNotify] = useState(true);
  const publish = useAction(
    async (wanted: boolean) => {
      const result = await publishIssue(issue.id, wanted);
      onPublished(result.issue);
      return result.notified;
    },
    {
      confirm: (wanted) => ({
        title: `发布${issue.label}`,
        content: wanted ? '发布后全体党员即可阅读，并向已订阅提醒的党员发送微信通知。' : '发布后全体党员即可阅读（不发送通知）。',
        confirmText: '发布',
      }),
      success: (notified, wanted) => (wanted ? `已发布，已提醒 ${notified} 人` : '已发布'),
    },
  );

  return (
    <Card title="发布">
      <CheckRow checked={notify} onChange={setNotify} label="通知党员" note="向已同意接收提醒的党员发送一条微信订阅消息" />
      <Button block loading={publish.busy} onClick={() => void publish.run(notify)}>
        发布本期
      </Button>
    </Card>
  );
}

function ExistingIssue({ id }: { id: number }) {
  // Back from the article editor, the 导读 may have changed.
  const loaded = useLoaded(id, getIssue, { refreshOnShow: true });
  // The metadata form starts from the loaded issue; a new key after publishing resets it.
  const [formKey, setFormKey] = useState(0);
  const reorder = useAction(async (from: number, to: number) => {
    const ids = loaded.data!.toc.map((entry) => entry.articleId);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    const reordered = await reorderArticles(id, ids);
    loaded.update(() => reordered);
  });
  const remove = useAction(
    async (articleId: number, _title: string) => {
      await removeArticle(articleId);
      await loaded.refresh();
    },
    {
      confirm: (_articleId, title) => ({ title: '删除文章', content: `确定删除“${title}”吗？删除后不能恢复。`, confirmText: '删除' }),
      success: '已删除',
    },
  );

  const issue = loaded.data;
  if (loaded.error && !issue) return <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />;
  if (!issue) return <StateView kind="loading" />;

  const published = issue.status === 'published';
  return (
    <View className="zj-issue-editor">
      <View className="zj-issue-editor__head">
        <Text className="zj-issue-editor__label">{issue.label}</Text>
        <Text className={`zj-issue-editor__status${published ? ' zj-issue-editor__status--published' : ''}`}>
          {published ? `已发布${issue.publishedAt ? ` · ${formatDateTime(issue.publishedAt)}` : ''}` : '草稿'}
        </Text>
        {published ? <Text className="zj-muted">已发布的简报仍可更正，党员看到的会随之更新，每次修改都记入审计日志。</Text> : null}
      </View>

      <Card title={`文章（${issue.toc.length} 篇，即本期导读）`}>
        <ArticleOrder
          issue={issue}
          busy={reorder.busy || remove.busy}
          onMove={(from, to) => void reorder.run(from, to)}
          onEdit={(articleId) => void Taro.navigateTo({ url: `${ARTICLE_EDIT_PAGE}?id=${articleId}` })}
          onRemove={(articleId, title) => void remove.run(articleId, title)}
          onPreview={(articleId) => void Taro.navigateTo({ url: `${BULLETIN_ARTICLE_PAGE}?id=${articleId}&preview=1` })}
        />
        <View className="zj-issue-editor__article-actions">
          <Button size="small" onClick={() => void Taro.navigateTo({ url: `${ARTICLE_EDIT_PAGE}?issueId=${id}` })}>
            添加文章
          </Button>
          <Button
            size="small"
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: `${BULLETIN_ISSUE_PAGE}?id=${id}&preview=1` })}
          >
            预览本期
          </Button>
        </View>
      </Card>

      <Metadata key={formKey} issue={issue} onSaved={(saved) => loaded.update(() => saved)} />

      {published ? (
        <Card title="阅读情况">
          <Button block variant="secondary" onClick={() => void Taro.navigateTo({ url: `${BULLETIN_STATS_PAGE}?id=${id}` })}>
            查看阅读统计
          </Button>
        </Card>
      ) : (
        <Publish
          issue={issue}
          onPublished={(next) => {
            loaded.update(() => next);
            setFormKey((n) => n + 1);
          }}
        />
      )}
    </View>
  );
}

/** 编辑简报 for one issue: `?id=` edits (or corrects) it; without an id a new draft is made. */
export default function BulletinEditPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['secretariat']}>{Number.isInteger(id) && id > 0 ? <ExistingIssue id={id} /> : <NewIssueAfterLatest />}</RoleGate>
    </Page>
  );
}
