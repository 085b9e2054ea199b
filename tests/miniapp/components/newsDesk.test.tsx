import { fireEvent, render, screen } from '@testing-library/react';
import { shanghaiYear, type NewsCounts } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import NewsDeskPage from '../../../miniapp/src/packages/secretariat/news';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const thisYear = shanghaiYear(new Date());

function counts(year: number): NewsCounts {
  return {
    year,
    units: [{ unitId: 1, unitName: `单位${year}`, groupName: '第一片组', reported: 3, adopted: 1 }],
    officers: [],
  };
}

describe('the news desk', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'secretariat'] })));
  });

  it('shows another year after one failed, and retries a failed year', async () => {
    let failures = 2;
    installFakeApi({
      'GET /api/news/counts': (request: FakeRequest) => {
        const year = Number(request.query.get('year'));
        return year === thisYear && failures-- > 0 ? apiError('internal', '统计暂时不可用') : json(200, counts(year));
      },
    });
    render(<NewsDeskPage />);
    expect(await screen.findByText('统计暂时不可用')).toBeInTheDocument();

    fireEvent.click(screen.getByText(`${thisYear - 1} 年`));
    expect(await screen.findByText(`单位${thisYear - 1}`)).toBeInTheDocument();

    fireEvent.click(screen.getByText(`${thisYear} 年`));
    fireEvent.click(await screen.findByRole('button', { name: '重试' }));
    expect(await screen.findByText(`单位${thisYear}`)).toBeInTheDocument();
  });
});
