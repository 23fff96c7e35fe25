/**
 * A related row that is another person's own record is never erased with the person (found
 * by QA on a clinic world: a patient's erasure deleted a nurse's staff record, reached only
 * through an appointment's `doctor_id`, `follow: up`). The staff collection holds people's
 * records (a staff member may be a patient too), so a staff row holding no value of the
 * patient is someone else's: listed as related, never a step. A row of the patient's own
 * device stays theirs to erase.
 */
import { planFor, stepSummary } from './plan-harness';
import type { Tables } from './world';
import { findPerson, worldGraph, worldMap } from './world';

const CLINIC = `
version: 1
organization: { name: Clinic }
identities:
  patient_id: {}
  phone: { format: phone_cn }
purposes: { care: { name: Care } }
systems:
  clinic:
    name: Clinic
    source: { kind: postgres, url: "postgres://unused/db", schema: clinic }
    collections:
      patients:
        primaryKey: [id]
        purposes: [care]
        erasure: delete
        fields:
          id: { identity: patient_id, category: user.unique_id }
          phone: { identity: phone, category: user.contact.phone_number }
      staff:
        primaryKey: [id]
        purposes: [care]
        erasure: delete
        fields:
          id: {}
          name: { category: user.name }
          patient_id: { references: clinic.patients.id }
      appointments:
        primaryKey: [id]
        purposes: [care]
        erasure: delete
        fields:
          id: {}
          patient_id: { references: clinic.patients.id }
          doctor_id: { references: clinic.staff.id, follow: up }
`;

const tables = (): Tables => ({
  'clinic.patients': [
    { id: 'P6', phone: '13800000006' },
    { id: 'P7', phone: '13800000007' },
  ],
  'clinic.staff': [
    { id: 503, name: 'Nurse Wu', patient_id: null },
    { id: 504, name: 'Dr Zhao', patient_id: 'P7' },
  ],
  'clinic.appointments': [
    { id: 1, patient_id: 'P6', doctor_id: 503 },
    { id: 2, patient_id: 'P6', doctor_id: 504 },
  ],
});

it("a patient's erasure deletes their own rows and never the staff records their appointments point to", async () => {
  const graph = worldGraph(worldMap(CLINIC));
  const person = await findPerson(graph, tables(), 'patient_id', 'P6');
  const { plan } = await planFor(graph, tables(), 'unused', { person });
  expect(stepSummary(plan)).toEqual([
    'delete clinic.appointments 1,2',
    'delete clinic.patients P6',
  ]);
  expect(
    plan.shared.map((row) => `${row.collection} ${row.key.id} ${row.related ? 'related' : ''}`),
  ).toEqual(['clinic.staff 503 related', 'clinic.staff 504 related']);
});
