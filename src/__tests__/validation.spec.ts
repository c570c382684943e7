import kernelSchema from '../schemas/kernel.json';
import notebookSchema from '../schemas/notebook.json';
import { formSchema, validateMetadata, validateSection } from '../validation';

describe('the section schemas', () => {
  it('accept nbformat metadata, extra fields included', () => {
    expect(
      validateMetadata({
        kernelspec: {
          name: 'python3',
          display_name: 'Python 3',
          env: { A: '1' }
        },
        title: 'T',
        authors: [{ name: 'Ada', affiliation: 'X' }],
        anything: { else: [1] }
      })
    ).toEqual([]);
  });

  it('require a kernelspec name and display name, and author names', () => {
    const kernel = validateSection('kernel', {
      kernelspec: { display_name: 'X' }
    });
    expect(kernel).toEqual([
      {
        path: '/kernelspec/name',
        message: '"%1" is required.',
        arg: '/kernelspec/name'
      }
    ]);
    const notebook = validateSection('notebook', {
      authors: [{ affiliation: 'X' }]
    });
    expect(notebook.map(p => p.path)).toEqual(['/authors/0/name']);
    expect(validateSection('notebook', { title: 3 })[0].path).toBe('/title');
  });

  it('show in the form without their titles and descriptions', () => {
    const schema = formSchema('kernel') as any;
    expect(schema.title).toBeUndefined();
    expect(
      schema.properties.kernelspec.properties.name.description
    ).toBeUndefined();
    // The files themselves keep them.
    expect(kernelSchema.title).toBe('Kernel');
    expect(notebookSchema.properties.title.description).toBeDefined();
  });
});
