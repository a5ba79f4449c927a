import { expect, it } from 'vitest';
it('runs in a real browser', () => {
  expect(typeof document.createElement('iframe').sandbox).toBe('object');
});
