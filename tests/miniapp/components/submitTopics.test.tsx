import { fireEvent, render, screen } from '@testing-library/react';
import type { Topic } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import TopicsPage from '../../../miniapp/src/packages/submit/topics';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const topic: Topic = { id: 3, callId: 7, title: '新就业群体党建路径研究', description: '', claims: [], myClaimId: null };

describe('the topics page', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    taroControl.routerParams = { callId: '7' };
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
  });

  it('leaves the error once a retry succeeds', async () => {
    const answers = [apiError('internal', '服务器开小差了'), json(200, { items: [topic] })];
    const server = installFakeApi({ 'GET /api/calls/7/topics': () => answers.shift()! });
    render(<TopicsPage />);

    fireEvent.click(await screen.findByRole('button', { name: '重试' }));

    expect(await screen.findByText('新就业群体党建路径研究')).toBeInTheDocument();
    expect(screen.queryByText('服务器开小差了')).not.toBeInTheDocument();
    expect(server.callsTo('GET', '/api/calls/7/topics')).toHaveLength(2);
  });
});
