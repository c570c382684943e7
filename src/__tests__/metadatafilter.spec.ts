/**
 * What a paired text file keeps of the notebook metadata: every case of
 * `data/jupytext-filters.json` (a `notebook_metadata_filter` with the
 * metadata Jupytext 1.19.6 keeps under it, and the header it really writes
 * in a `py:percent` script; from `scripts/jupytext-parity/filters.py`) goes
 * through `src/jupytext/metadatafilter.ts`; and the filter that keeps a key
 * keeps it, and changes nothing else.
 */
import {
  filterKeeping,
  type Kept,
  keptKeys,
  parseMetadataFilter,
  textFileMetadata
} from '../jupytext/metadatafilter';

import data from './data/jupytext-filters.json';

type Metadata = Record<string, unknown>;

interface ICase {
  metadata: Metadata;
  filter: unknown;
  kept: Metadata;
  header: Metadata;
}

const cases = (data as { cases: ICase[] }).cases;

/** The metadata with another filter of its own. */
function withFilter(metadata: Metadata, filter: unknown): Metadata {
  const jupytext = { ...(metadata.jupytext as Metadata) };
  jupytext.notebook_metadata_filter = filter;
  return { ...metadata, jupytext };
}

describe("the text file's metadata, as Jupytext keeps it", () => {
  it.each(cases.map(c => [JSON.stringify(c.filter) ?? 'no filter', c]))(
    '%s',
    (_, c) => {
      const { metadata, filter, kept, header } = c as ICase;
      expect(textFileMetadata(metadata, filter)).toEqual(kept);
      const keys = keptKeys(metadata, filter)!;
      expect(Object.keys(keys).sort()).toEqual(Object.keys(metadata).sort());
      for (const [key, status] of Object.entries(keys)) {
        if (key === 'jupytext') {
          // Jupytext writes its own record and filter there.
          expect(key in header).toBe(status !== 'dropped');
          continue;
        }
        const inHeader = key in header;
        const expected: Kept[] = !inHeader
          ? ['dropped', 'unsupported']
          : JSON.stringify(header[key]) === JSON.stringify(metadata[key])
            ? ['kept']
            : ['partly'];
        expect([key, expected]).toEqual([
          key,
          expect.arrayContaining([status])
        ]);
      }
    }
  );

  it('says which key names Jupytext cannot write', () => {
    expect(keptKeys({ 'key with space': 1, ok: 2 }, 'all')).toEqual({
      'key with space': 'unsupported',
      ok: 'kept'
    });
  });

  it('reads what Jupytext cannot as null', () => {
    expect(parseMetadataFilter(3)).toBeNull();
    expect(parseMetadataFilter(['title'])).toBeNull();
    expect(parseMetadataFilter({ additional: 'title' })).toBeNull();
    expect(parseMetadataFilter({ other: [] })).toBeNull();
    expect(textFileMetadata({ a: 1 }, 3)).toBeNull();
    expect(filterKeeping(3, ['a'])).toBeNull();
  });
});

describe('the filter that keeps a key', () => {
  const examples: Array<[unknown, string[], string]> = [
    [undefined, ['course'], 'course'],
    ['', ['course'], 'course'],
    ['title', ['course'], 'title,course'],
    [
      ' title , -widgets ',
      ['course', 'authors'],
      'title,-widgets,course,authors'
    ],
    ['-course', ['course'], 'course'],
    ['-course.term,title', ['course'], 'title,course'],
    ['course.code', ['course'], 'course'],
    ['all,-course', ['course'], 'all'],
    ['all,-widgets', ['course'], 'all,-widgets'],
    ['-all', ['title'], '-all,title'],
    ['+title', ['title'], '+title'],
    [true, ['course'], 'all'],
    [false, ['course'], '-all,course'],
    [
      { additional: 'all', excluded: ['course', 'widgets'] },
      ['course'],
      'all,-widgets'
    ],
    [{ additional: ['title'] }, ['course'], 'title,course']
  ];
  it.each(examples)('%j, keeping %j: %j', (filter, keys, expected) => {
    expect(filterKeeping(filter, keys)).toBe(expected);
  });

  it.each(cases.map(c => [JSON.stringify(c.filter) ?? 'no filter', c]))(
    'from %s, keeps each key whole and changes nothing else',
    (_, c) => {
      const { metadata, filter } = c as ICase;
      const before = keptKeys(metadata, filter)!;
      for (const [key, status] of Object.entries(before)) {
        if (status === 'kept' || status === 'unsupported') {
          continue;
        }
        const next = filterKeeping(filter, [key])!;
        const after = keptKeys(withFilter(metadata, next), next)!;
        expect([key, next, after[key]]).toEqual([key, next, 'kept']);
        for (const other of Object.keys(before)) {
          if (other !== key && other !== 'jupytext') {
            expect([key, next, other, after[other]]).toEqual([
              key,
              next,
              other,
              before[other]
            ]);
          }
        }
      }
    }
  );
});
