/**
 * Jupytext's `formats` grammar, paired paths and project configuration,
 * without JupyterLab.
 */
export * from './formats';
export * from './paths';
export * from './metadata';
export * from './config';
export * from './metadatafilter';
