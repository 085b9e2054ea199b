import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Article } from '@zhijian/shared';
import { useState } from 'react';
import { FontSizePicker } from '../../../components/FontSizePicker';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useRequireSession } from '../../../hooks/useSession';
import { reportRead, setFavourite } from '../../../services/bulletins';
import { ArticleBody } from '../components/ArticleBody';
import { TocSheet } from '../components/TocSheet';
import { Watermark, watermarkLines } from '../components/Watermark';
import { useArticle, useIssue } from '../hooks/useArticle';
import { useReadTimer } from '../hooks/useReadTimer';
import { ReaderToolbar } from './ReaderToolbar';
import './index.scss';

function idParam(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function PrevNext({ article, onGo }: { article: Article; onGo: (id: number) => void }) {
  if (!article.prev && !article.next) return null;
  return (
    <View className="zj-reader__nav">
      {article.prev ? (
        <View className="zj-reader__nav-item" hoverClass="zj-reader__nav-item--hover" onClick={() => onGo(article.prev!.id)}>
          <Text className="zj-reader__nav-label">上一篇</Text>
          <Text className="zj-reader__nav-title">{article.prev.title}</Text>
        </View>
      ) : null}
      {article.next ? (
        <View className="zj-reader__nav-item" hoverClass="zj-reader__nav-item--hover" onClick={() => onGo(article.next!.id)}>
          <Text className="zj-reader__nav-label">下一篇</Text>
          <Text className="zj-reader__nav-title">{article.next.title}</Text>
        </View>
      ) : null}
    </View>
  );
}

/**
 * The article reader. `?id=` opens an article; previous / next and the 导读 switch articles in
 * place. `?preview=1` is the secretariat's look at a draft: the same page, without read reports
 * or favourites.
 */
export default function ArticlePage() {
  const session = useRequireSession();
  const { params } = useRouter();
  const preview = params.preview === '1';
  const [articleId, setArticleId] = useState(() => idParam(params.id));
  const article = useArticle(articleId);
  const [tocOpen, setTocOpen] = useState(false);
  const [fontOpen, setFontOpen] = useState(false);
  const issue = useIssue(tocOpen && article.data ? article.data.issueId : null);
  const shown = article.data;

  useReadTimer({
    articleId: shown?.id ?? null,
    secondsToRead: shown?.secondsToRead ?? 0,
    enabled: !!shown && !shown.read && !preview,
    onDue(seconds) {
      const id = shown!.id;
      // Offline the report waits in the outbox (null) and counts when it arrives.
      reportRead(id, seconds).then(
        (result) => result && article.update((current) => (current.id === id ? { ...current, read: result.read } : current)),
        // Not worth interrupting the reader: the next visit reports again.
        () => undefined,
      );
    },
  });

  function go(id: number) {
    setTocOpen(false);
    setArticleId(id);
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
  }

  // Shown at once; put back when the server refuses. A second tap meanwhile does nothing.
  const favourite = useAction(
    async (id: number, wanted: boolean) => {
      article.update((current) => ({ ...current, favourite: wanted }));
      try {
        return await setFavourite(id, wanted);
      } catch (error) {
        article.update((current) => ({ ...current, favourite: !wanted }));
        throw error;
      }
    },
    {
      success: (queued, _id, wanted) =>
        queued ? '网络不通，已记下，联网后自动同步' : wanted ? '已收藏，可在“我的 → 我的收藏”中找到' : '已取消收藏',
    },
  );

  if (articleId === null) {
    return (
      <Page>
        <StateView kind="error" title="找不到这篇文章" description="链接不完整，请从简报目录打开。" />
      </Page>
    );
  }

  return (
    <Page className="zj-reader">
      {article.error ? (
        <StateView kind="error" description={article.error} onRetry={article.reload} />
      ) : !shown ? (
        <StateView kind="loading" />
      ) : (
        <View className="zj-reader__article">
          {preview || shown.issueStatus === 'draft' ? (
            <Text className="zj-reader__preview">预览：本期尚未发布，党员发布后看到的就是这样。</Text>
          ) : null}
          <View className="zj-reader__head">
            {shown.section ? <Text className="zj-reader__section">{shown.section}</Text> : null}
            <Text className="zj-reader__title" userSelect>
              {shown.title}
            </Text>
            <Text className="zj-reader__meta">
              {shown.issueLabel}
              {shown.read ? ' · 已读' : ''}
            </Text>
          </View>
          <ArticleBody blocks={shown.blocks} />
          <Text className="zj-reader__end">（本文完）</Text>
          <PrevNext article={shown} onGo={go} />
        </View>
      )}

      {fontOpen ? (
        // A light backdrop: the text behind stays readable, so the reader sees the size change,
        // and a tap anywhere on it closes the panel.
        <View className="zj-reader__font-layer">
          <View className="zj-reader__font-backdrop" ariaRole="button" ariaLabel="关闭字号设置" onClick={() => setFontOpen(false)} />
          <View className="zj-reader__font" ariaRole="dialog" ariaLabel="阅读字号">
            <View className="zj-reader__font-head">
              <Text className="zj-reader__font-title">阅读字号（仅对本机生效）</Text>
              <Text className="zj-reader__font-close" onClick={() => setFontOpen(false)}>
                完成
              </Text>
            </View>
            <FontSizePicker />
          </View>
        </View>
      ) : null}
      {shown ? (
        <ReaderToolbar
          favourite={shown.favourite}
          showFavourite={!preview}
          fontPanelOpen={fontOpen}
          onToc={() => setTocOpen(true)}
          onFont={() => setFontOpen((open) => !open)}
          onFavourite={() => void favourite.run(shown.id, !shown.favourite)}
        />
      ) : null}
      {tocOpen && shown ? (
        <TocSheet
          issue={issue.data}
          error={issue.error}
          currentArticleId={shown.id}
          onSelect={go}
          onClose={() => setTocOpen(false)}
          onRetry={issue.reload}
        />
      ) : null}
      <Watermark lines={watermarkLines(session?.user)} />
    </Page>
  );
}
