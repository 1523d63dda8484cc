import type { CouponTemplateStatus } from '@siyu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../api/client';
import { errorText } from '../../components/PageState';
import { zh } from '../../i18n/zh-CN';

export type StatusAction = 'activate' | 'pause' | 'end';

/** Which moves a template's status allows (the API's: draft → active ⇄ paused → ended; a draft may end too). */
export const STATUS_ACTIONS: Record<CouponTemplateStatus, StatusAction[]> = {
  draft: ['activate', 'end'],
  active: ['pause', 'end'],
  paused: ['activate', 'end'],
  ended: [],
};

export const STATUS_COLORS: Record<string, string> = { draft: 'default', active: 'green', paused: 'orange', ended: 'red' };

export function useTemplate(id: number | null) {
  return useQuery({
    queryKey: ['coupon-template', id],
    queryFn: () => api.GET('/coupon-templates/{id}', { params: { path: { id: id! } } }),
    enabled: id !== null,
  });
}

/** Activate, pause or end a template, after the merchant confirmed it; the list and the template follow. */
export function useStatusChange() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: StatusAction }) => api.POST(`/coupon-templates/{id}/${action}`, { params: { path: { id } } }),
    onSuccess: (tpl, { action }) => {
      queryClient.setQueryData(['coupon-template', tpl.id], tpl);
      void queryClient.invalidateQueries({ queryKey: ['coupon-templates'] });
      message.success(zh.coupons.statusChanged[action]);
    },
    onError: (err, { id }) => {
      message.error(errorText(err));
      // Someone else may have moved it: show where it stands now.
      void queryClient.invalidateQueries({ queryKey: ['coupon-template', id] });
      void queryClient.invalidateQueries({ queryKey: ['coupon-templates'] });
    },
  });
}
