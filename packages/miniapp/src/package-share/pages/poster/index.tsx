import type { ProductDetail } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro, { useReady, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { TARGET } from '../../../env';
import { BottomSheet } from '../../../components/bottom-sheet';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/package-share';
import { priceRangeText } from '../../../lib/format';
import { idParam, ROUTES } from '../../../lib/routes';
import { POSTER_HEIGHT, POSTER_WIDTH, type PosterData } from '../../poster-draw';
import { NEEDS_CANVAS_ELEMENT, renderPoster, savePoster } from '../../poster-render';
import './index.css';

const CANVAS_ID = 'share-poster-canvas';

/** The product's path for another shopper, with the share id the server issued (decision 034). */
function sharedPath(productId: number, shareId: string | null): string {
  return `${ROUTES.product(productId)}${shareId ? `&s=${shareId}` : ''}`;
}

function posterData(product: ProductDetail, shareId: string | null): PosterData {
  const path = sharedPath(product.id, shareId);
  const h5 = TARGET === 'h5';
  return {
    title: product.title,
    price: product.minPriceFen === product.maxPriceFen ? formatYuan(product.minPriceFen) : priceRangeText(product.minPriceFen, product.maxPriceFen),
    shopName: t.app.name,
    link: h5 ? `${window.location.origin}${window.location.pathname}#${path}` : path.replace(/^\//, ''),
    hint: h5 ? t.poster.hintH5 : t.poster.hintMini,
  };
}

type State = { step: 'drawing' } | { step: 'error' } | { step: 'ready'; src: string; link: string };

/**
 * 生成海报 from the product page: the poster drawn on a canvas (Canvas type="2d" on the mini-programs, a canvas element on
 * H5) and shown in a sheet with 保存到相册 (H5: a download, or a long press on the image). A sub-package page: the
 * drawing code stays out of the main package.
 */
export default function PosterPage() {
  const id = idParam(useRouter().params.id);
  const [state, setState] = useState<State>({ step: 'drawing' });
  const [saving, setSaving] = useState(false);

  const draw = async () => {
    if (id === null) {
      setState({ step: 'error' });
      return;
    }
    setState({ step: 'drawing' });
    try {
      const product = await api.product(id);
      // The share id, then its code (the platform's mini-program code); a poster without them still shows the way in.
      const share = await api.issueShare({ kind: 'product', targetId: product.id, channel: 'poster' }).catch(() => null);
      const code = share ? await api.shareCode(share.shareId).catch(() => null) : null;
      const data = posterData(product, share?.shareId ?? null);
      const src = await renderPoster(CANVAS_ID, product.coverUrl ?? null, data, code?.image ?? null);
      setState({ step: 'ready', src, link: data.link });
    } catch {
      setState({ step: 'error' });
    }
  };
  // The canvas node exists once the page is ready.
  useReady(() => void draw());

  const close = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: id ? ROUTES.product(id) : ROUTES.home });
  };

  const save = async () => {
    if (state.step !== 'ready' || saving) return;
    setSaving(true);
    try {
      const how = await savePoster(state.src);
      void Taro.showToast({ title: how === 'saved' ? t.poster.saved : t.poster.downloaded, icon: 'success' });
    } catch {
      // Most often the shopper refused the album permission: say where to allow it.
      void Taro.showToast({ title: t.poster.saveFailed, icon: 'none', duration: 3000 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='page poster-page'>
      {NEEDS_CANVAS_ELEMENT ? (
        <Canvas type='2d' id={CANVAS_ID} className='poster-canvas' style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }} />
      ) : null}
      <BottomSheet
        open
        title={t.poster.title}
        onClose={close}
        className='poster-sheet js-poster-sheet'
        footer={
          <Button className={`primary-button poster-save js-poster-save${state.step === 'ready' ? '' : ' is-disabled'}`} onClick={() => void save()}>
            <Text>{t.poster.save}</Text>
          </Button>
        }
      >
        {state.step === 'drawing' ? <View className='poster-frame poster-drawing js-poster-drawing'>{t.poster.drawing}</View> : null}
        {state.step === 'error' ? <LoadError onRetry={() => void draw()} /> : null}
        {state.step === 'ready' ? (
          <View className='poster-frame'>
            <Image className='poster-image js-poster-image' src={state.src} mode='aspectFit' showMenuByLongpress />
            {/* The way in as text too, to copy. */}
            <Text className='muted poster-link js-poster-link' userSelect>
              {state.link}
            </Text>
            {TARGET === 'h5' ? <Text className='muted poster-hint'>{t.poster.longPressHint}</Text> : null}
          </View>
        ) : null}
      </BottomSheet>
    </View>
  );
}
