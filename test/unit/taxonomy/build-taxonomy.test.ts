import { buildTaxonomy } from '../../../src/core/taxonomy/build-taxonomy';
import { builtinTaxonomy } from '../../../src/core/taxonomy/builtin-taxonomy';

describe('buildTaxonomy', () => {
  it('adds an extension below a built-in category', () => {
    const { categories, problems } = buildTaxonomy([
      { key: 'user.workplace.task', name: 'Work task', description: 'Tasks in 数智空间.' },
    ]);
    expect(problems).toEqual([]);
    expect(categories.get('user.workplace.task')).toEqual({
      key: 'user.workplace.task',
      name: 'Work task',
      description: 'Tasks in 数智空间.',
      builtIn: false,
    });
    expect(categories.size).toBe(builtinTaxonomy().size + 1);
  });

  it('lets an extension hang under another extension, whatever the order', () => {
    const { categories, problems } = buildTaxonomy([
      { key: 'user.workplace.task.approval' },
      { key: 'user.workplace.task' },
    ]);
    expect(problems).toEqual([]);
    expect(categories.get('user.workplace.task.approval')?.name).toBe(
      'user.workplace.task.approval',
    );
  });

  it('rejects an extension whose parent is unknown', () => {
    const { categories, problems } = buildTaxonomy([{ key: 'user.hobby.chess' }]);
    expect(problems).toEqual([
      {
        key: 'user.hobby.chess',
        message: "category 'user.hobby.chess' extends 'user.hobby', which is not a known category",
        hint: "declare 'user.hobby' too, or hang 'chess' under an existing category",
      },
    ]);
    expect(categories.has('user.hobby.chess')).toBe(false);
  });

  it('rejects a new root, a redefined built-in and a malformed key', () => {
    const { problems } = buildTaxonomy([
      { key: 'employee' },
      { key: 'user.contact.email' },
      { key: 'user..x' },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "category 'employee' would be a new root",
      "category 'user.contact.email' is built in",
      "category key 'user..x' is not a dotted key",
    ]);
  });

  it('never changes the shared built-in taxonomy', () => {
    buildTaxonomy([{ key: 'user.workplace.task' }]);
    expect(builtinTaxonomy().has('user.workplace.task')).toBe(false);
  });
});
