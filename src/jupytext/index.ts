/**
 * Jupytext's `formats` grammar and paired paths, without JupyterLab.
 */
export * from './formats';
export * from './paths';
export * from './metadata';
