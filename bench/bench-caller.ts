/**
 * Who calls the gateway in the benchmark (SPEC §4.1–4.2): the DPO answering an access
 * request — role `dpo`, purpose `dsar` — the caller who may read every field. So the
 * gateway's SQL is the floor's (a role with denied fields selects fewer columns), while the
 * policy is still evaluated in full: decisions, consent from the store, the minor flag.
 */
export const BENCH_ROLE = 'dpo';
export const BENCH_PURPOSE = 'dsar';
