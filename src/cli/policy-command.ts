/**
 * `privgraph policy explain|matrix|lint|diff`: the permission review (SPEC §7, issue #6
 * item 4) from the files alone — the data map and the policy in the repository, as a
 * reviewer has them in a pull request — with no gateway running. Reports are Markdown or a
 * self-contained HTML page, printed or written with `--out`.
 *
 * Exit codes: 0 done; 1 the files are invalid, explain could not find what was asked, or
 * lint found an error (so CI can gate a pull request on it); 2 usage.
 */
import { writeFile } from 'node:fs/promises';
import { formatProblem } from '../core/datamap/data-map-error';
import type { DataMapProblem } from '../core/datamap/data-map-error';
import type { Environment } from '../core/datamap/expand-env';
import { loadDataMapFile } from '../core/datamap/load-data-map';
import type { DataMap } from '../core/datamap/model';
import { loadPolicyFile } from '../core/policy/load-policy';
import type { Policy } from '../core/policy/model';
import * as review from '../core/review';
import { fieldCoordinatesForMap } from '../control/review/graph-coordinates';
import type { CliOutput } from './datamap-validate';
import type { PolicyCommand, ReportFormat } from './policy-args';
import { POLICY_USAGE, parsePolicyArgs } from './policy-args';
import type { SampleReader } from './policy-sample';
import { readSourceSamples } from './policy-sample';

export interface PolicyCommandDeps {
  readonly env: Environment;
  readonly readSamples: SampleReader;
}

class InvalidFiles extends Error {
  constructor(readonly problems: readonly DataMapProblem[]) {
    super('invalid files');
  }
}

async function loadMap(file: string, env: Environment, requireEnv: boolean): Promise<DataMap> {
  const result = await loadDataMapFile(file, env, { requireEnv });
  if (!result.ok) throw new InvalidFiles(result.problems);
  return result.map;
}

async function loadPolicy(file: string, map: DataMap): Promise<Policy> {
  const result = await loadPolicyFile(file, { categories: map.categories, purposes: map.purposes });
  if (!result.ok) throw new InvalidFiles(result.problems);
  return result.policy;
}

interface Report {
  readonly text: string;
  readonly exitCode: number;
  /** A line for the terminal when the report goes to a file. */
  readonly summary?: string;
}

const pick = (format: ReportFormat, md: () => string, html: () => string): string =>
  format === 'html' ? html() : md();

async function buildReport(
  command: PolicyCommand,
  files: { map: string; policy: string },
  format: ReportFormat,
  deps: PolicyCommandDeps,
  out: CliOutput,
): Promise<Report> {
  // Sampling connects to the sources, so their ${VARS} must be set; the rest reads names only.
  const sample = command.name === 'lint' && command.sample;
  const map = await loadMap(files.map, deps.env, sample);
  const policy = await loadPolicy(files.policy, map);
  const coordinates = fieldCoordinatesForMap(map);
  switch (command.name) {
    case 'explain': {
      const result = review.explainAccess(policy, map, command, coordinates);
      if (!result.ok)
        return { text: '', exitCode: 1, summary: `error: ${result.message} (${result.hint})` };
      const e = result.explanation;
      return {
        text: pick(
          format,
          () => review.renderExplainMarkdown(e),
          () => review.renderExplainHtml(e),
        ),
        exitCode: 0,
        summary: e.summary,
      };
    }
    case 'matrix': {
      const m = review.permissionMatrix(policy, map, coordinates);
      return {
        text: pick(
          format,
          () => review.renderMatrixMarkdown(m),
          () => review.renderMatrixHtml(m),
        ),
        exitCode: 0,
      };
    }
    case 'lint': {
      const { samples, notes } = sample
        ? await deps.readSamples(map)
        : { samples: new Map(), notes: [] };
      notes.forEach((note) => out.error(`sample: ${note}`));
      const findings = review.lintPolicy(policy, map, samples);
      const counts = review.countBySeverity(findings);
      return {
        text: pick(
          format,
          () => review.renderLintMarkdown(findings),
          () => review.renderLintHtml(findings),
        ),
        exitCode: counts.error > 0 ? 1 : 0,
        summary: `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`,
      };
    }
    case 'diff': {
      const proposedMap = command.proposedMap
        ? await loadMap(command.proposedMap, deps.env, false)
        : map;
      const proposedPolicy = await loadPolicy(command.proposedPolicy ?? files.policy, proposedMap);
      const diff = review.diffDecisions(
        { policy, map, coordinates },
        {
          policy: proposedPolicy,
          map: proposedMap,
          coordinates: proposedMap === map ? coordinates : fieldCoordinatesForMap(proposedMap),
        },
      );
      return {
        text: pick(
          format,
          () => review.renderDiffMarkdown(diff),
          () => review.renderDiffHtml(diff),
        ),
        exitCode: 0,
        summary: `${diff.changes.length} of ${diff.compared} decisions change`,
      };
    }
  }
}

/** `args` are the words after `policy`. */
export async function runPolicy(
  args: readonly string[],
  out: CliOutput,
  deps: PolicyCommandDeps = { env: process.env, readSamples: readSourceSamples },
): Promise<number> {
  const parsed = parsePolicyArgs(args, deps.env);
  if (parsed.ok === 'help') {
    out.log(POLICY_USAGE);
    return 0;
  }
  if (!parsed.ok) {
    out.error(`${parsed.message}\n\n${POLICY_USAGE}`);
    return 2;
  }
  let report: Report;
  try {
    report = await buildReport(parsed.command, parsed.files, parsed.format, deps, out);
  } catch (error) {
    if (!(error instanceof InvalidFiles)) throw error;
    error.problems
      .filter((p) => p.severity === 'error')
      .forEach((p) => out.error(`error: ${formatProblem(p)}`));
    return 1;
  }
  if (report.text.length === 0) {
    if (report.summary) out.error(report.summary);
    return report.exitCode;
  }
  if (parsed.out === undefined) {
    out.log(report.text.replace(/\n$/, ''));
  } else {
    await writeFile(parsed.out, report.text);
    out.error(`wrote ${parsed.out}${report.summary ? `: ${report.summary}` : ''}`);
  }
  return report.exitCode;
}
