/** A member's points on the member page: ledger filters, the new adjustment on top at once, the form's checks. */
import { POINTS_KINDS, POINTS_REASONS } from '@siyu/shared';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInConsole } from './render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryMatches, LEDGER_KINDS, LEDGER_REASONS, ledgerQuery, orderOfSource } from '../src/pages/members/points-ledger';

const permissions = { role: 'owner' as string, canEdit: true, isOwner: true, timeZone: 'Asia/Shanghai', staffId: 1 };
// A machine shared with other builds: antd's first render can take more than the default second.
configure({ asyncUtilTimeout: 8000 });

vi.mock('../src/auth/session', () => ({ usePermissions: () => permissions }));

const SH = 'Asia/Shanghai';
const entry = (id: number, delta: number, extra: Record<string, unknown> = {}) => ({
  id,
  delta,
  kind: 'earn',
  reason: 'check_in',
  sourceKey: `check-in:${id}`,
  note: null,
  createdAt: '2026-11-22T02:00:00.000Z',
  staffId: null,
  ...extra,
});

describe('ledger filters, pure', () => {
  it('keeps the shared lists of kinds and reasons', () => {
    expect([...LEDGER_KINDS]).toEqual([...POINTS_KINDS]);
    expect([...LEDGER_REASONS]).toEqual([...POINTS_REASONS]);
  });

  it('decides as the API does whether an entry passes the filters, by days in the merchant’s time zone', () => {
    const e = { kind: 'adjust' as const, reason: 'adjustment' as const, delta: 50, createdAt: '2026-11-22T16:30:00.000Z' }; // 23 Nov 00:30 in Shanghai
    expect(entryMatches({}, e, SH)).toBe(true);
    expect(entryMatches({ kind: 'adjust', direction: 'in' }, e, SH)).toBe(true);
    expect(entryMatches({ kind: 'earn' }, e, SH)).toBe(false);
    expect(entryMatches({ reason: 'check_in' }, e, SH)).toBe(false);
    expect(entryMatches({ direction: 'out' }, e, SH)).toBe(false);
    expect(entryMatches({ from: '2026-11-23', to: '2026-11-23' }, e, SH)).toBe(true);
    expect(entryMatches({ to: '2026-11-22' }, e, SH)).toBe(false);
    expect(entryMatches({ to: '2026-11-22' }, e, 'UTC')).toBe(true);
  });

  it('finds the order an entry comes from and builds the query', () => {
    expect(orderOfSource('order:12')).toBe(12);
    expect(orderOfSource('checkout:order:7')).toBe(7);
    expect(orderOfSource('checkout-return:order:7:closed')).toBe(7);
    expect(orderOfSource('order-refund:9:R2026')).toBe(9);
    expect(orderOfSource('check-in:2026-11-22')).toBeNull();
    expect(orderOfSource('adjustment:abc')).toBeNull();
    expect(ledgerQuery({ kind: 'adjust', from: '2026-11-01', to: '2026-11-30' }, 40, 20)).toEqual({
      limit: 20,
      cursor: 40,
      kind: 'adjust',
      reason: undefined,
      direction: undefined,
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
});

describe('member points in the page', () => {
  let requests: string[];
  let posts: Record<string, unknown>[];
  let releaseRefetch: () => void;
  beforeEach(() => {
    requests = [];
    posts = [];
    let ledgerCalls = 0;
    let available = 30;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        requests.push(`${init.method} ${url}`);
        if (url.includes('/points-ledger')) {
          ledgerCalls++;
          const u = new URL(url, 'http://x');
          if (ledgerCalls > 1 && !u.searchParams.get('cursor')) {
            // The refetch after the adjustment waits: the entry must already be there.
            await new Promise<void>((r) => {
              releaseRefetch = r;
            });
          }
          if (u.searchParams.get('cursor') === '3') return Response.json({ balance: 30, entries: [entry(2, 10), entry(1, 20)], nextCursor: null });
          return Response.json({
            balance: 30,
            entries: [entry(5, 5, { kind: 'spend', reason: 'checkout', sourceKey: 'checkout:order:44', delta: -5 }), entry(4, 5), entry(3, 5)],
            nextCursor: 3,
          });
        }
        if (url.endsWith('/members/7/points'))
          return Response.json({
            available,
            pending: 12,
            debt: 0,
            expiringSoon: null,
            nextExpiries: [{ points: 8, at: '2027-12-31T16:00:00.000Z' }],
            pendingItems: [],
          });
        if (url.endsWith('/points-adjustments')) {
          const body = JSON.parse(String(init.body));
          posts.push(body);
          available += body.delta;
          return Response.json(
            {
              balance: available,
              entry: entry(9, body.delta, {
                kind: 'adjust',
                reason: 'adjustment',
                note: body.reason,
                sourceKey: `adjustment:${body.key}`,
                staffId: 1,
                createdAt: new Date().toISOString(),
              }),
            },
            { status: 201 },
          );
        }
        return new Response('{}', { status: 404 });
      }),
    );
  });
  afterEach(() => {
    releaseRefetch?.();
    vi.unstubAllGlobals();
    permissions.canEdit = true;
  });

  async function renderPoints() {
    const { AdjustPoints, PointsFigures, PointsLedger } = await import('../src/pages/members/MemberPoints');
    renderInConsole(
      <>
        <AdjustPoints memberId={7} />
        <PointsFigures memberId={7} />
        <PointsLedger memberId={7} />
      </>,
    );
    await screen.findByTestId('member-points-figures');
    await screen.findAllByTestId('ledger-delta');
  }

  const deltas = () => screen.getAllByTestId('ledger-delta').map((d) => d.textContent);

  it('shows available, pending and the next expiry in the merchant’s time zone, and pages by cursor', async () => {
    await renderPoints();
    expect(screen.getByTestId('member-points').textContent).toBe('30');
    expect(screen.getByTestId('member-points-pending').textContent).toBe('12');
    expect(screen.getByTestId('member-points-expiry').textContent).toContain('8 积分于 2028-01-01 00:00 过期');
    expect(deltas()).toEqual(['-5', '+5', '+5']);
    expect(screen.getByText('订单 #44').closest('a')?.getAttribute('href')).toBe('/orders/44');
    fireEvent.click(screen.getByTestId('ledger-next'));
    await waitFor(() => expect(deltas()).toEqual(['+10', '+20']));
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect((screen.getByTestId('ledger-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('ledger-prev'));
    await waitFor(() => expect(deltas()).toEqual(['-5', '+5', '+5']));
  });

  it('grants with a required reason; the entry is on top at once and the balance follows', async () => {
    await renderPoints();
    fireEvent.click(screen.getByTestId('points-adjust'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('points-adjust-amount'), { target: { value: '120' } });
    fireEvent.click(within(dialog).getByTestId('points-adjust-submit'));
    await within(dialog).findByText('请填写调整原因，会员和其他员工都能看到');
    expect(posts).toHaveLength(0);
    fireEvent.change(within(dialog).getByTestId('points-adjust-reason'), { target: { value: ' 客诉补偿 ' } });
    fireEvent.click(within(dialog).getByTestId('points-adjust-submit'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ delta: 120, reason: '客诉补偿', key: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // Before the ledger's refetch has answered.
    await waitFor(() => expect(deltas()[0]).toBe('+120'));
    expect(screen.getByText('客诉补偿')).toBeTruthy();
    expect(screen.getByTestId('member-points').textContent).toBe('150');
  });

  it('refuses to deduct more than is available before asking the API', async () => {
    await renderPoints();
    fireEvent.click(screen.getByTestId('points-adjust'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('扣减'));
    fireEvent.change(within(dialog).getByTestId('points-adjust-amount'), { target: { value: '31' } });
    fireEvent.change(within(dialog).getByTestId('points-adjust-reason'), { target: { value: '误发' } });
    fireEvent.click(within(dialog).getByTestId('points-adjust-submit'));
    await within(dialog).findByText('最多可扣减 30 积分');
    expect(posts).toHaveLength(0);
  });

  it('has no adjust button for a viewer', async () => {
    permissions.canEdit = false;
    await renderPoints();
    expect(screen.queryByTestId('points-adjust')).toBeNull();
  });
});
