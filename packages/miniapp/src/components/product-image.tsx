import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';

/**
 * A product image that loads lazily and never shows a broken-image icon: until it loads, or if it fails, a soft
 * placeholder with the product's initial stands in its frame (sized by `className`).
 */
export function ProductImage(props: ProductImageProps) {
  // A new address starts over (loading, then loaded or failed), not with the last one's state.
  return <ImageInFrame key={props.src ?? ''} {...props} />;
}

interface ProductImageProps {
  src: string | null;
  title: string;
  className?: string;
}

function ImageInFrame({ src, title, className = '' }: ProductImageProps) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>(src ? 'loading' : 'failed');
  return (
    <View className={`image-frame ${className}${state === 'failed' ? ' is-failed' : ''}`}>
      {state === 'loaded' ? null : (
        <View className='image-frame-placeholder js-image-placeholder'>
          <Text>{title.slice(0, 1)}</Text>
        </View>
      )}
      {src ? (
        <Image
          className='image-frame-image'
          src={src}
          mode='aspectFill'
          lazyLoad
          onLoad={() => setState('loaded')}
          onError={() => setState('failed')}
        />
      ) : null}
    </View>
  );
}
