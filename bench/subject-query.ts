/**
 * The one operation the benchmark measures: a person found by phone, with something read
 * from every demo system that has a source (field names from schema/subject-graph.graphql).
 * The floor answers the same request body at the same path, ignoring the query text.
 */
export const SUBJECT_BY_PHONE = `query SubjectByPhone($phone: String!) {
  subject(by: { phone: $phone }) {
    identities { kind value }
    accounts { users { full_name email phone date_of_birth } }
    workspace { employees { title work_email } tasks { title status } }
    support { consultations { channel created_at } }
    analytics { events { page occurred_at } }
    security { devices { brand model } security_logs { service_category logged_at } }
    tracking { identifiers { cookie_id } }
    compliance { consent_records { purpose granted } }
  }
}`;

/** Collections the query reads, as `system` → collection fields of the response. */
export const QUERIED_COLLECTIONS: Readonly<Record<string, readonly string[]>> = {
  accounts: ['users'],
  workspace: ['employees', 'tasks'],
  support: ['consultations'],
  analytics: ['events'],
  security: ['devices', 'security_logs'],
  tracking: ['identifiers'],
  compliance: ['consent_records'],
};

/** The POST body for one phone: the same bytes go to both targets. */
export function subjectRequestBody(phone: string): string {
  return JSON.stringify({
    operationName: 'SubjectByPhone',
    query: SUBJECT_BY_PHONE,
    variables: { phone },
  });
}
