// The trigger under n8n's durable scheduler (2.41+): polls of one trigger that start from
// the same stored state, or from a state another poll already moved past; an activation
// poll whose state n8n does not keep; a backlog larger than the poll's time budget.
import { randomUUID } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import { pollBudget, WAIT_WITHOUT_BUDGET_MS } from '../../../../nodes/TempMail/trigger/pollBudget';
import { itemsOf, pollTrigger } from '../../../support/trigger';
import type { TriggerSession } from '../../../support/trigger';
import { useSimulator } from '../../../support/tempmail';

const T0 = Date.parse('2026-12-01T10:00:00Z');

const subjects = (items: INodeExecutionData[]) => items.map((i) => String(i.json.subject));

describe('Temp Mail Trigger: polls that n8n starts from a stale state', () => {
	const fixture = useSimulator();
	/** One workflow per test: what the node keeps in memory is per workflow and node. */
	let workflowId: string;
	beforeEach(() => {
		workflowId = `guard-${randomUUID()}`;
	});
	/** A poll job of n8n's durable scheduler: its own copy of the stored state. */
	const job = (stored: TriggerSession['staticData']): TriggerSession => ({
		staticData: JSON.parse(JSON.stringify(stored)),
		workflowId,
	});

	it('two polls started at once from the same stored state emit a new message once', async () => {
		const box = await fixture.control.createMailbox();
		const activation = job({});
		itemsOf(await pollTrigger(fixture, activation, { mailboxes: box.email }));
		await fixture.control.deliver(box.email, {
			subject: 'arrived while n8n was down',
			receivedAt: T0,
		});

		const [a, b, c] = [
			job(activation.staticData),
			job(activation.staticData),
			job(activation.staticData),
		];
		const outcomes = await Promise.all(
			[a, b, c].map((session) => pollTrigger(fixture, session, { mailboxes: box.email })),
		);
		expect(outcomes.flatMap((o) => subjects(itemsOf(o)))).toEqual(['arrived while n8n was down']);
	});

	it('a poll from a state another poll already moved past emits only what is new to both', async () => {
		const box = await fixture.control.createMailbox();
		const activation = job({});
		itemsOf(await pollTrigger(fixture, activation, { mailboxes: box.email }));
		await fixture.control.deliver(box.email, { subject: 'm1', receivedAt: T0 });
		const first = job(activation.staticData);
		expect(subjects(itemsOf(await pollTrigger(fixture, first, { mailboxes: box.email })))).toEqual([
			'm1',
		]);

		// n8n hands the next poll the state from before the first one (not yet stored).
		await fixture.control.deliver(box.email, { subject: 'm2', receivedAt: T0 + 1000 });
		const stale = job(activation.staticData);
		expect(subjects(itemsOf(await pollTrigger(fixture, stale, { mailboxes: box.email })))).toEqual([
			'm2',
		]);
		// And it hands n8n a state that knows both.
		const next = job(stale.staticData);
		expect(itemsOf(await pollTrigger(fixture, next, { mailboxes: box.email }))).toEqual([]);
	});

	it('the first scheduled poll starts from the activation poll even when n8n kept none of its state', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, {
			subject: 'there before activation',
			receivedAt: T0,
		});
		// Durable cursors: the activation poll runs as a test and its state is dropped.
		itemsOf(await pollTrigger(fixture, job({}), { mailboxes: box.email }));
		await fixture.control.deliver(box.email, {
			subject: 'after activation',
			receivedAt: T0 + 1000,
		});
		const scheduled = job({});
		expect(
			subjects(itemsOf(await pollTrigger(fixture, scheduled, { mailboxes: box.email }))),
		).toEqual(['after activation']);
	});

	it('another workflow (or a restarted n8n) starts from its stored state alone', async () => {
		const box = await fixture.control.createMailbox();
		const activation = job({});
		itemsOf(await pollTrigger(fixture, activation, { mailboxes: box.email }));
		await fixture.control.deliver(box.email, { subject: 'm1', receivedAt: T0 });
		itemsOf(await pollTrigger(fixture, job(activation.staticData), { mailboxes: box.email }));
		// Nothing remembered for this workflow: the stored state decides, so m1 is new to it.
		const elsewhere = { staticData: activation.staticData, workflowId: `other-${randomUUID()}` };
		expect(
			subjects(itemsOf(await pollTrigger(fixture, elsewhere, { mailboxes: box.email }))),
		).toEqual(['m1']);
	});

	it('a poll that cannot start before its budget runs out changes nothing; the next one emits', async () => {
		const box = await fixture.control.createMailbox();
		const activation = job({});
		itemsOf(await pollTrigger(fixture, activation, { mailboxes: box.email }));
		await fixture.control.deliver(box.email, { subject: 'm1', receivedAt: T0 });
		// The first poll's listing takes 1.5 s; the second may wait 200 ms (80 % of 250).
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 1500, count: 1 },
			{ method: 'GET', pathPrefix: '/api/messages' },
		);
		const slow = job(activation.staticData);
		const hurried = { ...job(activation.staticData), pollBudgetMs: 250 };
		const slowPoll = pollTrigger(fixture, slow, { mailboxes: box.email });
		await new Promise((resolve) => setTimeout(resolve, 100));
		const gaveUp = await pollTrigger(fixture, hurried, { mailboxes: box.email });
		expect(gaveUp.ok && gaveUp.result.result).toBeNull();
		expect(hurried.staticData).toEqual(activation.staticData);
		expect(subjects(itemsOf(await slowPoll))).toEqual(['m1']);
		await fixture.control.deliver(box.email, { subject: 'm2', receivedAt: T0 + 1000 });
		expect(
			subjects(itemsOf(await pollTrigger(fixture, hurried, { mailboxes: box.email }))),
		).toEqual(['m2']);
	});
});

describe('Temp Mail Trigger: a poll that overran its budget', () => {
	const fixture = useSimulator();

	it('is not remembered: n8n abandons such a poll and drops its result, so the next poll emits it', async () => {
		const workflowId = `overrun-${randomUUID()}`;
		const box = await fixture.control.createMailbox();
		const activation: TriggerSession = { staticData: {}, workflowId };
		itemsOf(await pollTrigger(fixture, activation, { mailboxes: box.email }));
		await fixture.control.deliver(box.email, { subject: 'm1', receivedAt: T0 });
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 400, count: 1 },
			{ method: 'GET', pathPrefix: '/api/messages' },
		);
		const abandoned = { ...activation, pollBudgetMs: 200 };
		expect(
			subjects(itemsOf(await pollTrigger(fixture, abandoned, { mailboxes: box.email }))),
		).toEqual(['m1']);
		// n8n stored nothing of it; the next poll starts from the activation's state.
		const next = { staticData: activation.staticData, workflowId };
		expect(subjects(itemsOf(await pollTrigger(fixture, next, { mailboxes: box.email })))).toEqual([
			'm1',
		]);
	});
});

describe('Temp Mail Trigger: a backlog larger than the poll budget', () => {
	const fixture = useSimulator();

	it('stops fetching when the budget is spent and emits the rest with the next polls, each once, oldest first', async () => {
		const box = await fixture.control.createMailbox();
		const session: TriggerSession = { staticData: {}, workflowId: `budget-${randomUUID()}` };
		// One message at a time (Concurrency 1), so the budget runs out between messages.
		const params = {
			mailboxes: box.email,
			options: { downloadAttachments: true },
			requestOptions: { concurrency: 1 },
		};
		itemsOf(await pollTrigger(fixture, session, params));
		for (let i = 1; i <= 4; i++) {
			await fixture.control.deliver(box.email, {
				subject: `backlog ${i}`,
				receivedAt: T0 + i * 1000,
				attachments: [{ name: `file-${i}.txt`, text: `content ${i}` }],
			});
		}
		// Each attachment download takes 300 ms; a budget of 500 ms leaves 400 ms for fetching.
		session.pollBudgetMs = 500;
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 300, count: 4 },
			{ method: 'GET', pathPrefix: '/api/messages/' },
		);
		const polls: string[][] = [];
		for (let poll = 0; poll < 6 && polls.flat().length < 4; poll++)
			polls.push(subjects(itemsOf(await pollTrigger(fixture, session, params))));
		expect(polls.flat()).toEqual(['backlog 1', 'backlog 2', 'backlog 3', 'backlog 4']);
		expect(polls.length).toBeGreaterThan(1);
		expect(Math.max(...polls.map((p) => p.length))).toBeLessThan(4);
		expect(itemsOf(await pollTrigger(fixture, session, params))).toEqual([]);
	});

	it('fetches the whole backlog in one poll when the budget allows', async () => {
		const box = await fixture.control.createMailbox();
		const session: TriggerSession = { staticData: {}, workflowId: `budget-${randomUUID()}` };
		itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }));
		for (let i = 1; i <= 3; i++)
			await fixture.control.deliver(box.email, { subject: `m${i}`, receivedAt: T0 + i * 1000 });
		session.pollBudgetMs = 60_000;
		expect(
			subjects(itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }))),
		).toEqual(['m1', 'm2', 'm3']);
	});
});

describe('pollBudget', () => {
	it('has no limit in an n8n without getPollBudgetMs (before 2.41)', () => {
		const budget = pollBudget({} as never);
		expect(budget.left()).toBe(true);
		expect(budget.remainingMs()).toBe(WAIT_WITHOUT_BUDGET_MS);
	});

	it('spends 80 % of what n8n allows on fetching', () => {
		const started = Date.now();
		const budget = pollBudget({ getPollBudgetMs: () => 10_000 } as never, started);
		expect(budget.left()).toBe(true);
		expect(budget.remainingMs()).toBeGreaterThan(7_900);
		expect(budget.remainingMs()).toBeLessThanOrEqual(8_000);
		expect(pollBudget({ getPollBudgetMs: () => 10_000 } as never, started - 8_001).left()).toBe(
			false,
		);
	});
});
