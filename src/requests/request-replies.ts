/**
 * The reply to the person that ends every request (SPEC §6: "what was done, or what was not
 * and why, citing the exemption from the policy's list"). Counts and reasons only: a reply
 * is shown in the control plane and sent on, so it repeats no personal value.
 */
import type { ErasurePlan, ExemptionReason } from '../core/requests/model';

/** The seed policy §VIII.4 (a)–(h), the cases where a request cannot be honoured. */
const EXEMPTION_TEXT: Record<ExemptionReason, string> = {
  legal_obligation: '§VIII.4 (a): fulfilling obligations under laws and regulations',
  national_security: '§VIII.4 (b): national security and national defence security',
  public_interest: '§VIII.4 (c): public safety, public health and major public interests',
  criminal_investigation:
    '§VIII.4 (d): a criminal investigation, prosecution, trial or judicial enforcement',
  abuse_of_rights: '§VIII.4 (e): evidence of malice or abuse of rights',
  protection_of_life_or_property:
    '§VIII.4 (f): protecting the life, property or other major rights of you or another person',
  harm_to_others: '§VIII.4 (g): serious harm to the rights of you or others',
  commercial_secret: '§VIII.4 (h): commercial secrets',
};

const records = (n: number): string => (n === 1 ? '1 record' : `${n} records`);

export function exemptionText(reason: ExemptionReason): string {
  return EXEMPTION_TEXT[reason];
}

export function erasureReply(
  kind: 'erasure' | 'account_closure',
  plan: ErasurePlan,
  counts: { deleted: number; rewritten: number },
): string {
  const parts: string[] = [];
  parts.push(
    kind === 'account_closure'
      ? 'Your account is closed and your consents are withdrawn.'
      : 'Your request to delete your personal information is done.',
  );
  parts.push(
    `We deleted ${records(counts.deleted)} and anonymised ${records(counts.rewritten)} in ${plan.sources.length === 1 ? '1 system' : `${plan.sources.length} systems`}.`,
  );
  const byReason = new Map<ExemptionReason, { rows: number; until?: string }>();
  for (const row of plan.exempt) {
    const entry = byReason.get(row.reason) ?? { rows: 0 };
    entry.rows += 1;
    if (row.until && (!entry.until || row.until > entry.until)) entry.until = row.until;
    byReason.set(row.reason, entry);
  }
  for (const [reason, { rows, until }] of byReason)
    parts.push(
      `We keep ${records(rows)} we are not allowed to delete yet — ${exemptionText(reason)}${until ? `, until ${until.slice(0, 10)}` : ''}.`,
    );
  const shared = plan.shared.filter((row) => !row.related).length;
  if (shared > 0)
    parts.push(
      `${records(shared)} also ${shared === 1 ? 'concerns' : 'concern'} another person; ${shared === 1 ? 'it is' : 'they are'} removed when ${shared === 1 ? 'it no longer does' : 'they no longer do'}.`,
    );
  const related = plan.shared.length - shared;
  if (related > 0)
    parts.push(
      `${records(related)} linked to yours ${related === 1 ? 'is' : 'are'} another person's own ${related === 1 ? 'record' : 'records'} and ${related === 1 ? 'was' : 'were'} not changed.`,
    );
  const referenced = plan.referenced?.length ?? 0;
  if (referenced > 0)
    parts.push(
      `${records(referenced)} that other people's records refer to ${referenced === 1 ? 'was' : 'were'} anonymised instead of deleted, so those records stay intact: ${referenced === 1 ? 'it keeps its' : 'they keep their'} record number, and ${referenced === 1 ? 'its' : 'their'} other personal information is erased, masked or replaced.`,
    );
  return parts.join(' ');
}

/** The reply when no system held anything about the person (nothing was deleted). */
export function nothingHeldReply(kind: 'erasure' | 'account_closure', systems: number): string {
  const where = systems === 1 ? 'our 1 system' : `all ${systems} of our systems`;
  const found = `We searched ${where} and found no personal information about you under the identity you gave, so there was nothing to delete.`;
  return kind === 'account_closure'
    ? `Your consents are withdrawn. ${found}`
    : `Your request to delete your personal information is done. ${found}`;
}
