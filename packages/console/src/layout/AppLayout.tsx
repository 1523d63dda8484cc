import {
  AppstoreOutlined,
  BarChartOutlined,
  DashboardOutlined,
  GiftOutlined,
  LogoutOutlined,
  RollbackOutlined,
  SettingOutlined,
  ShareAltOutlined,
  StarOutlined,
  ShoppingOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Layout, Menu, type MenuProps, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { zh } from '../i18n/zh-CN';
import { LoginForm } from '../pages/LoginPage';

interface MenuEntry {
  key: string;
  icon?: React.ReactNode;
  label: string;
  children?: MenuEntry[];
}

const MENU: MenuEntry[] = [
  { key: '/', icon: <DashboardOutlined />, label: zh.nav.dashboard },
  { key: '/analytics', icon: <BarChartOutlined />, label: zh.nav.analytics },
  { key: '/products', icon: <AppstoreOutlined />, label: zh.nav.productList },
  { key: '/categories', icon: <TagsOutlined />, label: zh.nav.categories },
  { key: '/orders', icon: <ShoppingOutlined />, label: zh.nav.orders },
  { key: '/refunds', icon: <RollbackOutlined />, label: zh.nav.refunds },
  {
    key: 'members',
    icon: <TeamOutlined />,
    label: zh.nav.members,
    children: [
      { key: '/members', label: zh.tiers.memberList },
      { key: '/tiers', label: zh.tiers.menu },
      { key: '/member-cards', label: zh.memberCards.menu },
    ],
  },
  {
    key: 'marketing',
    icon: <GiftOutlined />,
    label: zh.nav.marketing,
    children: [
      { key: '/coupons', label: zh.nav.coupons },
      { key: '/coupons/new-member-pack', label: zh.nav.newMemberPack },
      { key: '/messages', label: zh.nav.messages },
      { key: '/invitations', label: zh.invitations.nav },
    ],
  },
  {
    key: 'points',
    icon: <StarOutlined />,
    label: zh.points.navGroup,
    children: [
      { key: '/points/rules', label: zh.points.navRules },
      { key: '/points/check-in', label: zh.settings.tabCheckIn },
      { key: '/points/mall', label: zh.mall.navItems },
      { key: '/points/redemptions', label: zh.mall.navRedemptions },
    ],
  },
  { key: '/distribution', icon: <ShareAltOutlined />, label: zh.distribution.nav },
  { key: '/wallet', icon: <StarOutlined />, label: zh.wallet.nav },
  { key: '/settings', icon: <SettingOutlined />, label: zh.nav.settings },
];

/** Every page the menu leads to (groups opened). */
const MENU_PAGES = MENU.flatMap((m) => m.children ?? [m]);

function selectedKey(pathname: string): string {
  const match = MENU_PAGES.filter((m) => m.key !== '/' && pathname.startsWith(m.key)).sort((a, b) => b.key.length - a.key.length)[0];
  return match?.key ?? '/';
}

/**
 * The signed-in shell: menu, who is logged in, and the page. Not logged in: the login page, remembering where the
 * merchant was going. A session that expires while a page is open: the login form over the page, which stays
 * mounted underneath (what was typed is kept) and is where the merchant is when logged in again.
 */
export function AppLayout() {
  const { status, me, expired, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (status === 'loading') {
    return (
      <div className='login-shell'>
        <Spin size='large' />
      </div>
    );
  }
  if (status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  const role = me!.staff.role;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme='light' breakpoint='lg' collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            padding: '0 20px',
            fontWeight: 600,
            fontSize: 16,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {zh.appName}
        </div>
        <Menu
          mode='inline'
          selectedKeys={[selectedKey(location.pathname)]}
          defaultOpenKeys={['members', 'marketing', 'points']}
          items={MENU as MenuProps['items']}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size='middle'>
            <Typography.Text className='nowrap' data-testid='current-staff'>
              {me!.staff.displayName}
              {/* The role once: a viewer's (只读) in orange, its reason on hover. */}
              {role === 'viewer' ? (
                <Tooltip title={zh.common.readOnly}>
                  <Tag color='orange' style={{ marginLeft: 8 }} data-testid='role-tag'>
                    {zh.roles[role]}
                  </Tag>
                </Tooltip>
              ) : (
                <Tag style={{ marginLeft: 8 }} data-testid='role-tag'>
                  {zh.roles[role]}
                </Tag>
              )}
            </Typography.Text>
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              {zh.nav.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          {role === 'viewer' && (
            <Alert type='info' showIcon message={zh.common.readOnly} style={{ marginBottom: 16 }} data-testid='read-only-banner' />
          )}
          <Outlet />
        </Layout.Content>
      </Layout>
      {expired && (
        <div className='login-overlay' data-testid='session-expired'>
          <LoginForm expired />
        </div>
      )}
    </Layout>
  );
}
