import { fenToYuanString } from '@siyu/shared/money';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { MoneyInput, parseYuan } from '../src/components/MoneyInput';
import { yuan } from '../src/lib/format';

function Harness({ initial = null as number | null, onValue = (_: number | null) => {} }) {
  const [fen, setFen] = useState<number | null>(initial);
  return (
    <>
      <MoneyInput
        aria-label='price'
        value={fen}
        onChange={(v) => {
          setFen(v);
          onValue(v);
        }}
      />
      <output data-testid='fen'>{fen === null ? 'null' : String(fen)}</output>
    </>
  );
}

describe('MoneyInput: yuan on screen, fen in the form', () => {
  it.each([
    ['228.00', 22800],
    ['228', 22800],
    ['19.99', 1999],
    ['0.1', 10],
    ['0.2', 20],
    ['0.07', 7],
    ['1234567.89', 123456789],
    ['0', 0],
  ])('typing %s gives %d fen exactly', async (typed, fen) => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('price'), typed);
    expect(screen.getByTestId('fen').textContent).toBe(String(fen));
  });

  it('adds 0.1 and 0.2 yuan to exactly 0.30 (no floating-point drift)', () => {
    const a = parseYuan('0.1')!;
    const b = parseYuan('0.2')!;
    expect(a + b).toBe(30);
    expect(fenToYuanString(a + b)).toBe('0.30');
    // The float way would not: 0.1 + 0.2 = 0.30000000000000004, and 19.99 * 100 = 1998.9999999999998.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(parseYuan('19.99')).toBe(1999);
    expect(yuan(parseYuan('1234567.89'))).toBe('¥1,234,567.89');
  });

  it('shows fen as yuan with two decimals and normalises on blur', async () => {
    render(<Harness initial={22800} />);
    const input = screen.getByLabelText('price') as HTMLInputElement;
    expect(input.value).toBe('228.00');
    await userEvent.clear(input);
    await userEvent.type(input, '12.5');
    expect(screen.getByTestId('fen').textContent).toBe('1250');
    fireEvent.blur(input);
    expect(input.value).toBe('12.50');
  });

  it('keeps a trailing dot while typing and refuses a third decimal or letters', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('price') as HTMLInputElement;
    await userEvent.type(input, '12.');
    expect(input.value).toBe('12.');
    expect(screen.getByTestId('fen').textContent).toBe('1200');
    await userEvent.type(input, '345');
    expect(input.value).toBe('12.34');
    expect(screen.getByTestId('fen').textContent).toBe('1234');
    await userEvent.type(input, 'abc-');
    expect(input.value).toBe('12.34');
  });

  it('is empty (null) when cleared, and follows a value set from outside', async () => {
    const { rerender } = render(<MoneyInput aria-label='p' value={1999} />);
    expect((screen.getByLabelText('p') as HTMLInputElement).value).toBe('19.99');
    rerender(<MoneyInput aria-label='p' value={5} />);
    expect((screen.getByLabelText('p') as HTMLInputElement).value).toBe('0.05');
    rerender(<MoneyInput aria-label='p' value={null} />);
    expect((screen.getByLabelText('p') as HTMLInputElement).value).toBe('');
    render(<Harness initial={100} />);
    await userEvent.clear(screen.getByLabelText('price'));
    expect(screen.getByTestId('fen').textContent).toBe('null');
  });

  it('accepts the full-width stop of a Chinese keyboard', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('price'), '9。9');
    expect(screen.getByTestId('fen').textContent).toBe('990');
  });
});
