// End-to-end, n8n 2.41.1 with its durable scheduler running poll triggers
// (N8N_SCHEDULER_ENABLED and N8N_SCHEDULER_POLL_TRIGGERS_ENABLED; n8n's docs make it the
// default from 2.45), without and with durable cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED):
// every poll time is its own scheduled job, each starting from the state in the database.
// The trigger must emit each message once, none lost: mail that arrives right after
// activation (the activation poll's state is not kept with durable cursors), mail that
// arrives while n8n is down (after the restart, the overdue polls of several jobs run at
// once from the same stored state), and mail after the restart.
import * as runtime from '../../scripts/runtime';
import { SimulatorControl } from '../simulator';
import { recordCheck } from './support/compat';
import type { CheckId } from './support/compat';
import { startE2eEnvironment, waitFor } from './support/environment';
import type { E2eEnvironment } from './support/environment';
import { progressReporter } from './support/report';
import { finishedTriggerRuns, pollsOf } from './support/triggerRuns';
import { pollEverySeconds, triggerWorkflow } from './support/workflows';

const SCHEDULER = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
};
const CURSORS = { ...SCHEDULER, N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true' };

const { report } = progressReporter('e2e durable scheduler');

const scenarios: Array<{
	check: CheckId;
	title: string;
	env: Record<string, string>;
	pollTimes: { item: Array<Record<string, unknown>> };
	/** Seconds n8n stays down (several poll times fall due meanwhile). */
	downSeconds: number;
	/** Mail after the restart, then that many more polls must emit nothing. */
	pollsAfter: number;
}> = [
	{
		check: 'schedulerSeveral',
		title: 'scheduler, 12 poll times a minute',
		env: SCHEDULER,
		pollTimes: pollEverySeconds(5),
		downSeconds: 20,
		pollsAfter: 4,
	},
	{
		check: 'cursorsSeveral',
		title: 'scheduler and durable cursors, 12 poll times a minute',
		env: CURSORS,
		pollTimes: pollEverySeconds(5),
		downSeconds: 20,
		pollsAfter: 4,
	},
	{
		check: 'cursorsOne',
		title: 'scheduler and durable cursors, one poll time (every minute)',
		env: CURSORS,
		pollTimes: { item: [{ mode: 'everyMinute' }] },
		downSeconds: 5,
		pollsAfter: 1,
	},
];

beforeAll(() => {
	if (!runtime.PROFILE.durableScheduler)
		throw new Error(`n8n ${runtime.N8N_VERSION} has no durable scheduler; run this on 2.41+`);
});

describe.each(scenarios)('$title', ({ check, env: n8nEnv, pollTimes, downSeconds, pollsAfter }) => {
	let env: E2eEnvironment;
	let control: SimulatorControl;

	beforeAll(async () => {
		env = await startE2eEnvironment(`durable-${check}`, [], n8nEnv);
		control = new SimulatorControl(env.sim.url);
	}, 300_000);

	afterAll(async () => {
		if (env) await env.stop();
	}, 60_000);

	it('emits each message once, none lost: right after activation, while n8n is down, after the restart', async () => {
		const mailbox = await control.createMailbox();
		const before = await control.deliver(mailbox.email, { subject: 'b0: before activation' });
		const workflow = await env.rest.createWorkflow(triggerWorkflow(mailbox.email, pollTimes));
		await env.rest.activateWorkflow(workflow.id, workflow.versionId);
		await waitFor(
			'the activation poll',
			async () => ((await pollsOf(control, mailbox.email)) > 0 ? true : undefined),
			60_000,
			250,
		);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const delivered: string[] = [];
		const deliver = async (subject: string) =>
			delivered.push((await control.deliver(mailbox.email, { subject })).id);

		// Before the first scheduled poll: only the activation poll's state tells it is new.
		await deliver('m1: right after activation');
		await finishedTriggerRuns(env, workflow.id, 1, 90_000);

		const restart = await env.restartN8n(async () => {
			await deliver('m2: while n8n is down');
			await new Promise((resolve) => setTimeout(resolve, downSeconds * 1000));
		});
		report(
			`${check}: restarted (stop ${restart.stopSeconds.toFixed(1)}s, start ${restart.startSeconds.toFixed(1)}s)`,
		);
		await finishedTriggerRuns(env, workflow.id, 2, 120_000);
		await deliver('m3: after the restart');
		await finishedTriggerRuns(env, workflow.id, 3, 120_000);

		// More polls: nothing may come twice.
		const polls = await pollsOf(control, mailbox.email);
		await waitFor(
			`${pollsAfter} more poll(s)`,
			async () =>
				(await pollsOf(control, mailbox.email)) >= polls + pollsAfter ? true : undefined,
			90_000,
			500,
		);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const runs = await finishedTriggerRuns(env, workflow.id, 3);
		await env.rest.deactivateWorkflow(workflow.id);
		report(`${check}: ${runs.map((r) => r.subjects.join('+')).join(' | ')}`);
		expect(runs.flatMap((r) => r.ids)).toEqual(delivered);
		expect(runs.flatMap((r) => r.ids)).not.toContain(before.id);
		recordCheck(check);
	}, 480_000);
});
