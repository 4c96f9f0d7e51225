// Message → Wait For: which mail counts as new (New Mail Is), with the API's clock an hour
// ahead of n8n's and an hour behind. None of the rules may depend on the two clocks agreeing.
import { runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';

const HOUR = 3_600_000;

const later = (ms: number, action: () => Promise<unknown>) =>
	new Promise((resolve, reject) => setTimeout(() => action().then(resolve, reject), ms));

const waitFor = (email: string, extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'waitFor',
	email,
	timeout: 4,
	interval: 2,
	onTimeout: 'output',
	...extra,
});

/** Reads a message through the API, as Message → Get would: it is seen from then on. */
async function readMessage(fixture: SimulatorFixture, id: string) {
	const res = await fetch(`${fixture.sim.url}/api/messages/${encodeURIComponent(id)}`, {
		headers: { authorization: `Bearer ${fixture.sim.defaultKey}`, accept: 'application/json' },
	});
	expect(res.status).toBe(200);
}

async function listSeen(fixture: SimulatorFixture, email: string) {
	const res = await fetch(`${fixture.sim.url}/api/messages?email=${encodeURIComponent(email)}`, {
		headers: { authorization: `Bearer ${fixture.sim.defaultKey}`, accept: 'application/json' },
	});
	const body = (await res.json()) as { messages: Array<{ subject: string; is_seen: boolean }> };
	return Object.fromEntries(body.messages.map((m) => [m.subject, m.is_seen]));
}

describe.each([
	['ahead of', HOUR],
	['behind', -HOUR],
])('Wait For, the API clock an hour %s n8n', (_label, skewMs) => {
	const fixture = useSimulator({ clock: () => Date.now() + skewMs });
	const v2 = { typeVersion: 2 };

	it('Unread (the default) returns mail that arrived just before it started, and marks it seen', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, { subject: 'Your code 111111' });
		const run = await runTempMail(fixture, waitFor(box.email), v2);
		expect(run.items.map((i) => [i.json.subject, i.json.seen])).toEqual([
			['Your code 111111', true],
		]);
		expect(await listSeen(fixture, box.email)).toEqual({ 'Your code 111111': true });
	});

	it('Unread skips mail already read (a stale code) and returns the next one to arrive', async () => {
		const box = await fixture.control.createMailbox();
		const old = (await fixture.control.deliver(box.email, { subject: 'old code 000000' })) as {
			id: string;
		};
		await readMessage(fixture, old.id);
		const [run] = await Promise.all([
			runTempMail(fixture, waitFor(box.email, { timeout: 10 }), v2),
			later(2500, () => fixture.control.deliver(box.email, { subject: 'new code 222222' })),
		]);
		expect(run.items.map((i) => i.json.subject)).toEqual(['new code 222222']);
	});

	it('a second Unread Wait For does not return the mail the first one returned', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, { subject: 'first mail' });
		const first = await runTempMail(fixture, waitFor(box.email), v2);
		expect(first.items.map((i) => i.json.subject)).toEqual(['first mail']);
		const [second] = await Promise.all([
			runTempMail(fixture, waitFor(box.email, { timeout: 10 }), v2),
			later(2500, () => fixture.control.deliver(box.email, { subject: 'second mail' })),
		]);
		expect(second.items.map((i) => i.json.subject)).toEqual(['second mail']);
	});

	it('Arriving After Start ignores unread mail already there and returns mail that arrives', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, { subject: 'already there' });
		const quiet = await runTempMail(
			fixture,
			waitFor(box.email, { newMail: 'arrivingAfterStart', timeout: 3 }),
			v2,
		);
		expect(quiet.items.map((i) => i.json.timedOut)).toEqual([true]);
		const [run] = await Promise.all([
			runTempMail(fixture, waitFor(box.email, { newMail: 'arrivingAfterStart', timeout: 10 }), v2),
			later(2500, () => fixture.control.deliver(box.email, { subject: 'arrived' })),
		]);
		expect(run.items.map((i) => [i.json.subject, i.json.seen])).toEqual([['arrived', false]]);
	});

	it('Any Message returns mail already there and already read', async () => {
		const box = await fixture.control.createMailbox();
		const old = (await fixture.control.deliver(box.email, { subject: 'read before' })) as {
			id: string;
		};
		await readMessage(fixture, old.id);
		const run = await runTempMail(fixture, waitFor(box.email, { newMail: 'any' }), v2);
		expect(run.items.map((i) => i.json.subject)).toEqual(['read before']);
	});

	it('version 1 keeps its meaning: off, mail already there is not new; on, it is', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, { subject: 'already there' });
		const off = await runTempMail(fixture, waitFor(box.email, { timeout: 3 }));
		expect(off.items.map((i) => i.json.timedOut)).toEqual([true]);
		const on = await runTempMail(
			fixture,
			waitFor(box.email, { options: { acceptExisting: true } }),
		);
		expect(on.items.map((i) => i.json.subject)).toEqual(['already there']);
	});
});

describe('Wait For, New Mail Is checked', () => {
	const fixture = useSimulator();

	it('refuses an unknown rule before any request, naming the choices', async () => {
		const run = await runTempMail(fixture, waitFor('a@example.com', { newMail: 'recent' }), {
			typeVersion: 2,
		});
		expect(run.error?.message).toBe(
			'New Mail Is: must be Unread, Arriving After Start or Any Message, got "recent"',
		);
		expect(await fixture.control.requests()).toHaveLength(0);
	});
});
