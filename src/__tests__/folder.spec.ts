/**
 * The folder report's pure logic: fixes checked, applied key by key and
 * validated against the sections' schemas; diffs and undo of one file; a
 * notebook's text with only its metadata replaced.
 */
import type { PartialJSONObject } from '@lumino/coreutils';

import { readNotebookText, withMetadataText } from '../folder/notebookfile';
import {
  applyFix,
  checkFix,
  diffMetadata,
  revertKeys,
  stillAsWritten
} from '../folder/plan';
import { createNotebookSection } from '../sections/notebook';
import { SectionRegistry } from '../sections/registry';

const PYTHON = {
  name: 'python3',
  display_name: 'Python 3 (ipykernel)',
  language: 'python'
};

/** The registry's check of writes, with the notebook section. */
function validator() {
  const registry = new SectionRegistry();
  registry.add(createNotebookSection(), 'builtin');
  return registry.validate.bind(registry);
}

describe('checkFix', () => {
  it('refuses formats that do not parse or leave the notebook out', () => {
    expect(checkFix({ kind: 'pair', formats: 'ipynb,py:percent' })).toBeNull();
    expect(checkFix({ kind: 'pair', formats: 'py:percent' })?.message).toMatch(
      /must include the notebook/
    );
    expect(
      checkFix({ kind: 'pair', formats: 'ipynb,nonsense' })
    ).not.toBeNull();
    expect(checkFix({ kind: 'pair', formats: ' ' })).not.toBeNull();
  });

  it('refuses key names that cannot be written, and unkeepable values', () => {
    expect(checkFix({ kind: 'set', field: '', value: 1 })?.message).toBe(
      'A key needs a name.'
    );
    expect(checkFix({ kind: 'set', field: ' a', value: 1 })).not.toBeNull();
    expect(
      checkFix({ kind: 'set', field: '__proto__', value: 1 })
    ).not.toBeNull();
    expect(
      checkFix({ kind: 'set', field: 'a', value: { constructor: 1 } })
    ).not.toBeNull();
    expect(checkFix({ kind: 'set', field: '/toc/n', value: 1 })).toBeNull();
    expect(
      checkFix({ kind: 'rename', from: '/toc/n', to: 'x' })?.message
    ).toMatch(/top-level/);
    expect(checkFix({ kind: 'rename', from: 'a', to: 'a' })).not.toBeNull();
    expect(
      checkFix({ kind: 'kernel', spec: { ...PYTHON, name: '' } })
    ).not.toBeNull();
  });
});

describe('applyFix', () => {
  const before: PartialJSONObject = {
    kernelspec: { name: 'old', display_name: 'Old', env: { A: '1' } },
    jupytext: { formats: 'ipynb,md', notebook_metadata_filter: '-all' },
    course: 'STAT',
    toc: { base_numbering: 1 }
  };

  it("sets the kernel, keeping the kernelspec's other fields and every other key", () => {
    const result = applyFix(before, { kind: 'kernel', spec: PYTHON });
    expect(result.ok && result.keys).toEqual(['kernelspec']);
    expect(result.ok && result.after).toEqual({
      ...before,
      kernelspec: { ...PYTHON, env: { A: '1' } }
    });
    // The input is not changed.
    expect((before.kernelspec as PartialJSONObject).name).toBe('old');
  });

  it('is "same" when the notebook already is as asked', () => {
    const once = applyFix(before, { kind: 'kernel', spec: PYTHON });
    const twice =
      once.ok && applyFix(once.after, { kind: 'kernel', spec: PYTHON });
    expect(twice && twice.ok && twice.keys).toEqual([]);
  });

  it('pairs and unpairs, keeping the other Jupytext options', () => {
    const paired = applyFix(before, {
      kind: 'pair',
      formats: 'ipynb,py:percent'
    });
    expect(paired.ok && paired.after.jupytext).toEqual({
      formats: 'ipynb,py:percent',
      notebook_metadata_filter: '-all'
    });
    const unpaired = applyFix(before, { kind: 'unpair' });
    expect(unpaired.ok && unpaired.after.jupytext).toEqual({
      notebook_metadata_filter: '-all'
    });
    // The only entry removed: the key goes too.
    const only = applyFix(
      { jupytext: { formats: 'ipynb,md' } },
      { kind: 'unpair' }
    );
    expect(only.ok && only.after).toEqual({});
    const none = applyFix({ a: 1 }, { kind: 'unpair' });
    expect(none.ok && none.keys).toEqual([]);
  });

  it('sets, renames and deletes keys and nested fields', () => {
    const set = applyFix(before, {
      kind: 'set',
      field: '/toc/base_numbering',
      value: 3
    });
    expect(set.ok && set.after.toc).toEqual({ base_numbering: 3 });
    expect(set.ok && set.keys).toEqual(['toc']);
    const renamed = applyFix(before, {
      kind: 'rename',
      from: 'course',
      to: 'class'
    });
    expect(renamed.ok && renamed.after.class).toBe('STAT');
    expect(renamed.ok && 'course' in renamed.after).toBe(false);
    expect(renamed.ok && renamed.keys.sort()).toEqual(['class', 'course']);
    const missing = applyFix(before, { kind: 'rename', from: 'nope', to: 'x' });
    expect(missing.ok && missing.keys).toEqual([]);
    const taken = applyFix(before, {
      kind: 'rename',
      from: 'course',
      to: 'toc'
    });
    expect(!taken.ok && taken.problems[0].message).toBe(
      'A key named "%1" already exists.'
    );
    const deleted = applyFix(before, { kind: 'delete', field: 'course' });
    expect(deleted.ok && deleted.keys).toEqual(['course']);
    const through = applyFix(before, {
      kind: 'set',
      field: '/course/x',
      value: 1
    });
    expect(through.ok).toBe(false);
  });

  it("checks the written values against the sections' schemas only", () => {
    const validate = validator();
    const wrong = applyFix(
      before,
      { kind: 'set', field: 'title', value: 5 },
      validate
    );
    expect(!wrong.ok && wrong.problems.map(p => p.args?.[0])).toEqual([
      '/title'
    ]);
    const right = applyFix(
      before,
      { kind: 'set', field: 'title', value: 'T' },
      validate
    );
    expect(right.ok).toBe(true);
    // An invalid value already there blocks nothing else.
    const stored = { ...before, authors: [{ affiliation: 'X' }] };
    const other = applyFix(
      stored,
      { kind: 'set', field: 'title', value: 'T' },
      validate
    );
    expect(other.ok).toBe(true);
  });
});

describe('diffs and undo of one file', () => {
  const before: PartialJSONObject = { a: 1, b: { c: 2 }, d: 'x' };
  const after: PartialJSONObject = { a: 1, b: { c: 3 }, e: true };

  it('lists the changed keys, before and after', () => {
    expect(diffMetadata(before, after)).toEqual([
      { key: 'b', before: { c: 2 }, after: { c: 3 } },
      { key: 'd', before: 'x', after: undefined },
      { key: 'e', before: undefined, after: true }
    ]);
  });

  it('puts back only the changed keys, and only while they hold what was written', () => {
    const keys = ['b', 'd', 'e'];
    const now = { ...after, other: 'kept' };
    expect(stillAsWritten(now, after, keys)).toBe(true);
    expect(revertKeys(now, before, keys)).toEqual({ ...before, other: 'kept' });
    expect(stillAsWritten({ ...after, e: false }, after, keys)).toBe(false);
  });
});

describe("a notebook's text with its metadata replaced", () => {
  const cells = [
    {
      cell_type: 'code',
      metadata: { metadata: 1 },
      source: 'x = "}"',
      outputs: []
    }
  ];

  it('keeps every byte outside the metadata, indented or compact', () => {
    for (const indent of [1, 2, 0]) {
      const nb = {
        cells,
        metadata: { a: 1, s: 'x\\"}' },
        nbformat: 4,
        nbformat_minor: 5
      };
      const text = JSON.stringify(nb, null, indent) + '\n';
      const read = readNotebookText(text);
      if (!read.ok) {
        throw new Error('not read');
      }
      expect(read.metadata).toEqual(nb.metadata);
      const next = withMetadataText(text, read, { a: 2, k: [1, { b: null }] });
      const parsed = JSON.parse(next);
      expect(parsed.metadata).toEqual({ a: 2, k: [1, { b: null }] });
      expect(parsed.cells).toEqual(cells);
      const [start, end] = read.span;
      const reread = readNotebookText(next);
      if (!reread.ok) {
        throw new Error('not read');
      }
      expect(next.slice(0, start)).toBe(text.slice(0, start));
      expect(next.slice(reread.span[1])).toBe(text.slice(end));
      // Written in the file's style: nbformat's indent of 1 is kept.
      expect(next).toBe(
        JSON.stringify(
          { ...nb, metadata: { a: 2, k: [1, { b: null }] } },
          null,
          indent
        ) + '\n'
      );
    }
  });

  it('finds the top-level metadata wherever it is, and the last of duplicates', () => {
    const text =
      '{"metadata": {"a": 1}, "cells": [{"metadata": {}}], "nbformat": 4, "metadata": {"b": 2}}';
    const read = readNotebookText(text);
    expect(read.ok && read.metadata).toEqual({ b: 2 });
    if (read.ok) {
      expect(JSON.parse(withMetadataText(text, read, { c: 3 }))).toEqual({
        metadata: { c: 3 },
        cells: [{ metadata: {} }],
        nbformat: 4
      });
      expect(
        withMetadataText(text, read, { c: 3 }).startsWith(
          '{"metadata": {"a": 1}'
        )
      ).toBe(true);
    }
  });

  it('says why a file is not a notebook', () => {
    const notJSON = readNotebookText('{"cells": [ oops');
    expect(!notJSON.ok && notJSON.problem.message).toMatch(/not valid JSON/);
    const notNotebook = readNotebookText('{"a": 1}');
    expect(!notNotebook.ok && notNotebook.problem.message).toMatch(
      /not a notebook/
    );
    const badMetadata = readNotebookText(
      '{"cells": [], "nbformat": 4, "metadata": []}'
    );
    expect(!badMetadata.ok && badMetadata.problem.message).toMatch(
      /not an object/
    );
  });
});
