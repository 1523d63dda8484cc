import { BoldOutlined, ClearOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { zh } from '../i18n/zh-CN';

/**
 * The product description: formatted text (bold, italic, headings, lists) stored as simple HTML, which the
 * mini-program renders with its rich-text component.
 */
export function RichTextEditor({ value = '', onChange, disabled }: { value?: string; onChange?: (html: string) => void; disabled?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // Only outside changes are written into the editor; what the merchant types stays where the caret is.
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== value) ref.current.innerHTML = value;
  }, [value]);
  const run = (command: string, arg?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, arg);
    onChange?.(ref.current?.innerHTML ?? '');
  };
  const tools = [
    { key: 'bold', icon: <BoldOutlined />, title: zh.products.editor.bold, run: () => run('bold') },
    { key: 'italic', icon: <ItalicOutlined />, title: zh.products.editor.italic, run: () => run('italic') },
    { key: 'h3', icon: <span style={{ fontWeight: 700 }}>H</span>, title: zh.products.editor.heading, run: () => run('formatBlock', 'h3') },
    { key: 'ul', icon: <UnorderedListOutlined />, title: zh.products.editor.bullet, run: () => run('insertUnorderedList') },
    { key: 'ol', icon: <OrderedListOutlined />, title: zh.products.editor.bullet, run: () => run('insertOrderedList') },
    { key: 'clear', icon: <ClearOutlined />, title: zh.products.editor.clear, run: () => run('removeFormat') },
  ];
  return (
    <div>
      {!disabled && (
        <Space size={4} style={{ marginBottom: 6 }}>
          {tools.map((t) => (
            <Tooltip key={t.key} title={t.title}>
              <Button size='small' icon={t.icon} onMouseDown={(e) => e.preventDefault()} onClick={t.run} aria-label={t.title} />
            </Tooltip>
          ))}
        </Space>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a contentEditable region is the editor; a textarea cannot hold formatting. */}
      <div
        ref={ref}
        role='textbox'
        aria-multiline='true'
        tabIndex={0}
        className='rich-editor'
        data-testid='rich-editor'
        data-placeholder={zh.products.editor.placeholder}
        contentEditable={!disabled}
        suppressContentEditableWarning
        onInput={() => onChange?.(ref.current?.innerHTML ?? '')}
      />
    </div>
  );
}
