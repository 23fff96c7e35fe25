import { didYouMean, editDistance, suggestNames } from '../../../src/core/datamap/did-you-mean';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['nmae', 'name', 1],
    ['phnoe', 'phone', 1],
    ['categroy', 'category', 1],
  ])('%s ↔ %s = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggestNames', () => {
  it('prefers exact-but-for-case, then close typos, then completions', () => {
    expect(suggestNames('Email', ['email', 'mail'])).toEqual(['email']);
    expect(
      suggestNames('user.contact.phone', ['user.contact.phone_number', 'user.contact']),
    ).toEqual(['user.contact.phone_number']);
    expect(suggestNames('acounts', ['accounts', 'analytics', 'workspace'])).toEqual(['accounts']);
  });

  it('suggests nothing that is far away', () => {
    expect(suggestNames('zzz', ['name', 'owner'])).toEqual([]);
    expect(suggestNames('user.contact.emial', ['user.contact', 'user.contact.url'])).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('phrases one or several suggestions, or falls back', () => {
    expect(didYouMean('naem', ['name'], 'x')).toBe('did you mean name?');
    expect(didYouMean('ab', ['ac', 'ad', 'ae'], 'x')).toBe('did you mean ac, ad or ae?');
    expect(didYouMean('zzz', ['name'], 'use one of: name')).toBe('use one of: name');
  });
});
