/**
 * The legal bases every map may cite without declaring them: GDPR Art. 6(1)'s six, each
 * with the PIPL Art. 13 clause closest to it, since the seed policy is PIPL-based. A map
 * adds PIPL-specific bases (e.g. `pipl_13_6` for information the person made public) under
 * `legalBases:`.
 */
import type { LegalBasisDef } from './model';

export const BUILTIN_LEGAL_BASES: readonly LegalBasisDef[] = [
  { key: 'consent', description: "The person's consent (GDPR 6(1)(a); PIPL 13(1))." },
  {
    key: 'contract',
    description:
      'Needed to make or perform a contract the person is party to, or for HR management under lawful rules (GDPR 6(1)(b); PIPL 13(2)).',
  },
  {
    key: 'legal_obligation',
    description: 'Needed to meet a statutory duty or obligation (GDPR 6(1)(c); PIPL 13(3)).',
  },
  {
    key: 'vital_interests',
    description:
      "Needed to protect someone's life, health or property in an emergency (GDPR 6(1)(d); PIPL 13(4)).",
  },
  {
    key: 'public_task',
    description:
      'Needed for a task in the public interest, such as a public health emergency or news reporting (GDPR 6(1)(e); PIPL 13(4)–(5)).',
  },
  {
    key: 'legitimate_interests',
    description:
      "The controller's legitimate interests, weighed against the person's (GDPR 6(1)(f)). PIPL has no such basis: where PIPL applies, cite another.",
  },
];
