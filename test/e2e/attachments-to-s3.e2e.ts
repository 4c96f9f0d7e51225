// End-to-end: examples/attachments-to-s3.json, as shipped (Temp Mail Trigger with
// One Item per Attachment → n8n's own S3 node, no Code node), activated in a real n8n
// against the Temp Mail API simulator and a local S3-compatible store (s3rver, path
// style). Several messages with attachments of different types and sizes up to 50 MB
// arrive; every object in the bucket must equal what was mailed, byte for byte. Run in
// regular mode and in queue mode (the workers upload) with binary data kept in the
// database and on the filesystem.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as runtime from '../../scripts/runtime';
import { SimulatorControl, generatedAttachmentSha256 } from '../simulator';
import type { AttachmentSpec } from '../simulator';
import { startE2eEnvironment, waitFor } from './support/environment';
import { loadExample } from './support/examples';
import { startQueueEnvironment, workerExecutions } from './support/queue';
import { progressReporter } from './support/report';
import { nodeNamed, pollEverySeconds } from './support/workflows';
import type { WorkflowJson } from './support/workflows';

const MB = 1024 * 1024;
const EXAMPLE = { file: 'attachments-to-s3.json', id: 'tmAttachToS3x01' };
const { report, timedStep } = progressReporter('e2e attachments-to-s3');

interface Deployment {
	sim: { url: string };
	rest: runtime.N8nRest;
	cli: runtime.CliOptions;
}

/** The example as shipped, watching `mailbox` and polling every 5 s; its S3 credential id is kept. */
function s3Workflow(mailbox: string): {
	workflow: WorkflowJson;
	bucket: string;
	credentialId: string;
} {
	const workflow = loadExample(EXAMPLE.file);
	const trigger = nodeNamed(workflow, 'Temp Mail Trigger');
	expect(trigger.parameters.options).toMatchObject({ attachmentOutput: 'perAttachment' });
	trigger.parameters.mailboxes = mailbox;
	trigger.parameters.pollTimes = pollEverySeconds(5);
	const upload = nodeNamed(workflow, 'Upload to S3');
	expect(workflow.nodes.map((node) => node.type).sort()).toEqual(
		['n8n-nodes-base.s3', 'n8n-nodes-tempmail.tempMailTrigger'].sort(),
	);
	return {
		workflow,
		bucket: String(upload.parameters.bucketName),
		credentialId: String(upload.credentials?.s3?.id),
	};
}

/** A process's peak resident set (VmHWM) in MB, or null once it is gone. */
function peakRssMb(pid: number): number | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
	} catch {
		return null;
	}
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Attachments of several types and sizes, with the sha256 each must have in the bucket. */
function attachmentSet(
	tag: string,
): Array<{ spec: AttachmentSpec; sha: string; objectName: string }> {
	const pdf = crypto.randomBytes(300_000);
	const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), crypto.randomBytes(64_000)]);
	const text = `Meeting notes ${tag}: ship it.\n`;
	const big = { size: 50 * MB, seed: `s3-${tag}-${crypto.randomUUID()}` };
	const mid = { size: 7 * MB, seed: `s3-mid-${tag}-${crypto.randomUUID()}` };
	return [
		{
			spec: { name: 'video-50mb.bin', contentType: 'application/octet-stream', ...big },
			sha: generatedAttachmentSha256(big.size, big.seed),
			objectName: 'video-50mb.bin',
		},
		{
			spec: {
				name: 'Rechnung März 2026.pdf',
				contentType: 'application/pdf',
				contentBase64: pdf.toString('base64'),
			},
			sha: sha256(pdf),
			objectName: 'Rechnung März 2026.pdf',
		},
		{
			spec: { name: 'logo.png', contentType: 'image/png', contentBase64: png.toString('base64') },
			sha: sha256(png),
			objectName: 'logo.png',
		},
		{
			spec: { name: 'notes.txt', contentType: 'text/plain', text },
			sha: sha256(Buffer.from(text)),
			objectName: 'notes.txt',
		},
		{
			// A sender-chosen folder in the name: n8n's binary keeps only the last part, so
			// the object lands under the message, never elsewhere in the bucket.
			spec: { name: 'reports/q4.csv', contentType: 'text/csv', text: 'quarter,total\nq4,42\n' },
			sha: sha256(Buffer.from('quarter,total\nq4,42\n')),
			objectName: 'q4.csv',
		},
		{
			spec: { name: 'archive.zip', contentType: 'application/zip', ...mid },
			sha: generatedAttachmentSha256(mid.size, mid.seed),
			objectName: 'archive.zip',
		},
	];
}

/**
 * Activates the example on `deployment`, mails three messages (the 50 MB file alone,
 * four small files, one 7 MB file) and waits until the bucket holds every attachment.
 * Returns the executions that ran.
 */
async function runPipeline(deployment: Deployment, label: string) {
	const control = new SimulatorControl(deployment.sim.url);
	const mailbox = `s3-${label}-${crypto.randomBytes(4).toString('hex')}@tempmail.test`;
	const store = await runtime.startS3Server({
		directory: fs.mkdtempSync(path.join(os.tmpdir(), `tempmail-s3-${label}-`)),
		buckets: [],
	});
	try {
		const { workflow, bucket, credentialId } = s3Workflow(mailbox);
		await fetch(`${store.url}/${bucket}`, { method: 'PUT' });
		await runtime.importCredentials(deployment.cli, [
			{ id: credentialId, name: 'Local S3 (e2e)', type: 's3', data: store.credentialData() },
		]);
		await runtime.importWorkflows(deployment.cli, [workflow]);
		await control.createMailbox({ email: mailbox });
		const current = await deployment.rest.getWorkflow(EXAMPLE.id);
		await timedStep(`${label}: activate`, () =>
			deployment.rest.activateWorkflow(EXAMPLE.id, current.versionId),
		);
		await waitFor(
			'the activation poll',
			async () =>
				(await control.requests()).find((r) => r.method === 'GET' && r.query.email === mailbox),
			60_000,
			250,
		);
		await new Promise((resolve) => setTimeout(resolve, 1000));

		const files = attachmentSet(label);
		const groups = [[files[0]], files.slice(1, 5), [files[5]]];
		const expected: Record<string, string> = {};
		for (const [index, group] of groups.entries()) {
			const sent = await control.deliver(mailbox, {
				subject: `Files ${index}`,
				attachments: group.map((file) => file.spec),
			});
			for (const file of group) expected[`${sent.id}/${file.objectName}`] = file.sha;
		}

		const started = Date.now();
		const executions = await waitFor(
			`${Object.keys(expected).length} objects in s3://${bucket}`,
			async () => {
				const list = await deployment.rest.listExecutions({ workflowId: EXAMPLE.id });
				const failed = list.find((e) => e.status === 'error' || e.status === 'crashed');
				if (failed) {
					const error = (await deployment.rest.getExecution(failed.id)).data.resultData?.error;
					throw new Error(
						`execution ${failed.id} ${failed.status}: ${JSON.stringify(error ?? null)}`,
					);
				}
				const keys = await store.listKeys(bucket);
				const settled = list.every((e) => !['new', 'running', 'waiting'].includes(e.status));
				return settled && Object.keys(expected).every((key) => keys.includes(key))
					? list
					: undefined;
			},
			240_000,
			1000,
		);
		report(
			`${label}: ${executions.length} execution(s), bucket complete after ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);

		const actual: Record<string, string> = {};
		for (const key of await store.listKeys(bucket)) {
			const bytes = await store.getObject(bucket, key);
			actual[key] = bytes ? sha256(bytes) : 'missing';
		}
		expect(actual).toEqual(expected);
		await deployment.rest.deactivateWorkflow(EXAMPLE.id);
		return executions;
	} finally {
		await store.close();
	}
}

describe('examples/attachments-to-s3.json in regular mode', () => {
	let env: Awaited<ReturnType<typeof startE2eEnvironment>>;
	beforeAll(async () => {
		env = await startE2eEnvironment('attachments-to-s3');
	}, 300_000);
	afterAll(async () => {
		if (env) await env.stop();
	}, 60_000);

	it('uploads every attachment to the bucket, byte for byte, with no Code node', async () => {
		const executions = await runPipeline(env, 'regular');
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		report(
			`regular: n8n peak RSS ${peakRssMb(env.n8n.pid)} MB after moving 57 MB (largest file 50 MB)`,
		);
	});
});

describe.each(['database', 'filesystem'] as const)(
	'examples/attachments-to-s3.json in queue mode, binary data mode %s',
	(binaryDataMode) => {
		let env: Awaited<ReturnType<typeof startQueueEnvironment>>;
		beforeAll(async () => {
			env = await startQueueEnvironment(
				`attachments-to-s3-queue-${binaryDataMode}`,
				binaryDataMode,
			);
		}, 300_000);
		afterAll(async () => {
			if (env) await env.stop();
		}, 60_000);

		it('the workers upload every attachment to the bucket, byte for byte', async () => {
			const deployment = {
				sim: env.sim,
				rest: env.rest,
				cli: { runtime: runtime.requireRuntime(), userFolder: env.userFolder },
			};
			const executions = await runPipeline(deployment, `queue-${binaryDataMode}`);
			expect(executions.every((e) => e.status === 'success')).toBe(true);
			const finished = new Set(
				env.workerLogs().flatMap((log) => [...workerExecutions(log).finished]),
			);
			for (const execution of executions) expect(finished.has(execution.id)).toBe(true);
			const workers = env.cluster.workers.map((worker) => `${peakRssMb(worker.pid)} MB`);
			report(
				`queue ${binaryDataMode}: peak RSS main ${peakRssMb(env.cluster.main.pid)} MB, workers ${workers.join(' / ')} (largest file 50 MB)`,
			);
		});
	},
);
