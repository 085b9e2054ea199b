import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Video } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Comments } from '../../../miniapp/src/packages/videos/components/Comments';
import { Player } from '../../../miniapp/src/packages/videos/components/Player';
import { UploadPanel } from '../../../miniapp/src/packages/videos/components/UploadPanel';
import { VideoCard } from '../../../miniapp/src/packages/videos/components/VideoCard';
import { taroControl } from '../../support/taro/taro';

function makeVideo(overrides: Partial<Video> = {}): Video {
  return {
    id: 5,
    roundId: 1,
    unit: { id: 3, name: '建华文创园党总支', groupId: 2 },
    title: '园区里的红色驿站',
    kind: 'upload',
    status: 'approved',
    statusLabel: '已通过',
    returnReason: null,
    durationSeconds: 95.4,
    sizeBytes: 12_000_000,
    width: 1280,
    height: 720,
    channel: null,
    hasPoster: true,
    publishedLikes: 12,
    likedToday: false,
    juryScore: null,
    commentCount: 3,
    actions: { like: true, comment: true, review: false, score: false },
    createdAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}

const comment = (overrides = {}) => ({
  id: 9,
  author: { id: 2, name: '李青', unitName: '建华文创园党总支' },
  body: '红色驿站很有特色',
  status: 'shown' as const,
  heldLabel: null,
  hiddenReason: null,
  mine: false,
  canHide: false,
  createdAt: '2026-11-20T02:00:00.000Z',
  ...overrides,
});

beforeEach(() => {
  taroControl.reset();
});

describe('a video in the round’s list', () => {
  it('shows unit, length and the published likes; a returned video its state and reason', () => {
    const { rerender } = render(<VideoCard video={makeVideo()} onOpen={() => undefined} />);
    expect(screen.getByText(/建华文创园党总支 · 1:35 · 赞 12 · 评论 3/)).toBeInTheDocument();
    expect(screen.queryByText('已通过')).not.toBeInTheDocument();
    rerender(
      <VideoCard video={makeVideo({ status: 'returned', statusLabel: '已退回', returnReason: '画面太暗' })} onOpen={() => undefined} />,
    );
    expect(screen.getByText('已退回')).toBeInTheDocument();
    expect(screen.getByText('退回理由：画面太暗')).toBeInTheDocument();
  });
});

describe('the player', () => {
  it('plays an uploaded video from the ticketed stream, with controls for seeking', () => {
    const { container } = render(
      <Player video={makeVideo()} src="https://api.example/api/video-streams/5?ticket=t" poster="https://api.example/p.jpg" weapp />,
    );
    const video = container.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('https://api.example/api/video-streams/5?ticket=t');
    expect(video.getAttribute('poster')).toBe('https://api.example/p.jpg');
    expect(video.hasAttribute('controls')).toBe(true);
  });

  it('plays a 视频号 video in channel-video in WeChat, and says where to find it in a browser', () => {
    const channel = makeVideo({ kind: 'channel', channel: { finderUserName: 'sphABCDEF', feedId: 'export/Uz' }, durationSeconds: null });
    const { rerender } = render(<Player video={channel} src={null} poster={null} weapp />);
    const embed = screen.getByRole('region', { name: '视频号视频' });
    expect(embed.dataset).toMatchObject({ finderUserName: 'sphABCDEF', feedId: 'export/Uz' });
    rerender(<Player video={channel} src={null} poster={null} weapp={false} />);
    expect(screen.getByText(/请在微信中打开小程序观看（视频号 ID：sphABCDEF/)).toBeInTheDocument();
  });
});

describe('the upload panel', () => {
  it('picks a video, shows the upload’s progress and reports the uploaded video', async () => {
    let report: (percent: number) => void = () => undefined;
    let finish: (video: Video) => void = () => undefined;
    const upload = vi.fn(
      (_title: string, _file: unknown, onProgress: (percent: number) => void) =>
        new Promise<Video>((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    const onDone = vi.fn();
    render(
      <UploadPanel
        pick={async () => ({ path: 'wxfile://tmp.mp4', size: 1_000_000, name: 'video.mp4' })}
        upload={upload}
        linkChannel={vi.fn()}
        onDone={onDone}
      />,
    );
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '我们的红色驿站' } });
    fireEvent.click(screen.getByRole('button', { name: '选择视频并上传' }));
    await waitFor(() => expect(upload).toHaveBeenCalled());
    expect(upload.mock.calls[0]![0]).toBe('我们的红色驿站');
    act(() => report(42));
    expect(await screen.findByRole('progressbar', { name: '上传进度 42%' })).toBeInTheDocument();
    expect(screen.getByText('正在上传 42%')).toBeInTheDocument();
    await act(async () => finish(makeVideo({ status: 'pending' })));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'pending' })));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('takes a 视频号 ID and feed-id instead', async () => {
    const linkChannel = vi.fn(async () => makeVideo({ kind: 'channel' }));
    render(<UploadPanel pick={vi.fn()} upload={vi.fn()} linkChannel={linkChannel} onDone={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: '改用视频号视频' }));
    const [title, finder, feed] = screen.getAllByRole('textbox');
    fireEvent.change(title!, { target: { value: '视频号展示' } });
    fireEvent.change(finder!, { target: { value: 'sphABCDEF' } });
    fireEvent.change(feed!, { target: { value: 'export/UzFfAg' } });
    fireEvent.click(screen.getByRole('button', { name: '提交视频号视频' }));
    await waitFor(() =>
      expect(linkChannel).toHaveBeenCalledWith({ title: '视频号展示', finderUserName: 'sphABCDEF', feedId: 'export/UzFfAg' }),
    );
  });
});

describe('the discussion', () => {
  it('marks one’s own held comment and lets the secretariat hide a comment with the reason typed', async () => {
    const onHide = vi.fn(async () => undefined);
    const onChanged = vi.fn();
    render(
      <Comments
        comments={[comment({ canHide: true }), comment({ id: 10, mine: true, status: 'held', body: '我的评论' })]}
        canComment
        onComment={vi.fn()}
        onHide={onHide}
        onChanged={onChanged}
      />,
    );
    expect(screen.getByText('内容审核中，仅自己和秘书处可见')).toBeInTheDocument();
    expect(screen.getByText('讨论（1）')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('隐藏评论时必填，评论人可见'), { target: { value: '与主题无关' } });
    fireEvent.click(screen.getByRole('button', { name: '隐藏' }));
    await waitFor(() => expect(onHide).toHaveBeenCalledWith(expect.objectContaining({ id: 9 }), '与主题无关'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('sends a comment and clears the box', async () => {
    const onComment = vi.fn(async (body: string) => comment({ id: 11, body, mine: true }));
    render(<Comments comments={[]} canComment onComment={onComment} onHide={vi.fn()} onChanged={() => undefined} />);
    const box = screen.getByRole('textbox');
    fireEvent.change(box, { target: { value: '学到了' } });
    fireEvent.click(screen.getByRole('button', { name: '发表评论' }));
    await waitFor(() => expect(onComment).toHaveBeenCalledWith('学到了'));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
  });
});
