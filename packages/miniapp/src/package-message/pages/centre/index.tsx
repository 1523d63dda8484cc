import type { InboxMessage } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-message';
import { formatDateTime } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-paged-list';
import './index.css';

const PAGE_SIZE = 20;

/**
 * 消息中心 (站内信): every message the shop sent the member, newest first, including those the platform could not
 * deliver. Unread ones carry a dot; opening one marks it read and goes to the page it is about.
 */
export default function MessageCentrePage() {
  const [unread, setUnread] = useState(0);
  const list = usePagedList<InboxMessage>(
    'messages',
    async (page, pageSize) => {
      const p = await api.messages({ page, pageSize });
      setUnread(p.unread);
      return { items: p.items, total: p.total };
    },
    PAGE_SIZE,
  );
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => list.loadMore());

  const open = async (m: InboxMessage) => {
    if (m.readAt === null) {
      try {
        await api.readMessage(m.id, newIdempotencyKey());
        void list.refresh();
      } catch {
        void Taro.showToast({ title: t.messages.failed, icon: 'none' });
      }
    }
    if (m.page) void Taro.navigateTo({ url: `/${m.page.replace(/^\//, '')}` });
  };

  const readAll = async () => {
    try {
      await api.readAllMessages(newIdempotencyKey());
      await list.refresh();
    } catch {
      void Taro.showToast({ title: t.messages.failed, icon: 'none' });
    }
  };

  return (
    <View className='page message-centre'>
      {!list.loaded ? list.error ? <LoadError onRetry={list.reload} /> : <View className='state-line'>…</View> : null}
      {list.loaded && list.items.length === 0 ? (
        <View className='message-empty js-messages-empty'>
          <Text className='message-empty-text'>{t.messages.empty}</Text>
          <Text className='muted message-empty-hint'>{t.messages.emptyHint}</Text>
        </View>
      ) : null}
      {list.loaded && unread > 0 ? (
        <View className='row message-toolbar'>
          <Text className='muted message-unread-count js-messages-unread'>{`${t.messages.unread} ${unread}`}</Text>
          <Button className='plain-button message-read-all js-messages-read-all' onClick={() => void readAll()}>
            <Text>{t.messages.readAll}</Text>
          </Button>
        </View>
      ) : null}
      {list.items.map((m) => (
        <View
          key={m.id}
          className={`card message-row js-message js-message-${m.kind}${m.readAt === null ? ' is-unread js-message-unread' : ''}`}
          onClick={() => void open(m)}
        >
          <View className='row message-head'>
            <View className='message-title-wrap'>
              {m.readAt === null ? <View className='message-dot' /> : null}
              <Text className='message-title'>{m.title}</Text>
            </View>
            <Text className='muted message-time'>{formatDateTime(m.createdAt)}</Text>
          </View>
          <Text className='message-body js-message-body'>{m.body}</Text>
          {m.page ? <Text className='muted message-link'>{`${t.messages.view} ›`}</Text> : null}
        </View>
      ))}
    </View>
  );
}
