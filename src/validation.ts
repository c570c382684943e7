/**
 * Validation of metadata against the sections' JSON schemas (ajv, through
 * the rjsf validator JupyterLab itself ships and shares).
 */
import type { PartialJSONObject, ReadonlyJSONObject } from '@lumino/coreutils';
import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';

import { checkJupytext } from './jupytext/metadata';
import type { IProblem } from './keys';
import customSchema from './schemas/custom.json';
import kernelSchema from './schemas/kernel.json';
import notebookSchema from './schemas/notebook.json';

/** The validator the forms use. */
export const formValidator = customizeValidator<ReadonlyJSONObject>();

/** One schema per section of the panel. */
export const SCHEMAS = {
  kernel: kernelSchema as RJSFSchema,
  notebook: notebookSchema as RJSFSchema,
  custom: customSchema as RJSFSchema
};

/**
 * A section's schema as the panel's form shows it: the section heading
 * already names it, so the form repeats neither its title nor descriptions.
 */
export function formSchema(section: keyof typeof SCHEMAS): RJSFSchema {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(strip);
    }
    if (node !== null && typeof node === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'description') {
          copy[key] = strip(value);
        }
      }
      return copy;
    }
    return node;
  };
  const schema = strip(SCHEMAS[section]) as RJSFSchema;
  delete schema.title;
  return schema;
}

/** A problem found in a value, and where. */
export interface IValidationProblem extends IProblem {
  /** The path of the offending value, e.g. `/authors/0/name`. */
  path: string;
}

/**
 * The problems of a section's values, as readable messages; empty if valid.
 */
export function validateSection(
  section: keyof typeof SCHEMAS,
  data: PartialJSONObject
): IValidationProblem[] {
  const { errors } = formValidator.rawValidation(
    SCHEMAS[section],
    data as ReadonlyJSONObject
  );
  return (errors ?? []).map(error => {
    const path = error.instancePath || '/';
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string })
        .missingProperty;
      return {
        path: `${error.instancePath}/${missing}`,
        message: '"%1" is required.',
        arg: `${path === '/' ? '' : path}/${missing}`
      };
    }
    return {
      path,
      message: '%1 ' + (error.message ?? 'is invalid'),
      arg: path
    };
  });
}

/**
 * The problems of a whole metadata object, checked section by section.
 */
export function validateMetadata(
  metadata: PartialJSONObject
): IValidationProblem[] {
  const pick = (keys: string[]) => {
    const part: PartialJSONObject = {};
    for (const key of keys) {
      if (key in metadata) {
        part[key] = metadata[key];
      }
    }
    return part;
  };
  const problems = [
    ...validateSection('kernel', pick(['kernelspec'])),
    ...validateSection('notebook', pick(['title', 'authors']))
  ];
  const jupytext = checkJupytext(metadata.jupytext);
  if (jupytext) {
    problems.push({ path: '/jupytext', message: '%1', arg: jupytext });
  }
  return problems;
}
