/// <reference types="node" />
/**
 * The README's "Deploying on JupyterHub" gives the admin's settings twice:
 * as the overrides.json of a single-user environment, and as Zero to
 * JupyterHub's `singleuser.extraFiles` (whose `data` the chart writes as JSON,
 * as `mountPath` ends in `.json`). Both must be the file the hub's UI tests
 * run with, examples/hub/overrides.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { readNewNotebookDefaults } from '../defaults';
import { sectionsFromSettings } from '../sections/settings';

const root = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');
const overrides = JSON.parse(
  fs.readFileSync(path.join(root, 'examples', 'hub', 'overrides.json'), 'utf-8')
);

/** The code blocks of a language in the README's section on JupyterHub. */
function blocks(language: string): string[] {
  const start = readme.indexOf('\n## Deploying on JupyterHub\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const found: string[] = [];
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  for (const match of section.matchAll(fence)) {
    found.push(match[1]);
  }
  return found;
}

describe('Deploying on JupyterHub', () => {
  it("shows the course's overrides.json as it is", () => {
    const json = blocks('json');
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0])).toEqual(overrides);
  });

  it("gives Zero to JupyterHub the same file, in the environment's settings folder", () => {
    const yaml = blocks('yaml');
    expect(yaml).toHaveLength(1);
    const files = parse(yaml[0]).singleuser.extraFiles;
    const [file] = Object.values(files) as Array<{
      mountPath: string;
      data: unknown;
    }>;
    expect(file.mountPath).toBe(
      '/opt/conda/share/jupyter/lab/settings/overrides.json'
    );
    expect(file.data).toEqual(overrides);
  });

  it('declares a course section with required fields and defaults for new notebooks', () => {
    const settings = overrides['jupyterlab-notebook-metadata:plugin'];
    const [course] = sectionsFromSettings(settings).sections;
    expect(course.id).toBe('course');
    expect(course.schema.required).toEqual(['/course/name', '/course/week']);
    expect(readNewNotebookDefaults(settings).sectionDefaults).toEqual([
      'course'
    ]);
  });
});
