import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { IssueDetail } from '@zhijian/shared';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useRequireSession } from '../../../hooks/useSession';
import { BULLETIN_ARTICLE_PAGE } from '../../../routes';
import { formatChineseDate } from '../../../utils/format';
import { Watermark, watermarkLines } from '../components/Watermark';
import { useIssue } from '../hooks/useArticle';
import './index.scss';

function Masthead({ issue }: { issue: IssueDetail }) {
  return (
    <View className="zj-issue__masthead">
      {issue.titleLines.length > 0 ? <Text className="zj-issue__title-lines">{issue.titleLines.join('  ')}</Text> : null}
      <Text className="zj-issue__name">{'简\u3000报'}</Text>
      <Text className="zj-issue__label">{issue.label}</Text>
      <View className="zj-issue__imprint">
        {issue.publisher ? <Text>{issue.publisher}编印</Text> : null}
        {issue.date ? <Text>{formatChineseDate(issue.date)}</Text> : null}
      </View>
    </View>
  );
}

function Toc({ issue, preview }: { issue: IssueDetail; preview: boolean }) {
  const open = (articleId: number) =>
    void Taro.navigateTo({ url: `${BULLETIN_ARTICLE_PAGE}?id=${articleId}${preview ? '&preview=1' : ''}` });
  return (
    <View className="zj-issue__toc">
      <Text className="zj-issue__toc-title">【本期导读】</Text>
      {issue.toc.length === 0 ? <Text className="zj-muted">本期还没有文章。</Text> : null}
      {issue.toc.map((entry, index) => (
        <View
          key={entry.articleId}
          className="zj-issue__toc-entry"
          hoverClass="zj-issue__toc-entry--hover"
          onClick={() => open(entry.articleId)}
        >
          <Text className="zj-issue__toc-number">{index + 1}、</Text>
          {!preview && !entry.read ? <View className="zj-unread-dot zj-issue__toc-dot" ariaLabel="未读" /> : null}
          <View className="zj-issue__toc-text">
            {entry.section ? <Text className="zj-issue__toc-section">{entry.section}</Text> : null}
            <Text>{entry.title}</Text>
          </View>
          <Text className="zj-issue__toc-arrow">›</Text>
        </View>
      ))}
    </View>
  );
}

function Distribution({ issue }: { issue: IssueDetail }) {
  const { report, send } = issue.distribution;
  if (report.length === 0 && send.length === 0) return null;
  return (
    <View className="zj-issue__distribution">
      {report.length > 0 ? <Text className="zj-issue__distribution-line">报：{report.join('、')}</Text> : null}
      {send.length > 0 ? <Text className="zj-issue__distribution-line">发：{send.join('、')}</Text> : null}
    </View>
  );
}

/** One issue as the newsletter's first page: title-page lines, masthead, 【本期导读】, distribution. */
export default function IssuePage() {
  const session = useRequireSession();
  const { params } = useRouter();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const issue = useIssue(valid ? id : null);
  const preview = params.preview === '1';

  return (
    <Page className="zj-issue">
      {!valid ? (
        <StateView kind="error" title="找不到这期简报" description="链接不完整，请从简报目录打开。" />
      ) : issue.error ? (
        <StateView kind="error" description={issue.error} onRetry={issue.reload} />
      ) : !issue.data ? (
        <StateView kind="loading" />
      ) : (
        <View className="zj-issue__sheet">
          {issue.data.status === 'draft' ? <Text className="zj-issue__draft">草稿预览：本期尚未发布，党员还看不到。</Text> : null}
          <Masthead issue={issue.data} />
          <Toc issue={issue.data} preview={preview || issue.data.status === 'draft'} />
          <Distribution issue={issue.data} />
        </View>
      )}
      <Watermark lines={watermarkLines(session?.user)} />
    </Page>
  );
}
