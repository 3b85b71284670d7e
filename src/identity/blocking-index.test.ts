import { describe, expect, it } from 'vitest';
import { BlockingIndex } from './blocking-index.js';

describe('BlockingIndex', () => {
  it('finds the members sharing any key, and forgets replaced and deleted keys', () => {
    const index = new BlockingIndex();
    index.set('a', ['k1', 'k2']);
    index.set('b', ['k2']);
    index.set('c', ['k3']);
    expect([...index.candidates(['k2', 'k9'], 10)].sort()).toEqual(['a', 'b']);
    index.set('a', ['k3']);
    expect([...index.candidates(['k1'], 10)]).toEqual([]);
    expect([...index.candidates(['k3'], 10)].sort()).toEqual(['a', 'c']);
    index.delete('c');
    expect([...index.candidates(['k3'], 10)]).toEqual(['a']);
    expect(index.size).toBe(2);
  });

  it('opens the rarest blocks first and stops before a block that would pass the limit', () => {
    const index = new BlockingIndex();
    for (let i = 0; i < 50; i++) index.set(`common${i}`, ['smith']);
    index.set('rare', ['smith', 'born-1815-12-10']);
    const found = index.candidates(['smith', 'born-1815-12-10'], 10);
    expect([...found]).toEqual(['rare']);
  });

  it('takes part of the rarest block when even that one is over the limit', () => {
    const index = new BlockingIndex();
    for (let i = 0; i < 50; i++) index.set(`m${i}`, ['smith']);
    expect(index.candidates(['smith'], 10).size).toBe(10);
  });
});
