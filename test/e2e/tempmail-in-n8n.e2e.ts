// End-to-end: the built package installed into a real n8n 2.41.1 (Node 24) as a
// community package, driven through n8n's REST API and CLI against the Temp Mail
// API simulator. One n8n for the whole file.
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as runtime from '../../scripts/runtime';
import { SimulatorControl } from '../simulator';
import type { LoggedRequest } from '../simulator';
import { nodeOutput, startE2eEnvironment, waitFor } from './support/environment';
import type { E2eEnvironment } from './support/environment';
import {
	CREATE_NODE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	LIST_NODE,
	MAILBOX_WORKFLOW_ID,
	POLL_TRIGGER_NODE,
	TRIGGER_NODE,
	mailboxWorkflow,
	triggerWorkflow,
} from './support/workflows';

const PACKAGE = 'n8n-nodes-tempmail';
const MB = 1024 * 1024;

let env: E2eEnvironment;
let control: SimulatorControl;

function report(line: string) {
	process.stdout.write(`[e2e] ${line}\n`);
}

function reportRss(when: string) {
	const processes = env.n8n.processes().filter((p) => p.state !== 'Z');
	const parts = processes.map(
		(p) => `${p.pid === env.n8n.pid ? 'n8n' : 'child'} ${Math.round(p.rss / MB)} MB`,
	);
	report(`RSS ${when}: ${Math.round(env.n8n.rssBytes() / MB)} MB (${parts.join(', ')})`);
}

beforeAll(async () => {
	env = await startE2eEnvironment('tempmail-in-n8n', [mailboxWorkflow()]);
	control = new SimulatorControl(env.sim.url);
	const steps = Object.entries(env.timings).map(([step, s]) => `${step} ${s.toFixed(1)}s`);
	report(
		`n8n ${runtime.N8N_VERSION} on ${env.n8n.url}, simulator on ${env.sim.url}; ${steps.join(', ')}`,
	);
	reportRss('after start');
}, 300_000);

afterAll(async () => {
	if (!env) return;
	reportRss('at the end');
	await env.stop();
}, 60_000);

/** Requests the simulator received since the last clearRequests(), API calls only. */
async function apiRequests(): Promise<LoggedRequest[]> {
	return (await control.requests()).filter((r) => r.rawPath.startsWith('/api/'));
}

/** Whether the simulator's API lists messages of `email` for the default account. */
async function mailboxIsOwned(email: string): Promise<boolean> {
	const res = await fetch(`${env.sim.url}/api/messages?email=${encodeURIComponent(email)}`, {
		headers: { authorization: `Bearer ${env.sim.defaultKey}`, accept: 'application/json' },
	});
	return res.status === 200;
}

describe('the package, installed as a community package', () => {
	it('lists n8n-nodes-tempmail.tempMail in /types/nodes.json with its light and dark icons', async () => {
		const types = await env.rest.nodeTypes();
		const tempMail = types.find((t) => t.name === `${PACKAGE}.tempMail`);
		expect(tempMail).toBeDefined();
		expect(tempMail).toMatchObject({
			displayName: 'Temp Mail',
			credentials: [expect.objectContaining({ name: 'tempMailApi', required: true })],
		});

		const iconUrl = tempMail?.iconUrl;
		expect(iconUrl).toEqual({
			light: expect.stringMatching(new RegExp(`^icons/${PACKAGE}/.+\\.svg$`)),
			dark: expect.stringMatching(new RegExp(`^icons/${PACKAGE}/.+\\.svg$`)),
		});
		const svgs: string[] = [];
		for (const url of Object.values(iconUrl as { light: string; dark: string })) {
			const res = await fetch(`${env.n8n.apiUrl}/${url}`);
			expect({ url, status: res.status }).toEqual({ url, status: 200 });
			expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
			const body = await res.text();
			expect(body).toMatch(/<svg[\s>]/);
			svgs.push(body);
		}
		expect(svgs[0]).not.toBe(svgs[1]);
	});

	it('loads every node and credential that package.json "n8n" lists', async () => {
		const pkg = JSON.parse(
			fs.readFileSync(path.join(runtime.PROJECT_ROOT, 'package.json'), 'utf8'),
		);
		type Loadable = new () => { name?: string; description?: { name: string } };
		// The built classes, loaded here only to read their type names.
		const namesIn = async (files: string[]) => {
			const names: string[] = [];
			for (const file of files) {
				const exported = (await import(path.join(runtime.PROJECT_ROOT, file))) as Record<
					string,
					Loadable
				>;
				const instance = new (
					Object.values(exported).find((value) => typeof value === 'function') as Loadable
				)();
				names.push(instance.description?.name ?? instance.name ?? `(no name in ${file})`);
			}
			return names;
		};
		const nodeNames = (await env.rest.nodeTypes()).map((t) => t.name);
		const credentialNames = (await env.rest.credentialTypes()).map((t) => t.name);
		const expectedNodes = (await namesIn(pkg.n8n.nodes)).map((name) => `${PACKAGE}.${name}`);
		expect(expectedNodes.length).toBeGreaterThan(0);
		expect(nodeNames).toEqual(expect.arrayContaining(expectedNodes));
		expect(credentialNames).toEqual(expect.arrayContaining(await namesIn(pkg.n8n.credentials)));
	});

	it('lists the tempMailApi credential type with its icon', async () => {
		const credentialTypes = await env.rest.credentialTypes();
		const tempMailApi = credentialTypes.find((t) => t.name === 'tempMailApi');
		expect(tempMailApi).toBeDefined();
		expect(tempMailApi?.displayName).toBe('Temp Mail API');
		expect(tempMailApi?.properties.map((p) => p.name)).toEqual(
			expect.arrayContaining(['apiKey', 'baseUrl']),
		);
		expect(tempMailApi?.iconUrl).toEqual({
			light: expect.stringMatching(/\.svg$/),
			dark: expect.stringMatching(/\.svg$/),
		});
	});

	it('knows every node type and version the example workflows (examples/*.json) use', async () => {
		const dir = path.join(runtime.PROJECT_ROOT, 'examples');
		const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
		expect(files.length).toBeGreaterThan(0);
		const known = new Set<string>();
		for (const t of await env.rest.nodeTypes()) {
			for (const version of Array.isArray(t.version) ? t.version : [t.version])
				known.add(`${t.name}@${version}`);
		}
		const unknown: string[] = [];
		for (const file of files) {
			const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
				nodes: Array<{ name: string; type: string; typeVersion: number }>;
			};
			for (const node of workflow.nodes) {
				if (!known.has(`${node.type}@${node.typeVersion}`))
					unknown.push(`${file}: "${node.name}" ${node.type}@${node.typeVersion}`);
			}
		}
		expect(unknown).toEqual([]);
	});

	it('was loaded without errors or warnings about the package in the n8n log', () => {
		const log = fs.readFileSync(env.n8n.logFile, 'utf8');
		const complaints = log
			.split('\n')
			.filter((line) => line.includes(PACKAGE) && /error|fail|skipp|warn|invalid/i.test(line));
		expect(complaints).toEqual([]);
	});
});

describe('credential "Test connection" (POST /rest/credentials/test)', () => {
	beforeEach(async () => {
		await control.clearRequests();
	});

	it('answers OK for the imported credential, sending the key as a Bearer token', async () => {
		// What the editor does: open the stored credential (secrets come back redacted)
		// and test it; n8n fills the redacted key in from the stored credential.
		const stored = await env.rest.getCredential(CREDENTIAL_ID, true);
		expect(stored).toMatchObject({ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'tempMailApi' });
		expect(stored.data?.baseUrl).toBe(env.sim.url);
		expect(stored.data?.apiKey).not.toBe(env.sim.defaultKey);

		const result = await env.rest.testCredential({
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: stored.data,
		});
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });

		const requests = await apiRequests();
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'GET',
				rawPath: expect.stringMatching(/^\/api\/domains(\?|$)/),
				authorization: `Bearer ${env.sim.defaultKey}`,
			}),
		]);
	});

	it('fails clearly for a wrong key', async () => {
		const stored = await env.rest.getCredential(CREDENTIAL_ID, true);
		const result = await env.rest.testCredential({
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: { ...stored.data, apiKey: 'wrong-key' },
		});
		report(`wrong key: ${JSON.stringify(result)}`);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/unauthori[sz]ed|refused|api key/i);
		// n8n may repeat the request after a 401; every attempt carried the wrong key.
		const seen = (await apiRequests()).map((r) => r.authorization);
		expect(seen.length).toBeGreaterThan(0);
		expect(new Set(seen)).toEqual(new Set(['Bearer wrong-key']));
	});

	it('fails clearly when the API cannot be reached', async () => {
		const closedPort = await runtime.freePort();
		const stored = await env.rest.getCredential(CREDENTIAL_ID, true);
		const result = await env.rest.testCredential({
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: { ...stored.data, baseUrl: `http://127.0.0.1:${closedPort}` },
		});
		report(`unreachable API: ${JSON.stringify(result)}`);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED|connect|refused/i);
	});

	it('refuses plain http to a non-loopback host without sending the key', async () => {
		// 0.0.0.0 reaches this machine's simulator, yet is not a loopback name: the request
		// would arrive (with the key) if "Test connection" skipped the base URL rule.
		const stored = await env.rest.getCredential(CREDENTIAL_ID, true);
		const result = await env.rest.testCredential({
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: { ...stored.data, baseUrl: env.sim.url.replace('127.0.0.1', '0.0.0.0') },
		});
		report(`http to 0.0.0.0: ${JSON.stringify(result)}`);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/must use https/);
		expect(await apiRequests()).toEqual([]);
	});

	it('answers OK for a credential created through the REST API', async () => {
		const created = await env.rest.createCredential({
			name: 'Temp Mail API (created over REST)',
			type: 'tempMailApi',
			data: { apiKey: env.sim.defaultKey, baseUrl: env.sim.url },
		});
		const stored = await env.rest.getCredential(created.id, true);
		const result = await env.rest.testCredential({
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: stored.data,
		});
		expect(result.status).toBe('OK');
	});
});

describe('workflow: Manual Trigger → Temp Mail: Mailbox → Create → Temp Mail: Message → Get Many', () => {
	beforeEach(async () => {
		await control.clearRequests();
	});

	it('runs with `n8n execute --id` against the simulator and returns the created mailbox', async () => {
		const result = await runtime.executeWorkflow(env.cli, MAILBOX_WORKFLOW_ID);
		report(`n8n execute took ${result.seconds.toFixed(1)}s`);
		if (result.code !== 0)
			throw new Error(
				`n8n execute failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		expect(result.data?.status).toBe('success');

		const created = nodeOutput(result.data, CREATE_NODE);
		expect(created).toHaveLength(1);
		const mailbox = created[0].json;
		expect(mailbox).toMatchObject({
			id: expect.any(Number),
			email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/),
			domain: expect.any(String),
			expiresAt: expect.any(String),
			token: expect.any(String),
		});
		expect(String(mailbox.email).endsWith(`@${mailbox.domain}`)).toBe(true);

		// Get Many ran for that address (a new mailbox is empty: one empty item, from alwaysOutputData).
		expect(nodeOutput(result.data, LIST_NODE)).toEqual([expect.objectContaining({ json: {} })]);
		const requests = await apiRequests();
		expect(requests.map((r) => `${r.method} ${r.rawPath.split('?')[0]}`)).toEqual([
			'POST /api/emails',
			'GET /api/messages',
		]);
		expect(requests[1].query.email).toBe(mailbox.email);
		expect(new Set(requests.map((r) => r.authorization))).toEqual(
			new Set([`Bearer ${env.sim.defaultKey}`]),
		);

		// The mailbox really exists in the simulator, owned by the credential's account.
		expect(await mailboxIsOwned(String(mailbox.email))).toBe(true);
	});

	it('runs through the REST API like the editor\'s "Execute workflow", and the execution is stored', async () => {
		const { executionId } = await env.rest.runWorkflow(MAILBOX_WORKFLOW_ID, TRIGGER_NODE);
		const execution = await env.rest.waitForExecution(executionId);
		expect(execution).toMatchObject({ status: 'success', mode: 'manual' });
		const [mailbox] = nodeOutput(execution, CREATE_NODE);
		expect(await mailboxIsOwned(String(mailbox.json.email))).toBe(true);

		const executions = await env.rest.listExecutions({ workflowId: MAILBOX_WORKFLOW_ID });
		expect(executions).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: executionId, mode: 'manual', status: 'success' }),
				expect.objectContaining({ mode: 'cli', status: 'success' }),
			]),
		);
	});

	it('returns the messages of a mailbox (workflow created over REST, message delivered by the simulator)', async () => {
		const mailbox = await control.createMailbox({ key: env.sim.defaultKey });
		await control.deliver(mailbox.email, {
			subject: 'Your code is 481516',
			fromEmail: 'no-reply@service.example',
			from: 'Example Service',
			content: 'Use 481516 to sign in.',
		});
		const credentials = { tempMailApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
		const workflow = await env.rest.createWorkflow({
			name: 'E2E: read a known mailbox',
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'c0000000-0000-4000-8000-000000000001',
					name: TRIGGER_NODE,
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'c0000000-0000-4000-8000-000000000002',
					name: LIST_NODE,
					type: `${PACKAGE}.tempMail`,
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'message',
						operation: 'getAll',
						email: mailbox.email,
						returnAll: true,
					},
					credentials,
				},
			],
			connections: { [TRIGGER_NODE]: { main: [[{ node: LIST_NODE, type: 'main', index: 0 }]] } },
		});
		const { executionId } = await env.rest.runWorkflow(workflow.id, TRIGGER_NODE);
		const execution = await env.rest.waitForExecution(executionId);
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, LIST_NODE).map((item) => item.json)).toEqual([
			expect.objectContaining({
				subject: 'Your code is 481516',
				from: 'no-reply@service.example',
				fromName: 'Example Service',
				to: mailbox.email,
				content: 'Use 481516 to sign in.',
				seen: false,
			}),
		]);
	});
});

describe('Temp Mail Trigger, activated in n8n (polls every minute: this test takes up to about a minute)', () => {
	it('starts the workflow once for a message that arrives after activation, not for the one already there', async () => {
		const mailbox = await control.createMailbox({ key: env.sim.defaultKey });
		await control.deliver(mailbox.email, { subject: 'Already there before activation' });
		const workflow = await env.rest.createWorkflow(triggerWorkflow(mailbox.email));
		await control.clearRequests();
		// Activation runs a first poll that records what the mailbox holds. n8n 2.41
		// publishes asynchronously (an outbox), so that poll may still be ahead when the
		// REST call returns: wait until the simulator has answered it.
		await env.rest.activateWorkflow(workflow.id, workflow.versionId);
		try {
			await waitFor(
				'the activation poll',
				async () =>
					(await apiRequests()).find((r) => r.method === 'GET' && r.query.email === mailbox.email),
				60_000,
				250,
			);
			// The request is logged when it arrives: give the listing a moment to be answered.
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await control.deliver(mailbox.email, {
				subject: 'Arrived after activation',
				fromEmail: 'alerts@service.example',
			});
			const started = Date.now();
			const done = await waitFor(
				'a trigger execution',
				async () =>
					(await env.rest.listExecutions({ workflowId: workflow.id })).find(
						(e) => e.mode === 'trigger' && !['new', 'running', 'waiting'].includes(e.status),
					),
				100_000,
			);
			report(
				`the trigger fired ${((Date.now() - started) / 1000).toFixed(0)}s after the message arrived`,
			);
			const execution = await env.rest.getExecution(done.id);
			expect(execution.status).toBe('success');
			expect(nodeOutput(execution, POLL_TRIGGER_NODE).map((item) => item.json)).toEqual([
				expect.objectContaining({
					subject: 'Arrived after activation',
					from: 'alerts@service.example',
					to: mailbox.email,
				}),
			]);
		} finally {
			await env.rest.deactivateWorkflow(workflow.id);
		}
	}, 150_000);
});

describe('the API key stays secret when the API fails (errors that echo the key back)', () => {
	afterEach(async () => {
		await control.clearFaults();
	});

	it('is in neither the stored failed executions, `n8n execute` output, nor the n8n log', async () => {
		const key = env.sim.defaultKey;
		// A 401 whose body quotes the key and the header, then an HTML 500 page that does too.
		await control.injectFaults(
			{
				kind: 'body',
				status: 401,
				contentType: 'application/json',
				body: { status: false, message: `Invalid key ${key}`, authorization: `Bearer ${key}` },
			},
			{ method: 'POST', pathPrefix: '/api/emails' },
		);
		const { executionId } = await env.rest.runWorkflow(MAILBOX_WORKFLOW_ID, TRIGGER_NODE);
		const restRun = await env.rest.waitForExecution(executionId);
		expect(restRun.status).toBe('error');

		await control.injectFaults(
			{
				kind: 'body',
				status: 500,
				contentType: 'text/html',
				body: `<html><body>Internal error for Authorization: Bearer ${key}</body></html>`,
			},
			{ method: 'GET', pathPrefix: '/api/messages' },
		);
		const cliRun = await runtime.executeWorkflow(env.cli, MAILBOX_WORKFLOW_ID);
		expect(cliRun.code).not.toBe(0);
		// The failure really reached the node (else this test would prove nothing).
		expect(JSON.stringify(cliRun.data?.data?.resultData?.error ?? cliRun.stdout)).toMatch(
			/500|server/i,
		);
		expect(JSON.stringify(restRun.data.resultData?.error)).toMatch(/401|key|unauthori/i);

		const stored = await env.rest.getExecution(executionId);
		for (const [where, text] of [
			['the stored REST execution', JSON.stringify(stored)],
			['`n8n execute` stdout', cliRun.stdout],
			['`n8n execute` stderr', cliRun.stderr],
			['the n8n log', fs.readFileSync(env.n8n.logFile, 'utf8')],
		] as const) {
			const at = text.indexOf(key);
			if (at >= 0)
				report(
					`the key is in ${where}: …${text
						.slice(Math.max(0, at - 400), at + 100)
						.split(key)
						.join('[KEY]')}…`,
				);
			expect({ where, leaks: text.includes(key) }).toEqual({ where, leaks: false });
		}
	});
});
