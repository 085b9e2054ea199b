import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatDate, shanghaiDate, type IssueDetail } from '@zhijian/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { ARTICLE_EDIT_PAGE, BULLETIN_ARTICLE_PAGE, BULLETIN_EDIT_PAGE, BULLETIN_ISSUE_PAGE, BULLETIN_STATS_PAGE } from '../../../routes';
import { api, call } from '../../../services/api';
import { fieldErrorsOf, messageOf } from '../../../services/errors';
import { toast } from '../../../services/navigation';
import { formatDateTime } from '../../../utils/format';
import { CheckRow } from '../components/CheckRow';
import { ArticleOrder } from './ArticleOrder';
import { IssueForm } from './IssueForm';
import { emptyIssueForm, issueFormOf, issueInputOf, type IssueFormErrors, type IssueFormValues } from './issueForm';
import './index.scss';

async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const result = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
    return result.confirm;
  } catch {
    return false;
  }
}

/** A new issue: its metadata first; articles are added once the draft exists. */
function NewIssue() {
  const [values, setValues] = useState<IssueFormValues>(() => emptyIssueForm(formatDate(shanghaiDate(new Date()))));
  const [errors, setErrors] = useState<IssueFormErrors>({});
  const [saving, setSaving] = useState(false);

  async function create() {
    const { input, errors: invalid } = issueInputOf(values);
    setErrors(invalid);
    if (!input) return;
    setSaving(true);
    try {
      const created = await call(api.bulletins.createIssue, { body: input });
      toast('草稿已创建，可以添加文章了');
      void Taro.redirectTo({ url: `${BULLETIN_EDIT_PAGE}?id=${created.id}` });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="新建一期（草稿）">
      <IssueForm values={values} errors={errors} onChange={setValues} />
      <Button block loading={saving} onClick={() => void create()}>
        创建草稿
      </Button>
    </Card>
  );
}

function Metadata({ issue, onSaved }: { issue: IssueDetail; onSaved: (issue: IssueDetail) => void }) {
  const [values, setValues] = useState(() => issueFormOf(issue));
  const [errors, setErrors] = useState<IssueFormErrors>({});
  const [saving, setSaving] = useState(false);
  const published = issue.status === 'published';

  async function save() {
    const { input, errors: invalid } = issueInputOf(values);
    setErrors(invalid);
    if (!input) return;
    if (published && !(await confirm('更正已发布的简报', '党员将看到更正后的内容，本次更正会记入审计日志。', '保存更正'))) return;
    setSaving(true);
    try {
      const saved = await call(api.bulletins.updateIssue, { params: { id: issue.id }, body: input });
      setValues(issueFormOf(saved));
      onSaved(saved);
      toast(published ? '已更正' : '已保存');
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="本期信息">
      <IssueForm values={values} errors={errors} onChange={setValues} />
      <Button block variant="secondary" loading={saving} onClick={() => void save()}>
        {published ? '保存更正' : '保存信息'}
      </Button>
    </Card>
  );
}

function Publish({ issue, onPublished }: { issue: IssueDetail; onPublished: (issue: IssueDetail) => void }) {
  const [notify, setNotify] = useState(true);
  const [publishing, setPublishing] = useState(false);

  async function publish() {
    if (issue.toc.length === 0) {
      toast('没有文章的简报不能发布');
      return;
    }
    const content = notify ? '发布后全体党员即可阅读，并向已订阅提醒的党员发送微信通知。' : '发布后全体党员即可阅读（不发送通知）。';
    if (!(await confirm(`发布${issue.label}`, content, '发布'))) return;
    setPublishing(true);
    try {
      const result = await call(api.bulletins.publish, { params: { id: issue.id }, body: { notify } });
      onPublished(result.issue);
      toast(notify ? `已发布，已提醒 ${result.notified} 人` : '已发布');
    } catch (error) {
      toast(messageOf(error));
    } finally {
      setPublishing(false);
    }
  }

  return (
    <Card title="发布">
      <CheckRow checked={notify} onChange={setNotify} label="通知党员" note="向已同意接收提醒的党员发送一条微信订阅消息" />
      <Button block loading={publishing} onClick={() => void publish()}>
        发布本期
      </Button>
    </Card>
  );
}

function ExistingIssue({ id }: { id: number }) {
  const [issue, setIssue] = useState<IssueDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The metadata form starts from the loaded issue; a new key after publishing or a reload resets it.
  const [formKey, setFormKey] = useState(0);

  const load = useCallback(() => {
    setError(null);
    call(api.bulletins.getIssue, { params: { id } }).then(
      (loaded) => setIssue(loaded),
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, [id]);

  useEffect(load, [load]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    // Back from the article editor: the 导读 may have changed.
    if (shownBefore.current) load();
    shownBefore.current = true;
  });

  if (error && !issue) return <StateView kind="error" description={error} onRetry={load} />;
  if (!issue) return <StateView kind="loading" />;

  async function move(from: number, to: number) {
    if (!issue) return;
    const ids = issue.toc.map((entry) => entry.articleId);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    setBusy(true);
    try {
      setIssue(await call(api.bulletins.reorder, { params: { id }, body: { articleIds: ids } }));
    } catch (failure) {
      toast(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  async function remove(articleId: number, title: string) {
    if (!(await confirm('删除文章', `确定删除“${title}”吗？删除后不能恢复。`, '删除'))) return;
    setBusy(true);
    try {
      await call(api.bulletins.removeArticle, { params: { id: articleId } });
      toast('已删除');
      load();
    } catch (failure) {
      toast(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

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
          busy={busy}
          onMove={(from, to) => void move(from, to)}
          onEdit={(articleId) => void Taro.navigateTo({ url: `${ARTICLE_EDIT_PAGE}?id=${articleId}` })}
          onRemove={(articleId, title) => void remove(articleId, title)}
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

      <Metadata key={formKey} issue={issue} onSaved={setIssue} />

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
            setIssue(next);
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
      <RoleGate roles={['secretariat']}>{Number.isInteger(id) && id > 0 ? <ExistingIssue id={id} /> : <NewIssue />}</RoleGate>
    </Page>
  );
}
