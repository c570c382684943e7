import { describeTypes, misshapenAt, objectMemberKeyAt } from '../shape';
import kernelSchema from '../schemas/kernel.json';
import notebookSchema from '../schemas/notebook.json';

const kernelspec = kernelSchema.properties.kernelspec;
const authors = notebookSchema.properties.authors;

describe('misshapenAt', () => {
  it.each([
    ['a string for an object', kernelspec, 'python3', [], ['object']],
    ['null for an object', kernelspec, null, [], ['object']],
    ['a number for a name', kernelspec, { name: 3 }, ['name'], ['string']],
    ['an author that is a string', authors, ['Ada'], ['0'], ['object']],
    [
      'a name inside the second author',
      authors,
      [{ name: 'Ada' }, { name: { first: 'B' } }],
      ['1', 'name'],
      ['string']
    ]
  ])('finds %s', (_, schema, value, path, expected) => {
    expect(misshapenAt(schema, value)).toEqual({ path, expected });
  });

  it.each([
    ['a missing value', kernelspec, undefined],
    ['a value of the right shape', kernelspec, { name: 'python3' }],
    [
      'extra fields of any type where any are allowed',
      kernelspec,
      { name: 'p', argv: ['python'], env: { A: 1 } }
    ],
    ['an invalid but well-shaped value', kernelspec, { name: '' }],
    ['anything, for a schema without type', {}, [1, { a: null }]]
  ])('accepts %s', (_, schema, value) => {
    expect(misshapenAt(schema, value)).toBeNull();
  });
});

describe('describeTypes', () => {
  it('names the types as a reader would', () => {
    expect(describeTypes(['object'])).toBe('an object');
    expect(describeTypes(['string', 'null'])).toBe('a string or null');
  });
});

describe('objectMemberKeyAt', () => {
  it('finds keys named like members of every object, anywhere', () => {
    expect(objectMemberKeyAt({ name: 'p', toString: 1 })).toEqual(['toString']);
    expect(objectMemberKeyAt([{ a: { valueOf: null } }])).toEqual([
      '0',
      'a',
      'valueOf'
    ]);
    expect(objectMemberKeyAt({ env: { hasOwnProperty: 2 } })).toEqual([
      'env',
      'hasOwnProperty'
    ]);
  });

  it('finds nothing in ordinary values', () => {
    for (const value of [null, 'toString', ['valueOf'], { prototype: {} }]) {
      expect(objectMemberKeyAt(value)).toBeNull();
    }
  });
});
