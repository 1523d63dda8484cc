import type { MemberCode } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { memberCode as mc } from '../../../i18n/package-wallet';
import './index.css';

/** The member code (会员码): a fresh code every minute, shown large for staff to type or scan at the counter. */
export default function MemberCodePage() {
  const [code, setCode] = useState<MemberCode | null>(null);
  const [failed, setFailed] = useState(false);
  const [left, setLeft] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const load = useCallback(async () => {
    try {
      const c = await api.memberCode();
      setCode(c);
      setFailed(false);
      setLeft(c.refreshSeconds);
    } catch {
      setFailed(true);
    }
  }, []);

  useDidShow(() => {
    void load();
    if (timer.current) clearInterval(timer.current);
    timer.current = setInterval(() => setLeft((s) => s - 1), 1000);
  });
  useDidHide(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  });
  useEffect(() => {
    if (code && left <= 0) void load();
  }, [left, code, load]);

  const groups = code ? code.code.match(/.{1,6}/g)!.join(' ') : '';
  return (
    <View className='page member-code-page'>
      <View className='card member-code-card'>
        <Text className='muted member-code-hint'>{mc.hint}</Text>
        {code ? (
          <>
            <View className='member-code-frame' ariaLabel={code.code}>
              <Text className='member-code-badge'>{mc.title}</Text>
            </View>
            <Text className='member-code-text js-member-code'>{groups}</Text>
            <Text className='muted member-code-refresh js-member-code-refresh'>{mc.refreshIn(Math.max(0, left))}</Text>
          </>
        ) : failed ? (
          <Text className='muted'>{mc.loadFailed}</Text>
        ) : null}
        <Button className='plain-button member-code-button js-member-code-reload' onClick={() => void load()}>
          {mc.refresh}
        </Button>
        <Text className='muted member-code-safety'>{mc.safety}</Text>
      </View>
    </View>
  );
}
