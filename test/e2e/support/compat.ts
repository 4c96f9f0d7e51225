// The README's compatibility table (n8n version × check): a test records its check once
// its assertions have passed, into test/.tmp/compat/<n8n version>.json; test/e2e/versions.js
// runs the suite on every supported n8n and writes the table from those files.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8N_VERSION, PROJECT_ROOT } from '../../../scripts/runtime';

export const COMPAT_DIR = path.join(PROJECT_ROOT, 'test', '.tmp', 'compat');

/** The table's rows, in order; `needs` names a runtime feature (versions.js) the check needs. */
export { default as CHECKS } from './checks.json';
import CHECKS from './checks.json';

export type CheckId = keyof typeof CHECKS;

export function recordCheck(check: CheckId): void {
	fs.mkdirSync(COMPAT_DIR, { recursive: true });
	const file = path.join(COMPAT_DIR, `${N8N_VERSION}.json`);
	let passed: string[] = [];
	try {
		passed = JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
	} catch {
		/* first check of this version */
	}
	if (!passed.includes(check)) passed.push(check);
	fs.writeFileSync(file, `${JSON.stringify(passed, null, '\t')}\n`);
}
