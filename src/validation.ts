/**
 * The JSON-schema validator of the panel: the rjsf validator JupyterLab
 * itself ships and shares (ajv 8), for the section forms and for every
 * write.
 */
import type { ReadonlyJSONObject } from '@lumino/coreutils';
import { customizeValidator } from '@rjsf/validator-ajv8';

/** The validator the forms and the section registry use. */
export const formValidator = customizeValidator<ReadonlyJSONObject>();
