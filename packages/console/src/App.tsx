import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { SessionProvider } from './auth/session';
import { PageState } from './components/PageState';
import { env } from './env';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';

// Each page is its own chunk, loaded when first visited.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage'));
const ProductListPage = lazy(() => import('./pages/products/ProductListPage'));
const ProductEditPage = lazy(() => import('./pages/products/ProductEditPage'));
const CategoriesPage = lazy(() => import('./pages/products/CategoriesPage'));
const OrderListPage = lazy(() => import('./pages/orders/OrderListPage'));
const OrderDetailPage = lazy(() => import('./pages/orders/OrderDetailPage'));
const RefundsPage = lazy(() => import('./pages/orders/RefundsPage'));
const MemberListPage = lazy(() => import('./pages/members/MemberListPage'));
const MemberDetailPage = lazy(() => import('./pages/members/MemberDetailPage'));
const TiersPage = lazy(() => import('./pages/tiers/TiersPage'));
const MemberCardsPage = lazy(() => import('./pages/member-cards/MemberCardsPage'));
const CouponListPage = lazy(() => import('./pages/coupons/CouponListPage'));
const CouponEditPage = lazy(() => import('./pages/coupons/CouponEditPage'));
const CouponDetailPage = lazy(() => import('./pages/coupons/CouponDetailPage'));
const NewMemberPackPage = lazy(() => import('./pages/coupons/NewMemberPackPage'));
const PointsRulesPage = lazy(() => import('./pages/points/PointsRulesPage'));
const CheckInRulesPage = lazy(() => import('./pages/points/CheckInRulesPage'));
const MallItemListPage = lazy(() => import('./pages/mall/MallItemListPage'));
const MallItemEditPage = lazy(() => import('./pages/mall/MallItemEditPage'));
const RedemptionsPage = lazy(() => import('./pages/mall/RedemptionsPage'));
const CounterPage = lazy(() => import('./pages/wallet/CounterPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));
const MessagesPage = lazy(() => import('./pages/messages/MessagesPage'));
const InvitationsPage = lazy(() => import('./pages/invitations/InvitationsPage'));
const DistributionPage = lazy(() => import('./pages/distribution/DistributionPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Ask again only when the server or the network failed, not when it said no.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});

const page = (node: React.ReactNode) => <Suspense fallback={<PageState loading />}>{node}</Suspense>;

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: page(<DashboardPage />) },
        { path: 'products', element: page(<ProductListPage />) },
        { path: 'products/new', element: page(<ProductEditPage />) },
        { path: 'products/:id', element: page(<ProductEditPage />) },
        { path: 'categories', element: page(<CategoriesPage />) },
        { path: 'orders', element: page(<OrderListPage />) },
        { path: 'orders/:id', element: page(<OrderDetailPage />) },
        { path: 'refunds', element: page(<RefundsPage />) },
        { path: 'members', element: page(<MemberListPage />) },
        { path: 'members/:id', element: page(<MemberDetailPage />) },
        { path: 'tiers', element: page(<TiersPage />) },
        { path: 'member-cards', element: page(<MemberCardsPage />) },
        { path: 'coupons', element: page(<CouponListPage />) },
        { path: 'coupons/new', element: page(<CouponEditPage />) },
        { path: 'coupons/new-member-pack', element: page(<NewMemberPackPage />) },
        { path: 'coupons/:id', element: page(<CouponDetailPage />) },
        { path: 'coupons/:id/edit', element: page(<CouponEditPage />) },
        { path: 'points/rules', element: page(<PointsRulesPage />) },
        { path: 'invitations', element: page(<InvitationsPage />) },
        { path: 'points/check-in', element: page(<CheckInRulesPage />) },
        { path: 'points/mall', element: page(<MallItemListPage />) },
        { path: 'wallet', element: page(<CounterPage />) },
        { path: 'points/mall/new', element: page(<MallItemEditPage />) },
        { path: 'points/mall/:id/edit', element: page(<MallItemEditPage />) },
        { path: 'points/redemptions', element: page(<RedemptionsPage />) },
        { path: 'settings', element: page(<SettingsPage />) },
        { path: 'messages', element: page(<MessagesPage />) },
        { path: 'analytics', element: page(<AnalyticsPage />) },
        { path: 'distribution', element: page(<DistributionPage />) },
        { path: '*', element: <Navigate to='/' replace /> },
      ],
    },
  ],
  { basename: env.basename },
);

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
