/** The points rules: percent share <-> basis points, the examples, the form <-> body, and the page against a fake API. */
import { PointsRules } from '@siyu/shared';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInConsole } from './render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bpToShare,
  checkoutExample,
  expiryChanged,
  expiryExample,
  formOfRules,
  policyText,
  rulesOfForm,
  shareToBp,
} from '../src/pages/points/points-rules';

const permissions = { role: 'owner' as string, canEdit: true, isOwner: true, timeZone: 'Asia/Shanghai', staffId: 1 };
// A machine shared with other builds: antd's first render can take more than the default second.
configure({ asyncUtilTimeout: 8000 });

vi.mock('../src/auth/session', () => ({ usePermissions: () => permissions }));

const RULES: PointsRules = {
  earning: { pointsPerYuan: 1, maturityDays: 7 },
  expiry: { policy: 'end_of_next_year', days: 365, noticeDays: 30 },
  checkout: { enabled: true, pointsPerYuan: 100, maxShareBp: 5000 },
  refundOfSpentPoints: 'allow_negative',
  tasks: { complete_profile: 20, bind_phone: 50, first_order: 100 },
};

describe('points rules, pure', () => {
  it('reads the share as a percent by digits', () => {
    expect(shareToBp('50')).toBe(5000);
    expect(shareToBp('12.5')).toBe(1250);
    expect(shareToBp('0.01')).toBe(1);
    expect(shareToBp('100')).toBe(10_000);
    expect(shareToBp('100.00')).toBe(10_000);
    expect(shareToBp('33.33')).toBe(3333);
    for (const bad of ['0', '100.01', '101', '1.234', '', 'abc', null, undefined]) expect(shareToBp(bad)).toBeNull();
    for (const bp of [1, 10, 1250, 3333, 5000, 10_000]) expect(shareToBp(bpToShare(bp))).toBe(bp);
  });

  it('round-trips the rules through the form into a body the API’s schema accepts', () => {
    const form = formOfRules(RULES);
    expect(form.checkout.maxSharePercent).toBe('50');
    expect(rulesOfForm(form)).toEqual(RULES);
    const edited = rulesOfForm({ ...form, checkout: { ...form.checkout, maxSharePercent: '12.5' } });
    expect(PointsRules.parse(edited)).toEqual({ ...RULES, checkout: { ...RULES.checkout, maxShareBp: 1250 } });
  });

  it('gives examples the way the API counts', () => {
    expect(checkoutExample(100, 5000)).toEqual({ points: 5000, yuan: '¥50.00' });
    // 10 points to the yuan: whole dimes only. 33.33 % of ¥100 = ¥33.33 -> ¥33.30 = 333 points.
    expect(checkoutExample(10, 3333)).toEqual({ points: 333, yuan: '¥33.30' });
    expect(checkoutExample(null, 5000)).toBeNull();
    expect(expiryExample({ policy: 'end_of_next_year' }, 2026)).toContain('2027-12-31');
    expect(expiryExample({ policy: 'days_after_earning', days: 90 }, 2026)).toContain('90 天');
    expect(policyText({ policy: 'days_after_earning', days: 180, noticeDays: 30 })).toBe('获得后 180 天过期');
    expect(expiryChanged(RULES.expiry, { ...RULES.expiry, noticeDays: 7 })).toBe(false);
    expect(expiryChanged(RULES.expiry, { ...RULES.expiry, days: 10 })).toBe(false);
    expect(expiryChanged(RULES.expiry, { ...RULES.expiry, policy: 'never' })).toBe(true);
    expect(expiryChanged({ ...RULES.expiry, policy: 'days_after_earning' }, { ...RULES.expiry, policy: 'days_after_earning', days: 10 })).toBe(true);
  });
});

describe('the points rules page', () => {
  let puts: unknown[];
  let putAnswer: () => Response;
  beforeEach(() => {
    puts = [];
    putAnswer = () => new Response(JSON.stringify(puts.at(-1)), { status: 200 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.endsWith('/points/rules') && init.method === 'GET') return new Response(JSON.stringify(RULES), { status: 200 });
        if (url.endsWith('/points/rules') && init.method === 'PUT') {
          puts.push(JSON.parse(String(init.body)));
          return putAnswer();
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

  async function renderPage() {
    const { default: PointsRulesPage } = await import('../src/pages/points/PointsRulesPage');
    renderInConsole(<PointsRulesPage />);
    await screen.findByTestId('points-rules-form');
    // The rules arrive after the first render and are set into the form by an effect: wait until they are in it (the
    // worked example is computed from them), or a test may type into a field the loaded value then overwrites.
    await screen.findByTestId('checkout-example', {}, { timeout: 8000 });
  }

  it('states that an expiry change applies to points earned after it, and asks again before saving one', async () => {
    await renderPage();
    expect(screen.getByTestId('expiry-applies-after').textContent).toContain('只对修改之后获得的积分生效');
    expect(screen.getByTestId('checkout-example').textContent).toContain('5000 积分抵扣 ¥50.00');
    fireEvent.click(screen.getByLabelText('获得后 N 天过期'));
    await waitFor(() => expect(screen.getByTestId('expiry-days').closest('.ant-form-item')!.className).not.toContain('ant-form-item-hidden'));
    fireEvent.click(screen.getByTestId('points-rules-save'));
    const confirm = await screen.findByText(/将由“获得次年年底过期”改为“获得后 365 天过期”/);
    expect(confirm.textContent).toContain('已获得的积分仍按原规则过期');
    expect(puts).toHaveLength(0);
    fireEvent.click(screen.getAllByRole('button', { name: /保\s*存/ }).at(-1)!);
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({ ...RULES, expiry: { ...RULES.expiry, policy: 'days_after_earning' } });
  });

  it('puts the API’s field errors beside the fields they name', async () => {
    putAnswer = () =>
      new Response(
        JSON.stringify({
          error: {
            code: 'VALIDATION_FAILED',
            message: 'invalid',
            details: {
              issues: [
                {
                  field: 'earning.pointsPerYuan',
                  code: 'too_big',
                  message: 'Too big: expected number to be <=1000',
                  params: { maximum: 1000, origin: 'number', inclusive: true },
                },
                {
                  field: 'checkout.maxShareBp',
                  code: 'too_small',
                  message: 'Too small: expected number to be >=1',
                  params: { minimum: 1, origin: 'number', inclusive: true },
                },
              ],
            },
          },
        }),
        { status: 400 },
      );
    await renderPage();
    fireEvent.click(screen.getByTestId('points-rules-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    const rateItem = screen.getByTestId('earning-rate').closest('.ant-form-item')!;
    const shareItem = screen.getByTestId('checkout-share').closest('.ant-form-item')!;
    await waitFor(() => expect(rateItem.textContent).toContain('不能大于 1000'));
    expect(shareItem.textContent).toContain('不能小于 1');
  });

  it('checks as the merchant types: no save without a share', async () => {
    await renderPage();
    fireEvent.change(screen.getByTestId('checkout-share'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('points-rules-save'));
    const shareItem = screen.getByTestId('checkout-share').closest('.ant-form-item')!;
    await waitFor(() => expect(shareItem.textContent).toContain('0.01-100'));
    expect(puts).toHaveLength(0);
  });

  it('shows a viewer every field read-only, and the save button disabled saying why', async () => {
    permissions.canEdit = false;
    permissions.role = 'viewer';
    await renderPage();
    expect((screen.getByTestId('earning-rate') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('points-rules-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('points-rules-save').closest('[data-disabled-reason]')?.getAttribute('data-disabled-reason')).toBe('只读账号无法修改');
  });
});
