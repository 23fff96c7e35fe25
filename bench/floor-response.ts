/**
 * The floor's answer in the shape of the gateway's GraphQL response to the benchmark query
 * (`{ data: { subject: … } }`), so the two can be compared row for row. Only the selected
 * fields are projected, as GraphQL would; `null` when nobody was found, as `subject` does.
 */
import type { FoundPerson } from './floor-traversal';

type Row = Record<string, unknown>;

function pick(person: FoundPerson, collection: string, fields: readonly string[]): Row[] {
  const rows = person.rows.get(collection);
  if (!rows) return [];
  const out: Row[] = [];
  for (const row of rows.values()) {
    const projected: Row = {};
    for (const field of fields) projected[field] = row[field] ?? null;
    out.push(projected);
  }
  return out;
}

export function floorResponse(person: FoundPerson): { data: { subject: Row | null } } {
  const found = [...person.rows.values()].some((rows) => rows.size > 0);
  if (!found) return { data: { subject: null } };
  return {
    data: {
      subject: {
        identities: person.identities,
        accounts: {
          users: pick(person, 'accounts.users', ['full_name', 'email', 'phone', 'date_of_birth']),
        },
        workspace: {
          employees: pick(person, 'workspace.employees', ['title', 'work_email']),
          tasks: pick(person, 'workspace.tasks', ['title', 'status']),
        },
        support: {
          consultations: pick(person, 'support.consultations', ['channel', 'created_at']),
        },
        analytics: { events: pick(person, 'analytics.events', ['page', 'occurred_at']) },
        security: {
          devices: pick(person, 'security.devices', ['brand', 'model']),
          security_logs: pick(person, 'security.security_logs', ['service_category', 'logged_at']),
        },
        tracking: { identifiers: pick(person, 'tracking.identifiers', ['cookie_id']) },
        compliance: {
          consent_records: pick(person, 'compliance.consent_records', ['purpose', 'granted']),
        },
      },
    },
  };
}
