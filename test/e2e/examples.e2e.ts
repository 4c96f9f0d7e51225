// End-to-end: every example workflow in examples/ runs in a real n8n (each supported version) against the
// Temp Mail API simulator, imported the way `npm start` imports them (n8n CLI), with only
// what a user would change rewritten: the credential, the sign-up URL, the trigger's
// mailbox, the output folder and (to keep the test short) the trigger's poll times.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as runtime from '../../scripts/runtime';
import { SimulatorControl, generatedAttachmentSha256 } from '../simulator';
import { EXAMPLES_DIR, loadExample } from './support/examples';
import { recordCheck } from './support/compat';
import { nodeOutput, startE2eEnvironment, waitFor } from './support/environment';
import type { E2eEnvironment } from './support/environment';
import { nodeNamed, pollEverySeconds } from './support/workflows';
import type { WorkflowJson } from './support/workflows';
import { progressReporter } from './support/report';

const MB = 1024 * 1024;
/** The folder examples/attachments-to-disk.json writes to; scripts/runtime/env.js allows it. */
const ATTACHMENTS_ROOT = '/tmp/n8n-tempmail-attachments';

const SIGNUP = { file: 'signup-verification.json', id: 'tmSignupVerify01' };
const ATTACHMENTS = { file: 'attachments-to-disk.json', id: 'tmAttachToDisk01' };
const QUOTA = { file: 'quota-watch.json', id: 'tmQuotaWatch0001' };
/** Needs an S3 store: run by attachments-to-s3.e2e.ts. */
const S3 = { file: 'attachments-to-s3.json', id: 'tmAttachToS3x01' };
const AI_AGENT_FILE = 'ai-agent-signup.json';

let env: E2eEnvironment;
let control: SimulatorControl;
/** The address the attachments example's trigger watches: chosen before import, created once the simulator runs. */
const attachmentsMailbox = `attachments-${crypto.randomBytes(4).toString('hex')}@tempmail.test`;
let attachmentsDir: string;

const { report, timedStep } = progressReporter('e2e examples');

/** signup-verification with its "Sign Up on the Site" request aimed at the running simulator. */
function signupWorkflow(simUrl: string): WorkflowJson {
	const workflow = loadExample(SIGNUP.file);
	const signUp = nodeNamed(workflow, 'Sign Up on the Site');
	expect(signUp.parameters.url).toMatch(/\/__control\/signup$/);
	signUp.parameters.url = `${simUrl}/__control/signup`;
	return workflow;
}

/** attachments-to-disk watching `mailbox`, writing below `dir`, polling every 5 s. */
function attachmentsWorkflow(mailbox: string, dir: string): WorkflowJson {
	const workflow = loadExample(ATTACHMENTS.file);
	const trigger = nodeNamed(workflow, 'Temp Mail Trigger');
	trigger.parameters.mailboxes = mailbox;
	trigger.parameters.pollTimes = pollEverySeconds(5);
	const write = nodeNamed(workflow, 'Write Attachment to Disk');
	const fileName = String(write.parameters.fileName);
	expect(fileName.startsWith(`=${ATTACHMENTS_ROOT}/`)).toBe(true);
	write.parameters.fileName = fileName.replace(`=${ATTACHMENTS_ROOT}/`, `=${dir}/`);
	return workflow;
}

beforeAll(async () => {
	// A fresh folder inside the allowed one (created first: n8n resolves allowed folders with realpath).
	fs.mkdirSync(ATTACHMENTS_ROOT, { recursive: true });
	attachmentsDir = fs.mkdtempSync(path.join(ATTACHMENTS_ROOT, 'e2e-'));
	// The simulator's URL is known only once it runs: the sign-up example is imported
	// later (its URL rewritten); the other two need nothing from the simulator.
	env = await startE2eEnvironment('examples', [
		attachmentsWorkflow(attachmentsMailbox, attachmentsDir),
		loadExample(QUOTA.file),
	]);
	control = new SimulatorControl(env.sim.url);
	await timedStep('import the sign-up example (n8n import:workflow)', () =>
		runtime.importWorkflows(env.cli, [signupWorkflow(env.sim.url)]),
	);
	const steps = Object.entries(env.timings).map(([step, s]) => `${step} ${s.toFixed(1)}s`);
	report(
		`n8n ${runtime.N8N_VERSION} on ${env.n8n.url}, simulator on ${env.sim.url}; ${steps.join(', ')}`,
	);
}, 300_000);

afterAll(async () => {
	if (env) await env.stop();
	if (attachmentsDir && process.env.TEMPMAIL_E2E_KEEP !== '1')
		fs.rmSync(attachmentsDir, { recursive: true, force: true });
}, 60_000);

it('covers every example in examples/', () => {
	const files = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort();
	// ai-agent-signup.json needs a model: ai-agent.e2e.ts runs it with a scripted one.
	expect(files).toEqual([AI_AGENT_FILE, ATTACHMENTS.file, QUOTA.file, S3.file, SIGNUP.file].sort());
	for (const { file, id } of [SIGNUP, ATTACHMENTS, QUOTA, S3])
		expect({ file, id: loadExample(file).id }).toEqual({ file, id });
});

describe('examples/signup-verification.json', () => {
	it('signs up with a new mailbox, extracts the code and link the site sent, and deletes the mailbox', async () => {
		const before = (await control.signUps()).length;
		await control.clearRequests();
		const result = await timedStep(`n8n execute --id ${SIGNUP.id}`, () =>
			runtime.executeWorkflow(env.cli, SIGNUP.id),
		);
		if (result.code !== 0)
			throw new Error(
				`n8n execute failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		expect(result.data?.status).toBe('success');

		const [mailbox] = nodeOutput(result.data, 'Create Mailbox');
		const email = String(mailbox.json.email);
		const output = nodeOutput(result.data, 'Result').map((item) => item.json);

		// What the demo site mailed to that address (GET /__control/signups).
		const sent = (await control.signUps()).slice(before);
		expect(sent).toEqual([expect.objectContaining({ email: email.toLowerCase() })]);
		report(
			`mailbox ${email}: code ${String(output[0]?.code)}, link ${String(output[0]?.verificationLink)}`,
		);
		expect(output).toEqual([
			{ mailbox: email, code: sent[0].code, verificationLink: sent[0].link },
		]);

		// The workflow deleted the mailbox last, and the API no longer knows it.
		const calls = (await control.requests())
			.filter((r) => r.rawPath.startsWith('/api/'))
			.map((r) => `${r.method} ${r.rawPath.split('?')[0]}`);
		report(`API calls: ${calls.join(', ')}`);
		expect(calls[0]).toBe('POST /api/emails');
		expect(calls[calls.length - 1]).toBe(`DELETE /api/emails/${encodeURIComponent(email)}`);
		const res = await fetch(`${env.sim.url}/api/messages?email=${encodeURIComponent(email)}`, {
			headers: { authorization: `Bearer ${env.sim.defaultKey}`, accept: 'application/json' },
		});
		expect({ status: res.status, body: await res.json() }).toEqual({
			status: 404,
			body: { status: false, message: 'Mailbox not found or expired.' },
		});
		recordCheck('signupExample');
	});
});

describe('examples/quota-watch.json (Schedule Trigger, run like the editor\'s "Execute workflow")', () => {
	const TRIGGER = 'Every Hour';

	async function run() {
		const once = async () => {
			const { executionId } = await env.rest.runWorkflow(QUOTA.id, TRIGGER);
			return await env.rest.waitForExecution(executionId);
		};
		const execution = await once();
		// n8n 1.123 once reported a manual run over REST as a success in which only the
		// Schedule Trigger had run (seen 1 time in 4 runs, before waitForExecution waited for
		// the final run data): should it still happen, ask again once, and say so.
		if (execution.status === 'success' && !execution.data?.resultData?.runData?.['Get Quota']) {
			report(`execution ${String(execution.id)} ran only its trigger; running the workflow again`);
			return await once();
		}
		return execution;
	}

	it('takes the "Quota OK" branch while plenty of calls remain', async () => {
		const execution = await timedStep('quota watch, plenty left', run);
		expect(execution.status).toBe('success');
		const [quota] = nodeOutput(execution, 'Get Quota');
		expect(quota.json).toMatchObject({
			limit: 50_000,
			remaining: expect.any(Number),
			resetAt: expect.any(String),
		});
		expect(nodeOutput(execution, 'Quota OK')).toHaveLength(1);
		expect(execution.data.resultData?.runData?.['Alert: Quota Low']).toBeUndefined();
		recordCheck('quotaOkExample');
	});

	it('fails the run at "Alert: Quota Low", naming the remaining calls, when the quota is nearly used up', async () => {
		const account = await control.createAccount({
			key: env.sim.defaultKey,
			quotaLimit: 100,
			used: 95,
		});
		expect(account.remaining).toBe(5);
		let execution;
		try {
			execution = await timedStep('quota watch, nearly exhausted', run);
		} finally {
			// Back to plenty for the tests after this one.
			await control.createAccount({ key: env.sim.defaultKey, quotaLimit: 50_000, used: 0 });
		}
		expect(execution.status).toBe('error');

		// Get Quota itself costs a call: 4 of 100 remain.
		const [quota] = nodeOutput(execution, 'Get Quota');
		expect(quota.json).toMatchObject({ limit: 100, used: 96, remaining: 4 });
		const runData = execution.data.resultData?.runData ?? {};
		expect(runData['Quota OK']).toBeUndefined();
		expect(runData['Alert: Quota Low']?.[0]?.executionStatus).toBe('error');
		const message = execution.data.resultData?.error?.message;
		report(`the run failed with: ${message}`);
		expect(execution.data.resultData?.lastNodeExecuted).toBe('Alert: Quota Low');
		expect(message).toBe(
			`Temp Mail quota low: 4 of 100 calls left until ${String(quota.json.resetAt)}`,
		);
		recordCheck('quotaLowExample');
	});
});

describe('examples/attachments-to-disk.json (activated; the trigger polls every 5 s here)', () => {
	it('writes every attachment of every new message to disk, byte for byte, with no Code node', async () => {
		expect(loadExample(ATTACHMENTS.file).nodes.map((node) => node.type)).not.toContain(
			'n8n-nodes-base.code',
		);
		const big = { name: 'big-5mb.bin', size: 5 * MB, seed: `e2e-${crypto.randomUUID()}` };
		const small = { name: 'notes.txt', text: 'Meeting notes: ship it.\n' };
		const pdf = {
			name: 'invoice 2026.pdf',
			contentBase64: crypto.randomBytes(40_000).toString('base64'),
		};
		const expected = new Map<string, string>([
			[big.name, generatedAttachmentSha256(big.size, big.seed)],
			[small.name, sha256(Buffer.from(small.text))],
			[pdf.name, sha256(Buffer.from(pdf.contentBase64, 'base64'))],
		]);

		await control.createMailbox({ email: attachmentsMailbox });
		await control.clearRequests();
		const workflow = await env.rest.getWorkflow(ATTACHMENTS.id);
		await timedStep('activate', () =>
			env.rest.activateWorkflow(ATTACHMENTS.id, workflow.versionId),
		);
		try {
			// The activation poll records what the mailbox holds (nothing): mail must come after it.
			await waitFor(
				'the activation poll',
				async () =>
					(await control.requests()).find(
						(r) => r.method === 'GET' && r.query.email === attachmentsMailbox,
					),
				60_000,
				250,
			);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			const started = Date.now();
			const first = await control.deliver(attachmentsMailbox, {
				subject: 'Big file and notes',
				attachments: [big, small],
			});
			const second = await control.deliver(attachmentsMailbox, {
				subject: 'Invoice',
				attachments: [pdf],
			});

			const executionsDone = async () => {
				const executions = await env.rest.listExecutions({ workflowId: ATTACHMENTS.id });
				const failed = executions.find((e) => e.status === 'error' || e.status === 'crashed');
				if (failed) {
					const error = (await env.rest.getExecution(failed.id)).data.resultData?.error ?? null;
					throw new Error(`execution ${failed.id} ${failed.status}: ${JSON.stringify(error)}`);
				}
				return executions.length > 0 && executions.every((e) => e.status === 'success')
					? executions
					: undefined;
			};
			await waitFor(
				'3 files on disk',
				async () => {
					await executionsDone(); // throws as soon as an execution failed
					return listFiles(attachmentsDir).length >= 3 ? true : undefined;
				},
				90_000,
				500,
			);
			// A file appears when writing starts: wait for every execution to finish before reading.
			await waitFor('the executions to finish', executionsDone, 60_000, 500);
			const files = listFiles(attachmentsDir);
			report(`files written ${((Date.now() - started) / 1000).toFixed(1)}s after delivery`);

			// Exactly one file per attachment, <dir>/<message id>-<attachment name>, each byte-identical.
			const onDisk = Object.fromEntries(
				files.map((file) => [path.relative(attachmentsDir, file), sha256(fs.readFileSync(file))]),
			);
			expect(onDisk).toEqual({
				[`${first.id}-${big.name}`]: expected.get(big.name),
				[`${first.id}-${small.name}`]: expected.get(small.name),
				[`${second.id}-${pdf.name}`]: expected.get(pdf.name),
			});
			const executions = (await executionsDone()) ?? [];
			expect(executions.every((e) => e.mode === 'trigger')).toBe(true);
			report(`${executions.length} trigger execution(s) for 2 messages`);
			recordCheck('attachmentsExample');
		} finally {
			await env.rest.deactivateWorkflow(ATTACHMENTS.id);
		}
	}, 150_000);
});

function sha256(data: Buffer): string {
	return crypto.createHash('sha256').update(data).digest('hex');
}

/** Every regular file below `dir`. */
function listFiles(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}
