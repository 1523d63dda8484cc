/** The check-in rules form (签到奖励 under 店铺设置) against a fake API: cycle, cumulative rewards, make-up, and roles. */
import { CheckInRules } from '@siyu/shared';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInConsole } from './render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const permissions = { role: 'owner' as string, canEdit: true, isOwner: true, timeZone: 'Asia/Shanghai', staffId: 1 };
configure({ asyncUtilTimeout: 8000 });
vi.mock('../src/auth/session', () => ({ usePermissions: () => permissions }));

const WEEKLY = {
  rewards: [5, 5, 10, 10, 15, 15, 30],
  afterCycle: 'restart',
  cycle: 'week',
  cumulativeRewards: [{ count: 3, points: 20, growth: 0 }],
  makeUp: { enabled: true, costPoints: 10, maxPerCycle: 2, payReward: false },
} as const;

describe('the check-in rules form', () => {
  let loaded: unknown;
  let puts: unknown[];
  beforeEach(() => {
    loaded = WEEKLY;
    puts = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.endsWith('/check-in/rules') && init.method === 'GET') return new Response(JSON.stringify(loaded), { status: 200 });
        if (url.endsWith('/check-in/rules') && init.method === 'PUT') {
          puts.push(JSON.parse(String(init.body)));
          return new Response(JSON.stringify(CheckInRules.parse(puts.at(-1))), { status: 200 });
        }
        return new Response('{}', { status: 404 });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    permissions.canEdit = true;
    permissions.role = 'owner';
  });

  async function renderForm() {
    const { CheckInRulesForm } = await import('../src/pages/settings/CheckInRulesForm');
    renderInConsole(<CheckInRulesForm />);
    await screen.findByTestId('check-in-rules-form');
    // The loaded rules reach the form by an effect: wait for the milestone row they bring.
    await screen.findByTestId('milestone-0');
  }

  it('adds a milestone and changes the make-up cost, saving a body the API’s schema accepts', async () => {
    await renderForm();
    expect((screen.getByTestId('make-up-cost') as HTMLInputElement).value).toBe('10');
    fireEvent.click(screen.getByTestId('add-milestone'));
    const counts = await screen.findAllByLabelText('累计满');
    fireEvent.change(counts[1]!, { target: { value: '7' } });
    fireEvent.change(screen.getAllByLabelText('积分')[1]!, { target: { value: '50' } });
    fireEvent.change(screen.getAllByLabelText('成长值')[1]!, { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('make-up-cost'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('check-in-rules-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      ...WEEKLY,
      cumulativeRewards: [
        { count: 3, points: 20, growth: 0 },
        { count: 7, points: 50, growth: 5 },
      ],
      makeUp: { ...WEEKLY.makeUp, costPoints: 0 },
    });
    expect(() => CheckInRules.parse(puts[0])).not.toThrow();
  });

  it('refuses a milestone past the week and a repeated count before sending anything', async () => {
    await renderForm();
    fireEvent.click(screen.getByTestId('add-milestone'));
    const counts = await screen.findAllByLabelText('累计满');
    fireEvent.change(counts[1]!, { target: { value: '8' } });
    fireEvent.change(screen.getAllByLabelText('积分')[1]!, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('check-in-rules-save'));
    await screen.findByText('请填写 1-7 的整数');
    fireEvent.change(counts[1]!, { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('check-in-rules-save'));
    expect((await screen.findAllByText('天数不能重复')).length).toBeGreaterThan(0);
    expect(puts).toHaveLength(0);
  });

  it('under the streak rule, offers neither milestones nor make-up and sends them off', async () => {
    loaded = { ...WEEKLY, cycle: 'streak', cumulativeRewards: [], makeUp: { ...WEEKLY.makeUp, enabled: false } };
    const { CheckInRulesForm } = await import('../src/pages/settings/CheckInRulesForm');
    renderInConsole(<CheckInRulesForm />);
    expect((await screen.findAllByText('选择“按周”或“按自然月”后可设置累计奖励和补签。')).length).toBe(2);
    expect(screen.queryByTestId('make-up-enabled')).toBeNull();
    fireEvent.click(screen.getByTestId('check-in-rules-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({ cycle: 'streak', cumulativeRewards: [], makeUp: { enabled: false } });
  });

  it('shows a viewer the rules read-only, with save disabled saying why', async () => {
    permissions.canEdit = false;
    permissions.role = 'viewer';
    await renderForm();
    expect((screen.getByTestId('make-up-cost') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('check-in-rules-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('check-in-rules-save').closest('[data-disabled-reason]')?.getAttribute('data-disabled-reason')).toBe(
      '只读账号无法修改',
    );
  });
});
