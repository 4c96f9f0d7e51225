// The example workflows in examples/, read fresh from disk for each test.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PROJECT_ROOT } from '../../../scripts/runtime';
import { useE2eCredential } from './workflows';
import type { WorkflowJson } from './workflows';

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

/** examples/<file>, with its Temp Mail nodes pointed at the e2e credential. */
export function loadExample(file: string): WorkflowJson {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'),
	) as WorkflowJson;
	return useE2eCredential(workflow);
}
