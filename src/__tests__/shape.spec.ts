import { describeTypes, misshapenAt } from '../shape';
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
