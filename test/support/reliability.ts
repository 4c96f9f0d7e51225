/**
 * Rows for the README's Reliability table. A test records a row once its assertions have
 * passed; each test file's rows go to test/.tmp/reliability/<file>.json, and
 * `npm run report:reliability` (reliability-report.js) turns them into the table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReliabilityRow {
	/** Faults, Variants, Bad input, Secrets, Load. */
	area: string;
	/** What was done, in a few words. */
	case: string;
	/** What the node did, with the figures measured. */
	result: string;
}

export const RELIABILITY_DIR = path.join(__dirname, '..', '.tmp', 'reliability');

const rows: ReliabilityRow[] = [];

export function recordReliability(row: ReliabilityRow): void {
	rows.push(row);
	const testPath = expect.getState().testPath ?? 'unknown';
	fs.mkdirSync(RELIABILITY_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(RELIABILITY_DIR, `${path.basename(testPath)}.json`),
		`${JSON.stringify(rows, null, '\t')}\n`,
	);
}
