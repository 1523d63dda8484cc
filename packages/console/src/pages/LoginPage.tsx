import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { errorText } from '../components/PageState';
import { zh } from '../i18n/zh-CN';

/**
 * The login form: the login page itself, and the overlay shown when a session expires mid-work. It only asks for both
 * fields before sending: the first page loads no schema library (every other form checks with the contract's schemas).
 */
export function LoginForm({ onDone, expired }: { onDone?: () => void; expired?: boolean }) {
  const { login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Card style={{ width: 380 }} className='login-card'>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {expired ? zh.login.expiredTitle : zh.login.title}
      </Typography.Title>
      <Typography.Paragraph type='secondary'>{expired ? zh.login.expiredHint : zh.login.subtitle}</Typography.Paragraph>
      {error && <Alert type='error' showIcon message={error} style={{ marginBottom: 16 }} data-testid='login-error' />}
      <Form
        layout='vertical'
        requiredMark={false}
        onFinish={async (values: { username: string; password: string }) => {
          setBusy(true);
          setError(null);
          try {
            await login(values.username.trim(), values.password);
            onDone?.();
          } catch (err) {
            setError(errorText(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name='username' label={zh.login.username} rules={[{ required: true, message: zh.login.usernameRequired }]}>
          <Input prefix={<UserOutlined />} autoComplete='username' />
        </Form.Item>
        <Form.Item name='password' label={zh.login.password} rules={[{ required: true, message: zh.login.passwordRequired }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete='current-password' />
        </Form.Item>
        <Button type='primary' htmlType='submit' block loading={busy} data-testid='login-submit'>
          {zh.login.submit}
        </Button>
      </Form>
    </Card>
  );
}

export function LoginPage() {
  const { status } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (status === 'authenticated') return <Navigate to={target} replace />;
  return (
    <div className='login-shell'>
      <div>
        <Typography.Title level={2} style={{ textAlign: 'center' }}>
          {zh.appName}
        </Typography.Title>
        <LoginForm onDone={() => navigate(target, { replace: true })} />
      </div>
    </div>
  );
}
