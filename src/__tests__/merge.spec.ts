import { mergeConcurrent } from '../merge';

describe('mergeConcurrent', () => {
  it('keeps the only change when one side changed nothing', () => {
    expect(mergeConcurrent(1, 1, 2)).toBe(2);
    expect(mergeConcurrent(1, 2, 1)).toBe(2);
    expect(mergeConcurrent({ a: 1 }, { a: 1 }, undefined)).toBeUndefined();
    expect(mergeConcurrent({ a: 1 }, undefined, { a: 1 })).toBeUndefined();
  });

  it('merges different fields of one object, at any depth', () => {
    const base = { code: 'STAT-201', week: 3, room: { name: 'A', floor: 1 } };
    const ours = { code: 'STAT-201', room: { name: 'A', floor: 2 } };
    const theirs = { code: 'STAT-202', week: 3, room: { name: 'B', floor: 1 } };
    expect(mergeConcurrent(base, ours, theirs)).toEqual({
      code: 'STAT-202',
      room: { name: 'B', floor: 2 }
    });
    // The same both ways round.
    expect(mergeConcurrent(base, theirs, ours)).toEqual({
      code: 'STAT-202',
      room: { name: 'B', floor: 2 }
    });
  });

  it('keeps fields both added, and theirs where both changed one field', () => {
    expect(mergeConcurrent(undefined, { a: 1, c: 1 }, { b: 2, c: 2 })).toEqual({
      b: 2,
      c: 2,
      a: 1
    });
    expect(mergeConcurrent({ c: 0 }, { c: 1 }, { c: 2 })).toEqual({ c: 2 });
    expect(mergeConcurrent('x', 'ours', 'theirs')).toBe('theirs');
  });

  it('never loses a change to a removal', () => {
    // A key removed on one side, a field of it changed on the other.
    expect(mergeConcurrent({ a: 1 }, undefined, { a: 2 })).toEqual({ a: 2 });
    expect(mergeConcurrent({ a: 1 }, { a: 2 }, undefined)).toEqual({ a: 2 });
    // A field removed on one side, changed on the other.
    expect(mergeConcurrent({ a: 1, b: 1 }, { b: 1 }, { a: 2, b: 1 })).toEqual({
      a: 2,
      b: 1
    });
    // Removed on both sides: removed.
    expect(mergeConcurrent({ a: 1 }, undefined, undefined)).toBeUndefined();
  });

  it('merges arrays and values of different kinds as wholes', () => {
    expect(mergeConcurrent(['a'], ['a', 'b'], ['a', 'c'])).toEqual(['a', 'c']);
    expect(mergeConcurrent({ a: 1 }, [1], { a: 2 })).toEqual({ a: 2 });
    expect(mergeConcurrent({ a: 1 }, { a: 1, b: 2 }, 'text')).toBe('text');
  });

  it('keeps a field named __proto__ as a plain field', () => {
    const base = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    const ours = JSON.parse('{"__proto__": {"x": 2}, "a": 1}');
    const theirs = JSON.parse('{"__proto__": {"x": 1}, "a": 2}');
    const merged = mergeConcurrent(base, ours, theirs) as any;
    expect(Object.keys(merged).sort()).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"x":2},"a":2}');
  });
});
