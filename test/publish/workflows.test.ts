/**
 * The GitHub Actions workflows cannot run here: parse them and check what publishing and
 * CI depend on (n8n's scanner requires npm provenance, which needs the OIDC token).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function load(file: string): Workflow {
	// The `yaml` package reads YAML 1.2 like GitHub does: `on` stays a string key.
	return parse(fs.readFileSync(path.join(root, '.github', 'workflows', file), 'utf8'), {
		prettyErrors: true,
		strict: true,
		uniqueKeys: true,
	}) as Workflow;
}

function allSteps(workflow: Workflow): Step[] {
	return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

function setupNode(workflow: Workflow): Step {
	const step = allSteps(workflow).find((s) => s.uses?.startsWith('actions/setup-node@'));
	expect(step).toBeDefined();
	return step!;
}

function runtimeCache(workflow: Workflow): Step | undefined {
	return allSteps(workflow).find((s) => s.uses?.startsWith('actions/cache@'));
}

const runtimeCacheKey = /\$\{\{ *hashFiles\('scripts\/runtime\/versions\.js'\) *\}\}/;

describe('.github/workflows/ci.yml', () => {
	const ci = load('ci.yml');

	it('runs on pull requests and pushes to main', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push).toEqual({ branches: ['main'] });
	});

	it('uses ubuntu and Node 20, caches the n8n runtime by its pinned versions, runs .ci/run', () => {
		for (const job of Object.values(ci.jobs)) expect(job['runs-on']).toMatch(/^ubuntu-/);
		expect(String(setupNode(ci).with?.['node-version'])).toBe('20');
		const cache = runtimeCache(ci);
		expect(cache?.with?.path).toBe('~/.cache/n8n-nodes-tempmail');
		expect(String(cache?.with?.key)).toMatch(runtimeCacheKey);
		expect(
			allSteps(ci)
				.map((s) => s.run)
				.filter(Boolean),
		).toEqual(['bash .ci/run']);
		expect(fs.existsSync(path.join(root, '.ci', 'run'))).toBe(true);
	});
});

describe('.github/workflows/publish.yml', () => {
	const publish = load('publish.yml');
	const steps = allSteps(publish);
	const runs = steps.map((s) => s.run?.trim()).filter((r): r is string => Boolean(r));

	it('runs when a release is published', () => {
		expect(publish.on).toEqual({ release: { types: ['published'] } });
	});

	it('may mint the OIDC token npm provenance needs, and only reads the repository', () => {
		const permissions = { ...publish.permissions, ...Object.values(publish.jobs)[0].permissions };
		expect(permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	});

	it('sets up Node 20 with the npm registry', () => {
		const node = setupNode(publish);
		expect(String(node.with?.['node-version'])).toBe('20');
		expect(node.with?.['registry-url']).toBe('https://registry.npmjs.org');
	});

	it('installs with npm ci, runs npm test, then publishes with provenance', () => {
		const ci = runs.findIndex((r) => /^npm ci\b/.test(r));
		const test = runs.indexOf('npm test');
		const publishRun = runs.findIndex((r) => r.startsWith('npm publish'));
		expect(ci).toBeGreaterThanOrEqual(0);
		expect(test).toBeGreaterThan(ci);
		expect(publishRun).toBeGreaterThan(test);
		expect(runs[publishRun].split(/\s+/)).toEqual(
			expect.arrayContaining(['npm', 'publish', '--provenance', '--access', 'public']),
		);
		const publishStep = steps.find((s) => s.run?.trim().startsWith('npm publish'));
		expect(publishStep?.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});

	it('refuses a release whose tag is not v<package.json version>', () => {
		expect(runs.some((r) => r.includes("require('./package.json').version"))).toBe(true);
	});

	it('keeps the n8n runtime cache of CI (npm test runs the end-to-end tests)', () => {
		expect(String(runtimeCache(publish)?.with?.key)).toMatch(runtimeCacheKey);
	});
});
