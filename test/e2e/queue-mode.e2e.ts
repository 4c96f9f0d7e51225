// End-to-end: the package in n8n's queue mode (scripts/runtime/queue.js): redis-server,
// one n8n main that runs the Temp Mail Trigger, two `n8n worker`s that run the
// executions, one shared user folder. An activated workflow (trigger with attachments →
// Message → Get → attachments written to disk) must run every execution on a worker,
// process each message once, and write every attachment intact, in the `database` and
// the `filesystem` binary data modes. In database mode also: main restarted while mail
// keeps arriving, and a worker killed with SIGKILL in the middle of executions.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as runtime from '../../scripts/runtime';
import { SimulatorControl } from '../simulator';
import { waitFor } from './support/environment';
import { startQueueEnvironment, workerExecutions } from './support/queue';
import type { QueueEnvironment } from './support/queue';
import { queueWorkflow } from './support/queueWorkflow';
import { progressReporter } from './support/report';
import { POLL_TRIGGER_NODE } from './support/workflows';

const { report, timedStep } = progressReporter('e2e queue-mode');
const ATTACHMENTS_ROOT = runtime.ATTACHMENTS_FOLDER;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

interface SentMessage {
	id: string;
	/** attachment file name → sha256 of its bytes */
	files: Map<string, string>;
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	/** Message ids the trigger handed to this execution. */
	messageIds: string[];
}

/** A message with 1–2 random attachments (the first message's is 3 MB); returns what was sent. */
async function deliver(
	control: SimulatorControl,
	email: string,
	index: number,
	receivedAt?: string,
): Promise<SentMessage & { receivedAt: string }> {
	const files = new Map<string, string>();
	const attachments = [];
	for (let k = 0; k < 1 + (index % 2); k++) {
		const bytes = randomBytes(
			index === 0 && k === 0 ? 3 * 1024 * 1024 : 2_000 + ((index * 7919 + k * 104_729) % 200_000),
		);
		const name = `file-${index}-${k}.bin`;
		files.set(name, createHash('sha256').update(bytes).digest('hex'));
		attachments.push({
			name,
			contentType: 'application/octet-stream',
			contentBase64: bytes.toString('base64'),
		});
	}
	const message = await control.deliver(email, {
		subject: `queue message ${index}`,
		attachments,
		...(receivedAt ? { receivedAt } : {}),
	});
	return { id: String(message.id), files, receivedAt: String(message.receivedAt) };
}

/** The ids the trigger emitted into an execution: its run data, or the start data a crashed run never got to. */
function emittedIds(execution: { data?: runtime.RunExecutionData }): string[] {
	const data = execution.data as unknown as {
		resultData?: {
			runData?: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: { id?: unknown } }>> } }>
			>;
		};
		executionData?: {
			nodeExecutionStack?: Array<{
				node: { name: string };
				data?: { main?: Array<Array<{ json: { id?: unknown } }>> };
			}>;
		};
	};
	const run = data?.resultData?.runData?.[POLL_TRIGGER_NODE]?.[0]?.data?.main?.[0];
	const start = data?.executionData?.nodeExecutionStack?.find(
		(entry) => entry.node.name === POLL_TRIGGER_NODE,
	)?.data?.main?.[0];
	return (run ?? start ?? []).map((item) => String(item.json.id));
}

async function executionsOf(
	env: QueueEnvironment,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const list = await env.rest.listExecutions({ workflowId });
	const out: ExecutionSummary[] = [];
	for (const summary of [...list].sort((a, b) => Number(a.id) - Number(b.id))) {
		const execution = await env.rest.getExecution(summary.id);
		out.push({
			id: String(execution.id),
			status: execution.status,
			mode: execution.mode,
			messageIds: emittedIds(execution),
		});
	}
	return out;
}

/** The message ids the trigger remembers for a mailbox (its static data, as n8n stored it). */
async function triggerState(
	env: QueueEnvironment,
	workflowId: string,
	email: string,
): Promise<string[]> {
	const workflow = (await env.rest.getWorkflow(workflowId)) as { staticData?: unknown };
	const staticData = (
		typeof workflow.staticData === 'string' ? JSON.parse(workflow.staticData) : workflow.staticData
	) as Record<string, { mailboxes?: Record<string, { ids?: string[] }> }> | undefined;
	return staticData?.[`node:${POLL_TRIGGER_NODE}`]?.mailboxes?.[email]?.ids ?? [];
}

const settled = (e: ExecutionSummary) => !['new', 'running', 'waiting'].includes(e.status);

/** Waits until every execution has ended and the trigger has handed over every id in `ids`. */
async function executionsCovering(
	env: QueueEnvironment,
	workflowId: string,
	ids: string[],
	timeoutMs: number,
): Promise<ExecutionSummary[]> {
	let last: ExecutionSummary[] = [];
	try {
		return await waitFor(
			`executions covering ${ids.length} message(s)`,
			async () => {
				last = await executionsOf(env, workflowId);
				const emitted = new Set(last.flatMap((e) => e.messageIds));
				return last.every(settled) && ids.every((id) => emitted.has(id)) ? last : undefined;
			},
			timeoutMs,
			1000,
		);
	} catch (error) {
		const emitted = new Set(last.flatMap((e) => e.messageIds));
		const missing = ids.filter((id) => !emitted.has(id));
		throw new Error(
			`${(error as Error).message}; missing ${JSON.stringify(missing)}; executions ${JSON.stringify(last)}`,
		);
	}
}

/** Every attachment of every message written twice (trigger's copy, Get's copy), byte for byte. */
function expectFilesOnDisk(folder: string, messages: SentMessage[]) {
	const expected: Record<string, string> = {};
	for (const message of messages) {
		for (const [name, sha] of message.files) {
			for (const source of ['trigger', 'get']) expected[`${source}-${message.id}-${name}`] = sha;
		}
	}
	const actual: Record<string, string> = {};
	for (const file of fs.readdirSync(folder)) {
		if (file in expected)
			actual[file] = createHash('sha256')
				.update(fs.readFileSync(path.join(folder, file)))
				.digest('hex');
	}
	expect(actual).toEqual(expected);
}

/** Each id exactly once across the executions, and no other id. */
function expectEachOnce(executions: ExecutionSummary[], ids: string[]) {
	const emitted = executions.flatMap((e) => e.messageIds);
	expect([...emitted].sort()).toEqual([...ids].sort());
}

function attachmentFolder(name: string): string {
	const folder = path.join(ATTACHMENTS_ROOT, `${name}-${process.pid}-${Date.now()}`);
	fs.mkdirSync(folder, { recursive: true });
	return folder;
}

/**
 * Activates the workflow and waits for the trigger's first poll of `email`: what that
 * poll lists is the baseline, never emitted, so mail for the test comes after it.
 */
async function activate(
	env: QueueEnvironment,
	control: SimulatorControl,
	email: string,
	workflow: object,
): Promise<string> {
	const created = await env.rest.createWorkflow(workflow);
	await env.rest.activateWorkflow(created.id, created.versionId);
	await waitFor(
		`the first poll of ${email}`,
		async () =>
			(await control.requests()).some(
				(r) =>
					r.method === 'GET' && r.rawPath.startsWith('/api/messages') && r.query.email === email,
			)
				? true
				: undefined,
		30_000,
		250,
	);
	return created.id;
}

describe.each([['database' as const], ['filesystem' as const]])(
	'queue mode, %s binary data',
	(binaryDataMode) => {
		let env: QueueEnvironment;
		let control: SimulatorControl;
		const folders: string[] = [];
		let started = 0;

		beforeAll(async () => {
			started = Date.now();
			env = await timedStep(`${binaryDataMode}: cluster start (redis, main, 2 workers)`, () =>
				startQueueEnvironment(`queue-${binaryDataMode}`, binaryDataMode),
			);
			control = new SimulatorControl(env.sim.url);
			const { cluster } = env;
			const memory = cluster.memory().map((p) => `${p.name} ${mb(p.rssBytes)}`);
			report(
				`${binaryDataMode}: n8n ${runtime.N8N_VERSION} main on ${cluster.main.url} (${cluster.main.startupSeconds.toFixed(1)} s), ` +
					`workers ${cluster.workers.map((w) => `${w.startupSeconds.toFixed(1)} s`).join(', ')}, ` +
					`cluster up in ${cluster.startupSeconds.toFixed(1)} s; RSS ${memory.join(', ')}`,
			);
		}, 300_000);

		afterAll(async () => {
			if (env) {
				const memory = env.cluster.memory().map((p) => `${p.name} ${mb(p.rssBytes)}`);
				report(
					`${binaryDataMode}: RSS at the end ${memory.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
				);
				await env.stop();
			}
			for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
		}, 120_000);

		it('runs each of 20 trigger executions on a worker, each message once, every attachment identical on disk', async () => {
			const mailbox = await control.createMailbox();
			const folder = attachmentFolder(`queue-${binaryDataMode}`);
			folders.push(folder);
			const workflowId = await activate(
				env,
				control,
				mailbox.email,
				queueWorkflow(mailbox.email, folder),
			);

			// One message per poll, so each makes its own execution. Messages 1, 3, 5, 7, 9
			// carry the receivedAt of the message before them: the same second, a poll later.
			const sent: SentMessage[] = [];
			let previous = '';
			for (let index = 0; index < 20; index++) {
				const message = await deliver(
					control,
					mailbox.email,
					index,
					index % 2 === 1 && index < 10 ? previous : undefined,
				);
				previous = message.receivedAt;
				sent.push(message);
				await executionsCovering(
					env,
					workflowId,
					sent.map((m) => m.id),
					60_000,
				);
			}
			await sleep(5_000); // two more polls: nothing else may run
			const executions = await executionsOf(env, workflowId);

			expect(executions).toHaveLength(20);
			expect(executions.map((e) => [e.mode, e.status])).toEqual(
				executions.map(() => ['trigger', 'success']),
			);
			expectEachOnce(
				executions,
				sent.map((m) => m.id),
			);
			expectFilesOnDisk(folder, sent);

			// Run by a worker: each execution started and finished by exactly one of them, none by main.
			const perWorker = env.workerLogs().map(workerExecutions);
			for (const { id } of executions) {
				expect({ id, startedBy: perWorker.filter((w) => w.started.has(id)).length }).toEqual({
					id,
					startedBy: 1,
				});
				expect({ id, finishedBy: perWorker.filter((w) => w.finished.has(id)).length }).toEqual({
					id,
					finishedBy: 1,
				});
			}
			const mainLog = fs.readFileSync(env.cluster.main.logFile, 'utf8');
			expect(mainLog).not.toMatch(/Worker started execution/);
			for (const { id } of executions)
				expect(mainLog).toMatch(new RegExp(`Enqueued execution ${id}\\b`));
			report(
				`${binaryDataMode}: 20 executions, by worker: ${perWorker.map((w, i) => `worker-${i + 1} ${executions.filter((e) => w.finished.has(e.id)).length}`).join(', ')}`,
			);
			await env.rest.deactivateWorkflow(workflowId);
		}, 600_000);

		if (binaryDataMode !== 'database') return;

		it('restarting main while mail keeps arriving emits every message once (the trigger state is in the database)', async () => {
			const mailbox = await control.createMailbox();
			const folder = attachmentFolder('queue-restart');
			folders.push(folder);
			const workflowId = await activate(
				env,
				control,
				mailbox.email,
				queueWorkflow(mailbox.email, folder),
			);

			const sent: SentMessage[] = [];
			const deliveries = (async () => {
				for (let index = 0; index < 8; index++) {
					sent.push(await deliver(control, mailbox.email, 100 + index));
					await sleep(1_500);
				}
			})();
			await sleep(4_000);
			const restart = await env.restartMain();
			report(
				`restart main: stopped (${restart.stoppedHow}) in ${restart.stopSeconds.toFixed(1)} s, ready again in ${restart.startSeconds.toFixed(1)} s`,
			);
			await deliveries;

			const executions = await executionsCovering(
				env,
				workflowId,
				sent.map((m) => m.id),
				120_000,
			);
			await sleep(5_000);
			const after = await executionsOf(env, workflowId);
			expect(after.map((e) => e.id)).toEqual(executions.map((e) => e.id));
			expect(after.map((e) => e.status)).toEqual(after.map(() => 'success'));
			expectEachOnce(
				after,
				sent.map((m) => m.id),
			);
			expectFilesOnDisk(folder, sent);
			report(`restart main: 8 messages in ${after.length} executions, each once`);
			await env.rest.deactivateWorkflow(workflowId);
		}, 600_000);

		it('a worker killed with SIGKILL mid-execution: the trigger neither re-emits nor drops a message', async () => {
			const mailbox = await control.createMailbox();
			const folder = attachmentFolder('queue-kill');
			folders.push(folder);
			// A Wait node keeps every execution running for 12 s, so one is surely in flight.
			const workflowId = await activate(
				env,
				control,
				mailbox.email,
				queueWorkflow(mailbox.email, folder, { waitSeconds: 12 }),
			);

			const sent: SentMessage[] = [];
			for (let index = 0; index < 4; index++) {
				sent.push(await deliver(control, mailbox.email, 200 + index));
				await sleep(2_500);
			}
			// A worker with an execution of this workflow started and not finished.
			const { victim, executionId } = await waitFor(
				'a worker in the middle of an execution',
				async () => {
					const ids = new Set((await executionsOf(env, workflowId)).map((e) => e.id));
					const logs = env.workerLogs().map(workerExecutions);
					for (const [index, log] of logs.entries()) {
						const running = [...log.started].find((id) => ids.has(id) && !log.finished.has(id));
						if (running) return { victim: index, executionId: running };
					}
					return undefined;
				},
				60_000,
				250,
			);
			const killedAt = Date.now();
			env.cluster.workers[victim].signal('SIGKILL');
			await env.cluster.workers[victim].exited;
			report(`SIGKILL worker-${victim + 1} while it ran execution ${executionId}`);

			// Mail keeps arriving after the crash.
			const afterKill: SentMessage[] = [];
			for (let index = 4; index < 6; index++)
				afterKill.push(await deliver(control, mailbox.email, 200 + index));
			sent.push(...afterKill);

			// n8n fails a job whose worker died (its Bull queue allows no stalled retry) once the
			// job's lock lapses; it does not keep that execution's input. Wait for that, and for
			// the mail that came after the crash.
			const executions = await waitFor(
				'the interrupted execution to end and the later mail to be processed',
				async () => {
					const list = await executionsOf(env, workflowId);
					const emitted = new Set(list.flatMap((e) => e.messageIds));
					const done =
						list.every(settled) &&
						list.some((e) => e.id === executionId) &&
						afterKill.every((m) => emitted.has(m.id));
					return done ? list : undefined;
				},
				180_000,
				1000,
			);
			await sleep(5_000); // two more polls: nothing is emitted again
			expect((await executionsOf(env, workflowId)).map((e) => e.id)).toEqual(
				executions.map((e) => e.id),
			);

			const interrupted = executions.filter((e) => e.status !== 'success');
			const logs = env.workerLogs().map(workerExecutions);
			report(
				`SIGKILL: ${interrupted.length} interrupted execution(s) (${interrupted.map((e) => `${e.id} "${e.status}"`).join(', ')}) ` +
					`seen ended ${((Date.now() - killedAt) / 1000).toFixed(0)} s after the kill, not run again; ` +
					`${executions.length - interrupted.length} others succeeded`,
			);
			// What n8n does: the execution the worker was running when killed, and any other it
			// had started, never finish, no other worker runs them again, n8n keeps no input.
			expect(interrupted.map((e) => e.id)).toContain(executionId);
			for (const e of interrupted) {
				expect({
					id: e.id,
					startedByVictim: logs[victim].started.has(e.id),
					finishedByAnyone: logs.some((l) => l.finished.has(e.id)),
				}).toEqual({
					id: e.id,
					startedByVictim: true,
					finishedByAnyone: false,
				});
				expect(e).toMatchObject({ status: 'error', messageIds: [] });
			}
			// What the trigger does: it hands every message over once. None is in two
			// executions; every message is in its state, so no later poll emits it again; the
			// messages missing from the executions came before the crash (at least one per
			// interrupted execution); mail after the crash reached the surviving worker.
			const emitted = executions.flatMap((e) => e.messageIds);
			expect(new Set(emitted).size).toBe(emitted.length);
			const lost = sent.filter((m) => !emitted.includes(m.id));
			expect(lost.length).toBeGreaterThanOrEqual(interrupted.length);
			expect(afterKill.filter((m) => lost.includes(m))).toEqual([]);
			const seen = await triggerState(env, workflowId, mailbox.email);
			expect(sent.filter((m) => !seen.includes(m.id)).map((m) => m.id)).toEqual([]);
			expectFilesOnDisk(
				folder,
				sent.filter((m) => !lost.includes(m)),
			);
			report(
				`SIGKILL: ${lost.length} message(s) were in the interrupted execution(s); the trigger did not emit them again`,
			);
			await env.rest.deactivateWorkflow(workflowId);
		}, 600_000);
	},
);
