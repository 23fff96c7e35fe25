/**
 * One request's access state: who asks (role), why (purpose), the precomputed table for
 * that pair, the deployment's de-identification keys, and the tally of what was
 * de-identified or denied (for `extensions.privacy` and, later, the audit event).
 */
import type { DeidentifyKeys } from '../core/deidentify/keys';
import { deidentifyValue } from '../core/deidentify/deidentify-value';
import { detokenize } from '../core/deidentify/tokenize';
import type { DeidentifyMethod } from '../core/deidentify/method';
import type { Decision, DecisionReason } from '../core/policy/decision';
import { denyDecision } from '../core/policy/decision';
import type { Capability } from '../core/policy/model';
import { consentHolds, refineForSubject } from '../core/policy/refine-for-subject';
import { valueText } from '../core/identity/canonical';
import type { AccessTable, FieldAccess } from './access-table';
import type { AuditCoordinate } from '../core/audit/audit-event';
import type { SubjectFactsBase } from './subject-facts';
import { NO_FACTS } from './subject-facts';

export interface Principal {
  /** The token's `sub`. */
  readonly subject: string;
  readonly role: string;
}

export interface PrivacyTally {
  readonly deidentified: Map<
    string,
    { method: DeidentifyMethod; count: number; hiddenReason: boolean }
  >;
}

/** What one operation touched, per data subject: coordinate → the decision it got (the
 * audit event of the read, SPEC §7). Keyed by the subject's facts object, one per subject. */
export type AuditLedger = Map<SubjectFactsBase, Map<string, AuditCoordinate>>;

export class RequestAccess {
  readonly tally: PrivacyTally = { deidentified: new Map() };
  readonly ledger: AuditLedger = new Map();
  /** Tokens reversed by this operation (each reversal is audited). */
  reidentified = 0;

  constructor(
    readonly principal: Principal,
    readonly purpose: string,
    readonly table: AccessTable,
    private readonly keys: DeidentifyKeys,
    readonly dataMapVersion: string,
    private readonly capabilities: ReadonlySet<Capability>,
  ) {}

  may(capability: Capability): boolean {
    return this.capabilities.has(capability);
  }

  /** Reverses a `tokenize` token (only for roles that `may: reidentify`; checked by the
   * shield). Throws InvalidTokenError for a token of another key or a tampered one. */
  reidentify(token: string): string {
    const value = detokenize(token, this.keys);
    this.reidentified += 1;
    return value;
  }

  /** The decision for one field of one subject's row. */
  decide(field: FieldAccess, facts: SubjectFactsBase | undefined): Decision {
    const decision = this.decideFor(field, facts);
    if (facts && decision.reason !== 'NOT_PERSONAL') this.note(facts, field.coordinate, decision);
    return decision;
  }

  /** A collection refused as a whole for one subject (purpose limitation, no rule, no
   * consent): none of its fields is decided, so the refusal itself is what the audit event
   * records, under the collection's coordinate. */
  refuseCollection(
    facts: SubjectFactsBase | undefined,
    coordinate: string,
    reason: DecisionReason,
  ): void {
    if (facts) this.note(facts, coordinate, denyDecision(reason));
  }

  private note(facts: SubjectFactsBase, coordinate: string, decision: Decision): void {
    let touched = this.ledger.get(facts);
    if (!touched) this.ledger.set(facts, (touched = new Map()));
    if (touched.has(coordinate)) return;
    touched.set(coordinate, {
      coordinate,
      effect: decision.effect,
      ...(decision.method ? { method: decision.method } : {}),
      reason: decision.reason,
    });
  }

  private decideFor(field: FieldAccess, facts: SubjectFactsBase | undefined): Decision {
    const decision = field.decision;
    if (decision.effect === 'deny' || decision.reason === 'NOT_PERSONAL') return decision;
    return refineForSubject(decision, {
      purposeRequiresConsent: this.table.requiresConsent,
      ...this.consentFacts(facts),
      defaultMethod: field.defaultMethod,
    });
  }

  /** Whether `facts`' person consented to this request's purpose (a child: their guardian). */
  consents(facts: SubjectFactsBase | undefined): boolean {
    return consentHolds(this.consentFacts(facts));
  }

  private consentFacts(facts: SubjectFactsBase | undefined) {
    const known = facts ?? NO_FACTS;
    return {
      hasConsent: known.consented.has(this.purpose),
      minor: known.minor,
      guardianConsent:
        known.guardianConsented.has('*') || known.guardianConsented.has(this.purpose),
    };
  }

  /** The value the caller may see: raw text, de-identified text, or null when redacted. */
  present(field: FieldAccess, decision: Decision, value: unknown): string | null {
    if (decision.effect === 'allow') return textOf(value);
    const method = decision.method ?? 'redact';
    const entry = this.tally.deidentified.get(field.coordinate);
    if (entry) entry.count++;
    else
      this.tally.deidentified.set(field.coordinate, {
        method,
        count: 1,
        hiddenReason: decision.reason === 'MINOR',
      });
    return deidentifyValue(method, value, {
      ...(field.category === undefined ? {} : { category: field.category }),
      ...(field.identityFormat === undefined ? {} : { identityFormat: field.identityFormat }),
      keys: this.keys,
    });
  }
}

/** A personal field is a String in the graph (see emit-sdl): dates as ISO text. */
function textOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  return valueText(value);
}
