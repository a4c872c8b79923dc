import { afterEach, beforeEach, vi } from 'vitest';

// A test that makes the code print an unexpected error or warning fails: quiet tests keep real
// problems visible. Tests that expect output spy on the console themselves.
const calls: string[] = [];
beforeEach(() => {
  calls.length = 0;
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) throw new Error(`Unexpected console output:\n${calls.join('\n')}`);
});
