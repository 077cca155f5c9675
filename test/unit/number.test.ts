import { describe, expect, it } from 'vitest';
import { parseCellInput, displayValue } from '../../src/model/number';
import type { CellKind } from '../../src/format/definition';

const count: CellKind = { type: 'count' };
const signed: CellKind = { type: 'signed' };
const amount: CellKind = { type: 'amount', unit: '万元', maxDecimals: 4 };
const beijingAmount: CellKind = { type: 'amount', unit: '万元', maxDecimals: 4, exactDecimals: 4 };

describe('cell input parsing', () => {
  it.each([
    ['123', count, '123', []],
    ['１２３', count, '123', ['fullWidth']],
    ['1,092', count, '1092', ['thousands']],
    ['1，092', count, '1092', ['fullWidth', 'thousands']],
    ['  12 ', count, '12', []],
    ['1 092', count, '1092', ['spaces']],
    ['12件', count, '12', ['unit']],
    ['４８条', count, '48', ['fullWidth', 'unit']],
    ['007', count, '7', ['leadingZeros']],
    ['+214', signed, '214', []],
    ['＋214', signed, '214', ['fullWidth']],
    ['-3', signed, '-3', []],
    ['−3', signed, '-3', ['fullWidth']],
    ['－3', signed, '-3', ['fullWidth']],
    ['+4,448', signed, '4448', ['thousands']],
    ['-0', signed, '0', []],
    ['32,694.3253', amount, '32694.3253', ['thousands']],
    ['491.28万元', amount, '491.28', ['unit']],
    ['491.28', beijingAmount, '491.2800', ['paddedDecimals']],
    ['1932.5830', beijingAmount, '1932.5830', []],
    ['０', count, '0', ['fullWidth']],
  ] as const)('%s in a %o cell is %s', (input, kind, value, changes) => {
    const r = parseCellInput(input, kind);
    expect(r).toEqual({ ok: true, value, changes: [...changes] });
  });

  it('keeps blank as blank, not zero', () => {
    expect(parseCellInput('', count)).toEqual({ ok: true, value: '', changes: [] });
    expect(parseCellInput('　', count)).toEqual({ ok: true, value: '', changes: [] });
  });

  it.each([
    ['abc', count, 'notANumber'],
    ['十二', count, 'notANumber'],
    ['/', count, 'notANumber'],
    ['-3', count, 'signNotAllowed'],
    ['+3', count, 'signNotAllowed'],
    ['1.5', count, 'notInteger'],
    ['2.0', signed, 'notInteger'],
    ['1.23456', amount, 'tooManyDecimals'],
    ['10,92', count, 'badSeparators'],
    ['1,0920', count, 'badSeparators'],
    ['251000元', amount, 'wrongUnit'],
    ['12元', count, 'wrongUnit'],
    ['1'.repeat(41), count, 'tooLong'],
    ['1 2 3 4x', count, 'notANumber'],
  ] as const)('refuses %s in a %o cell: %s', (input, kind, problem) => {
    expect(parseCellInput(input, kind)).toEqual({ ok: false, problem });
  });

  it('prints a positive change with its sign', () => {
    expect(displayValue('214', signed)).toBe('+214');
    expect(displayValue('0', signed)).toBe('0');
    expect(displayValue('-3', signed)).toBe('-3');
    expect(displayValue('214', count)).toBe('214');
  });
});
