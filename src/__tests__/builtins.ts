/**
 * The built-in sections in a registry, as the plugin registers them (with
 * no kernelspecs service and no contents service).
 */
import { KernelSpecs } from '../kernelspecs';
import { createJupytextSection } from '../sections/jupytext';
import { createKernelSection } from '../sections/kernel';
import { createNotebookSection } from '../sections/notebook';
import { SectionRegistry } from '../sections/registry';

/** A registry holding the Kernel, Notebook and Jupytext sections. */
export function builtinSections(): SectionRegistry {
  const registry = new SectionRegistry();
  registry.add(createKernelSection(new KernelSpecs(null)), 'builtin');
  registry.add(createNotebookSection(), 'builtin');
  registry.add(createJupytextSection(null), 'builtin');
  return registry;
}
