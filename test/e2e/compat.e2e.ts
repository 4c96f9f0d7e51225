// End-to-end, on every supported n8n (test/e2e/versions.js runs it per version): the
// package installs and loads as a community package, the credential test works, the
// examples' node versions exist, and the trigger emits each message once across
// unpublish and publish. Each passing check is recorded for the README's compatibility table.
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as runtime from '../../scripts/runtime';
import { SimulatorControl } from '../simulator';
import { recordCheck } from './support/compat';
import { EXAMPLES_DIR } from './support/examples';
import { startE2eEnvironment, waitFor } from './support/environment';
import type { E2eEnvironment } from './support/environment';
import { finishedTriggerRuns, pollsOf } from './support/triggerRuns';
import { CREDENTIAL_ID, pollEverySeconds, triggerWorkflow } from './support/workflows';
import { progressReporter } from './support/report';

const PACKAGE = 'n8n-nodes-tempmail';

let env: E2eEnvironment;
let control: SimulatorControl;
const { report } = progressReporter(`e2e compat ${runtime.N8N_VERSION}`);

beforeAll(async () => {
	env = await startE2eEnvironment('compat');
	control = new SimulatorControl(env.sim.url);
	const steps = Object.entries(env.timings).map(([step, s]) => `${step} ${s.toFixed(1)}s`);
	report(`n8n ${runtime.N8N_VERSION} on ${env.n8n.url}; ${steps.join(', ')}`);
}, 300_000);

afterAll(async () => {
	if (env) await env.stop();
}, 60_000);

it('installs as a community package: both nodes, the credential, their light and dark icons', async () => {
	const nodeTypes = await env.rest.nodeTypes();
	const credentialTypes = await env.rest.credentialTypes();
	const icons: Array<{ light: string; dark: string } | undefined> = [];
	for (const name of ['tempMail', 'tempMailTrigger']) {
		const type = nodeTypes.find((t) => t.name === `${PACKAGE}.${name}`);
		expect({ name, loaded: type !== undefined }).toEqual({ name, loaded: true });
		icons.push(type?.iconUrl as { light: string; dark: string } | undefined);
	}
	const credential = credentialTypes.find((t) => t.name === 'tempMailApi');
	expect(credential?.displayName).toBe('Temp Mail API');
	icons.push(credential?.iconUrl as { light: string; dark: string } | undefined);
	for (const iconUrl of icons) {
		expect(iconUrl).toEqual({ light: expect.any(String), dark: expect.any(String) });
		const svgs: string[] = [];
		for (const url of Object.values(iconUrl as { light: string; dark: string })) {
			const res = await fetch(`${env.n8n.apiUrl}/${url}`);
			expect({ url, status: res.status }).toEqual({ url, status: 200 });
			const body = await res.text();
			expect(body).toMatch(/<svg[\s>]/);
			svgs.push(body);
		}
		expect(svgs[0]).not.toBe(svgs[1]);
	}
	const complaints = fs
		.readFileSync(env.n8n.logFile, 'utf8')
		.split('\n')
		.filter((line) => line.includes(PACKAGE) && /error|fail|skipp|warn|invalid/i.test(line));
	expect(complaints).toEqual([]);
	recordCheck('loads');
});

it('has every node type and version the example workflows use', async () => {
	const known = new Set<string>();
	for (const t of await env.rest.nodeTypes()) {
		for (const version of Array.isArray(t.version) ? t.version : [t.version])
			known.add(`${t.name}@${version}`);
	}
	const files = fs.readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json'));
	expect(files.length).toBeGreaterThan(0);
	const unknown: string[] = [];
	for (const file of files) {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
			nodes: Array<{ name: string; type: string; typeVersion: number }>;
		};
		for (const node of workflow.nodes) {
			if (!known.has(`${node.type}@${node.typeVersion}`))
				unknown.push(`${file}: "${node.name}" ${node.type}@${node.typeVersion}`);
		}
	}
	expect(unknown).toEqual([]);
	recordCheck('exampleTypes');
});

it('credential "Test connection": OK for the stored key, refused for a wrong one', async () => {
	const stored = await env.rest.getCredential(CREDENTIAL_ID, true);
	const test = (data: Record<string, unknown>) =>
		env.rest.testCredential({ id: stored.id, name: stored.name, type: stored.type, data });
	await control.clearRequests();
	expect(await test(stored.data ?? {})).toEqual({ status: 'OK', message: expect.any(String) });
	const sent = (await control.requests()).filter((r) => r.rawPath.startsWith('/api/'));
	expect(sent.map((r) => r.authorization)).toEqual([`Bearer ${env.sim.defaultKey}`]);
	const wrong = await test({ ...stored.data, apiKey: 'wrong-key' });
	report(`wrong key: ${JSON.stringify(wrong)}`);
	expect(wrong.status).toBe('Error');
	// n8n 1.123 and 2.0 answer a 401 with their own "Authorization failed - please check your credentials".
	expect(wrong.message).toMatch(/unauthori[sz]ed|refused|api key|authorization failed/i);
	recordCheck('credentialTest');
});

it('the trigger emits each message once across unpublish and publish, mail that came meanwhile included', async () => {
	const mailbox = await control.createMailbox();
	const before = await control.deliver(mailbox.email, { subject: 'b0: there before activation' });
	const workflow = await env.rest.createWorkflow(
		triggerWorkflow(mailbox.email, pollEverySeconds(5)),
	);
	const publish = async () => {
		const polls = await pollsOf(control, mailbox.email);
		const current = await env.rest.getWorkflow(workflow.id);
		await env.rest.activateWorkflow(workflow.id, current.versionId);
		await waitFor(
			'the activation poll',
			async () => ((await pollsOf(control, mailbox.email)) > polls ? true : undefined),
			60_000,
			250,
		);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	};
	const delivered: string[] = [];
	const deliver = async (subject: string) =>
		delivered.push((await control.deliver(mailbox.email, { subject })).id);

	await publish();
	await deliver('m1: while published');
	await finishedTriggerRuns(env, workflow.id, 1);
	await env.rest.deactivateWorkflow(workflow.id);
	await deliver('m2: while unpublished');
	await publish();
	await deliver('m3: after publishing again');
	await finishedTriggerRuns(env, workflow.id, 3);
	// A few more polls: nothing may come twice.
	const polls = await pollsOf(control, mailbox.email);
	await waitFor(
		'three more polls',
		async () => ((await pollsOf(control, mailbox.email)) >= polls + 3 ? true : undefined),
		30_000,
		250,
	);
	const runs = await finishedTriggerRuns(env, workflow.id, 3);
	await env.rest.deactivateWorkflow(workflow.id);
	report(`unpublish/publish: ${runs.map((r) => r.subjects.join('+')).join(' | ')}`);
	expect(runs.flatMap((r) => r.ids)).toEqual(delivered);
	expect(runs.flatMap((r) => r.ids)).not.toContain(before.id);
	recordCheck('triggerRepublish');
}, 180_000);
