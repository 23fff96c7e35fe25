/**
 * One read event per data subject of an operation (src/access/ledger-subjects.ts): ledger
 * entries sharing a key are one person; entries naming nobody are one keyless subject; a
 * coordinate decided two ways for one person is listed with both decisions.
 */
import { ledgerSubjects } from '../../../src/access/ledger-subjects';
import type { AuditLedger } from '../../../src/access/request-access';
import type { SubjectFactsBase } from '../../../src/access/subject-facts';
import type { AuditCoordinate } from '../../../src/core/audit/audit-event';

const facts = (subjectKeys: string[], related = false): SubjectFactsBase => ({
  consented: new Set(),
  guardianConsented: new Set(),
  minor: false,
  subjectKeys,
  ...(related ? { related: true } : {}),
});
const allow = (coordinate: string): AuditCoordinate => ({
  coordinate,
  effect: 'allow',
  reason: 'RULE',
});
const noConsent = (coordinate: string): AuditCoordinate => ({
  coordinate,
  effect: 'deny',
  reason: 'NO_CONSENT',
});
const ledger = (entries: [SubjectFactsBase, AuditCoordinate[]][]): AuditLedger =>
  new Map(entries.map(([f, cs]) => [f, new Map(cs.map((c) => [c.coordinate, c]))]));

describe('ledgerSubjects', () => {
  it('keeps distinct people apart and says who was met on a related row', () => {
    expect(
      ledgerSubjects(
        ledger([
          [facts(['email:e']), [allow('C.name')]],
          [facts(['email:a', 'phone:a'], true), [noConsent('C.name')]],
        ]),
      ),
    ).toEqual([
      { subjectKeys: ['email:e'], related: false, coordinates: [allow('C.name')] },
      { subjectKeys: ['email:a', 'phone:a'], related: true, coordinates: [noConsent('C.name')] },
    ]);
  });

  it('merges entries sharing a key, transitively, with every decision once', () => {
    const subjects = ledgerSubjects(
      ledger([
        [facts(['email:a'], true), [noConsent('C.name')]],
        [facts(['phone:a'], true), [noConsent('M.nick')]],
        [facts(['email:a', 'phone:a']), [allow('C.name'), allow('M.nick')]],
      ]),
    );
    expect(subjects).toEqual([
      {
        subjectKeys: ['email:a', 'phone:a'],
        related: false,
        coordinates: [allow('C.name'), noConsent('C.name'), allow('M.nick'), noConsent('M.nick')],
      },
    ]);
  });

  it('related rows naming nobody are one subject without keys', () => {
    const subjects = ledgerSubjects(
      ledger([
        [facts([], true), [noConsent('C.name')]],
        [{ ...facts([], true), minor: true }, [noConsent('O.name')]],
      ]),
    );
    expect(subjects).toEqual([
      { subjectKeys: [], related: true, coordinates: [noConsent('C.name'), noConsent('O.name')] },
    ]);
  });
});
