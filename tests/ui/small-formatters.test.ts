import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/ui/cell/format-duration.ts';
import { hiddenSummary } from '../../src/ui/cell/hidden-summary.ts';
import { formatValue } from '../../src/ui/output/Table.tsx';

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(0.2)).toBe('<1 ms');
    expect(formatDuration(42.4)).toBe('42 ms');
    expect(formatDuration(840)).toBe('0.8 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});

describe('hiddenSummary', () => {
  it('uses the first comment, else the first line, with the number of lines', () => {
    expect(hiddenSummary('// Load the data\nconst X = loadIris()')).toBe('Load the data (2 lines hidden)');
    expect(hiddenSummary('const X = loadIris()')).toBe('const X = loadIris() (1 line hidden)');
    expect(hiddenSummary('')).toBe('Hidden cell (empty)');
    expect(hiddenSummary('x'.repeat(100))).toMatch(/^x{71}… \(1 line hidden\)$/);
  });
});

describe('formatValue', () => {
  it('shows numbers to 6 significant digits and null as a dash', () => {
    expect(formatValue(1 / 3)).toBe('0.333333');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(null)).toBe('–');
    expect(formatValue(true)).toBe('true');
  });
});
