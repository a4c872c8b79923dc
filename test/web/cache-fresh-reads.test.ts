import { describe, expect, it } from 'vitest';
import { freshReads } from '../../src/web/cache.ts';

/**
 * A read of the change number that answers when the test says, with the number of the snapshot it
 * took when it began (the worst case: a write committed meanwhile is not in it).
 */
function controlledStore() {
  let version = 0;
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () => {
    started++;
    const snapshot = String(version);
    return new Promise<string>((resolve) => pending.push(() => resolve(snapshot)));
  };
  return {
    read,
    write: () => {
      version++;
    },
    answerOne: async () => {
      pending.shift()!();
      // Let the shared promises pass the answer on and the next read begin.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    started: () => started,
  };
}

describe('freshReads', () => {
  it('never gives a caller a read begun before it asked: a write committed before it asked is seen', async () => {
    const store = controlledStore();
    const current = freshReads(store.read);
    const first = current();
    expect(store.started()).toBe(1);
    // A write commits while the first read is on its way (its snapshot may be older), then a request comes.
    store.write();
    const second = current();
    const third = current();
    expect(store.started()).toBe(1);
    await store.answerOne();
    expect(await first).toBe('0');
    // The late callers share one read begun once the first ended, and see the write.
    expect(store.started()).toBe(2);
    await store.answerOne();
    expect(await second).toBe('1');
    expect(await third).toBe('1');
  });

  it('reads once for callers that come while nothing is on its way, and starts again after an error', async () => {
    let n = 0;
    const current = freshReads(async () => {
      n++;
      if (n === 1) throw new Error('connection lost');
      return String(n);
    });
    await expect(current()).rejects.toThrow('connection lost');
    expect(await current()).toBe('2');
    const [a, b] = [current(), current()];
    expect(await a).toBe('3');
    expect(await b).toBe('4');
    expect(n).toBe(4);
  });
});
