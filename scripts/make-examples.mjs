/**
 * Write the sample notebooks of examples/ (committed; run again to refresh).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, 'examples');

const python = {
  kernelspec: {
    display_name: 'Python 3 (ipykernel)',
    language: 'python',
    name: 'python3'
  },
  language_info: {
    name: 'python',
    file_extension: '.py',
    mimetype: 'text/x-python'
  }
};

function notebook(metadata, cells) {
  return {
    cells: cells.map((source, index) => ({
      cell_type: source.startsWith('#') ? 'markdown' : 'code',
      id: `cell-${index}`,
      metadata: {},
      source,
      ...(source.startsWith('#') ? {} : { execution_count: null, outputs: [] })
    })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5
  };
}

/** Deterministic pseudo-random metadata of about `bytes` bytes. */
export function largeMetadata(bytes) {
  const records = [];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const record = {
      id: i,
      label: `sample-${next().toString(36)}`,
      values: [next() % 1000, next() % 1000, next() % 1000]
    };
    size += JSON.stringify(record).length + 1;
    records.push(record);
  }
  return records;
}

const files = {
  'paired-with-script.ipynb': notebook(
    { ...python, jupytext: { formats: 'ipynb,py:percent' } },
    [
      '# A notebook paired with a percent script',
      'print("hello from a paired notebook")'
    ]
  ),
  'kernel-not-installed.ipynb': notebook(
    {
      kernelspec: {
        display_name: 'Julia 1.10.4',
        language: 'julia',
        name: 'julia-1.10'
      },
      language_info: { name: 'julia', file_extension: '.jl', version: '1.10.4' }
    },
    [
      '# The kernelspec of this notebook (Julia) is not installed here',
      'println("hello")'
    ]
  ),
  'custom-keys.ipynb': notebook(
    {
      ...python,
      title: 'Week 3: linear models',
      authors: [
        { name: 'Ada Lovelace', affiliation: 'Analytical Engines' },
        { name: 'Alan Turing' }
      ],
      course: { code: 'STAT-201', term: '2026-autumn', week: 3 },
      tags: ['regression', 'homework'],
      grading: { points: 10, autograde: true, due: null }
    },
    ['# Custom metadata keys', 'import math\nmath.pi']
  ),
  'large-metadata.ipynb': notebook(
    {
      ...python,
      dataset: {
        description: 'About 1 MB of metadata',
        records: largeMetadata(1_000_000)
      }
    },
    ['# A notebook with about 1 MB of metadata']
  )
};

fs.mkdirSync(dir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  // The large one compact, so that the file is about as large as its metadata.
  const indent = name.startsWith('large') ? undefined : 1;
  fs.writeFileSync(
    path.join(dir, name),
    JSON.stringify(content, null, indent) + '\n'
  );
}
fs.writeFileSync(
  path.join(dir, 'paired-with-script.py'),
  `# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A notebook paired with a percent script

# %%
print("hello from a paired notebook")
`
);

// A course folder whose Jupytext config pairs every notebook under it.
fs.mkdirSync(path.join(dir, 'course'), { recursive: true });
fs.writeFileSync(
  path.join(dir, 'course', 'jupytext.toml'),
  `# Every notebook of the course is paired with a percent script.
formats = "ipynb,py:percent"
# The scripts keep the title, too.
notebook_metadata_filter = "title"
`
);
fs.writeFileSync(
  path.join(dir, 'course', 'week-1.ipynb'),
  JSON.stringify(
    notebook(
      {
        ...python,
        title: 'Week 1: tables',
        course: { code: 'STAT-201', term: '2026 autumn' }
      },
      ['# Week 1: tables', 'import csv']
    ),
    null,
    1
  ) + '\n'
);
