// End-to-end: the Temp Mail Trigger, activated in a real n8n (each supported version), emits every message
// exactly once: messages with the same receivedAt second, and across an n8n restart
// (stop + start on the same user folder and SQLite database), including mail that
// arrives while n8n is down, also for a workflow that had emitted nothing before the
// restart (n8n had stored only its activation baseline). The trigger remembers the ids
// it has seen in the workflow's static data, which n8n stores in its database on
// activation and whenever a poll emits.
import * as runtime from '../../scripts/runtime';
import { SimulatorControl } from '../simulator';
import type { MessageSpec } from '../simulator';
import { recordCheck } from './support/compat';
import { startE2eEnvironment, waitFor } from './support/environment';
import type { E2eEnvironment } from './support/environment';
import { finishedTriggerRuns, pollsOf as countPolls } from './support/triggerRuns';
import { pollEverySeconds, triggerWorkflow } from './support/workflows';

const POLL_SECONDS = 5;

let env: E2eEnvironment;
let control: SimulatorControl;
const started = Date.now();

function report(line: string) {
	process.stdout.write(
		`[e2e trigger-restart +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`,
	);
}

beforeAll(async () => {
	env = await startE2eEnvironment('trigger-restart');
	control = new SimulatorControl(env.sim.url);
	const steps = Object.entries(env.timings).map(([step, s]) => `${step} ${s.toFixed(1)}s`);
	report(
		`n8n ${runtime.N8N_VERSION} on ${env.n8n.url}, simulator on ${env.sim.url}; ${steps.join(', ')}`,
	);
}, 300_000);

afterAll(async () => {
	if (env) await env.stop();
	report('done');
}, 60_000);

const finishedExecutions = (workflowId: string, count: number) =>
	finishedTriggerRuns(env, workflowId, count);
const pollsOf = (email: string) => countPolls(control, email);

it('emits each message once: equal receivedAt seconds, then across a restart with mail arriving while n8n is down', async () => {
	const mailbox = await control.createMailbox();
	// A second workflow whose trigger never emits before the restart: all n8n has stored
	// for it is the activation poll's baseline (b0, which must never be emitted).
	const quiet = await control.createMailbox();
	const b0 = await control.deliver(quiet.email, { subject: 'b0: there before activation' });

	await control.clearRequests();
	const workflow = await env.rest.createWorkflow(
		triggerWorkflow(mailbox.email, pollEverySeconds(POLL_SECONDS)),
	);
	await env.rest.activateWorkflow(workflow.id, workflow.versionId);
	const quietWorkflow = await env.rest.createWorkflow(
		triggerWorkflow(quiet.email, pollEverySeconds(POLL_SECONDS)),
	);
	await env.rest.activateWorkflow(quietWorkflow.id, quietWorkflow.versionId);
	for (const box of [mailbox, quiet]) {
		await waitFor(
			`the activation poll of ${box.email}`,
			async () => ((await pollsOf(box.email)) > 0 ? true : undefined),
			30_000,
			250,
		);
	}
	report('activated both; the activation polls have run');
	await new Promise((resolve) => setTimeout(resolve, 1000));

	// Two messages in the same receivedAt second (one poll apart), then a later one.
	const sameSecond = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
	const delivered: Array<{ id: string; subject: string }> = [];
	const deliver = async (spec: MessageSpec) => {
		const message = await control.deliver(mailbox.email, spec);
		delivered.push({ id: message.id, subject: message.subject });
		return message;
	};

	const m1 = await deliver({ subject: 'm1: first in its second', receivedAt: sameSecond });
	const after1 = await finishedExecutions(workflow.id, 1);
	const m2 = await deliver({ subject: 'm2: same second as m1', receivedAt: sameSecond });
	expect(m2.receivedAt).toBe(m1.receivedAt);
	const after2 = await finishedExecutions(workflow.id, 2);
	await deliver({ subject: 'm3: later' });
	const before = await finishedExecutions(workflow.id, 3);
	report(
		`3 messages → ${before.length} executions: ${before.map((e) => e.subjects.join('+')).join(' | ')}`,
	);
	expect(after1.map((e) => e.ids)).toEqual([[delivered[0].id]]);
	expect(after2.map((e) => e.ids)).toEqual([[delivered[0].id], [delivered[1].id]]);
	expect(before.map((e) => e.ids)).toEqual(delivered.map((m) => [m.id]));

	// Restart n8n; m4 arrives while it is down (only remembered ids can tell it is new),
	// m5 after n8n is back and polling.
	const pollsBeforeRestart = await pollsOf(mailbox.email);
	let b1 = { id: '', subject: '' };
	const restart = await env.restartN8n(async () => {
		await deliver({ subject: 'm4: arrived while n8n was down' });
		b1 = await control.deliver(quiet.email, { subject: 'b1: arrived while n8n was down' });
	});
	report(
		`restart: stop ${restart.stopSeconds.toFixed(1)}s (${restart.stoppedHow}), start ${restart.startSeconds.toFixed(1)}s`,
	);
	const afterRestart = await finishedExecutions(workflow.id, 4);
	expect(afterRestart[3].ids).toEqual([delivered[3].id]);
	await waitFor(
		'a poll after the restart',
		async () => ((await pollsOf(mailbox.email)) > pollsBeforeRestart + 1 ? true : undefined),
		30_000,
		250,
	);
	await deliver({ subject: 'm5: after the restart' });
	await finishedExecutions(workflow.id, 5);

	// A few more polls: nothing may be emitted again.
	const pollsNow = await pollsOf(mailbox.email);
	await waitFor(
		'three more polls',
		async () => ((await pollsOf(mailbox.email)) >= pollsNow + 3 ? true : undefined),
		30_000,
		250,
	);
	const all = await finishedExecutions(workflow.id, 5);
	report(
		`5 messages → ${all.length} executions: ${all.map((e) => e.subjects.join('+')).join(' | ')}`,
	);
	expect(all).toHaveLength(5);
	expect(all.map((e) => e.ids)).toEqual(delivered.map((m) => [m.id]));
	expect(all.map((e) => e.subjects)).toEqual(delivered.map((m) => [m.subject]));

	const quietRuns = await finishedExecutions(quietWorkflow.id, 1);
	report(`quiet workflow: ${quietRuns.map((e) => e.subjects.join('+')).join(' | ')}`);
	expect(quietRuns.map((e) => e.ids)).toEqual([[b1.id]]);
	expect(quietRuns.flatMap((e) => e.ids)).not.toContain(b0.id);
	await env.rest.deactivateWorkflow(workflow.id);
	await env.rest.deactivateWorkflow(quietWorkflow.id);
	recordCheck('triggerRestart');
}, 240_000);
