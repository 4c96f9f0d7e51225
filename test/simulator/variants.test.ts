import axios from 'axios';
import type { AxiosInstance } from 'axios';

import { SimulatorControl, startSimulator } from '.';
import type { RunningSimulator } from '.';

// The simulator's variants mode: each freedom API.md leaves open, switched on at run time.
let sim: RunningSimulator;
let control: SimulatorControl;
let api: AxiosInstance;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	control = new SimulatorControl(sim.url);
	api = axios.create({
		baseURL: sim.url,
		proxy: false,
		validateStatus: () => true,
		maxRedirects: 0,
		headers: { Authorization: `Bearer ${sim.defaultKey}` },
	});
});
afterAll(async () => sim.close());
beforeEach(async () => {
	await control.reset();
});

async function mailboxWithThree() {
	const mailbox = await control.createMailbox();
	const ids: string[] = [];
	for (const [i, at] of [
		'2026-06-28 09:00:01',
		'2026-06-28 09:00:02',
		'2026-06-28 09:00:03',
	].entries())
		ids.push((await control.deliver(mailbox.email, { id: `m${i}`, receivedAt: at })).id);
	return { mailbox, ids };
}

const listIds = async (email: string) =>
	(
		(await api.get('/api/messages', { params: { email } })).data.messages as Array<{ id: string }>
	).map((m) => m.id);

describe('variants', () => {
	it('lists newest first by default, oldest first or shuffled on request', async () => {
		const { mailbox } = await mailboxWithThree();
		expect(await listIds(mailbox.email)).toEqual(['m2', 'm1', 'm0']);
		await control.variants({ order: 'oldest' });
		expect(await listIds(mailbox.email)).toEqual(['m0', 'm1', 'm2']);
		await control.variants({ order: 'shuffled' });
		const seen = new Set<string>();
		for (let i = 0; i < 30; i++) seen.add((await listIds(mailbox.email)).join());
		expect(seen.size).toBeGreaterThan(1);
	});

	it('prints identical stamps and a skewed clock', async () => {
		const { mailbox } = await mailboxWithThree();
		await control.variants({ identicalStamps: true, clockSkewMs: -2 * 3600_000 });
		const { messages } = (await api.get('/api/messages', { params: { email: mailbox.email } }))
			.data;
		expect(messages.map((m: { receivedAt: string }) => m.receivedAt)).toEqual([
			'2026-06-28 07:00:03',
			'2026-06-28 07:00:03',
			'2026-06-28 07:00:03',
		]);
	});

	it('adds unknown, null and nested fields to every object', async () => {
		const { mailbox } = await mailboxWithThree();
		await control.variants({ extraFields: true });
		const body = (await api.get('/api/messages', { params: { email: mailbox.email } })).data;
		expect(body).toMatchObject({
			x_null: null,
			x_nested: { level: { deeper: [1, null, { name: 'nested' }] } },
		});
		expect(body.messages[0].x_unknown).toBe('added by a newer API version');
	});

	it('answers a domain list without type with the plan, or with free', async () => {
		await control.createAccount({ key: sim.defaultKey, allowedTypes: ['premium', 'custom'] });
		const answer = await api.get('/api/domains');
		expect(answer.data.data).toMatchObject({
			requested_type: 'premium',
			allowed_types: ['premium', 'custom'],
		});
		await control.variants({ omittedType: 'free' });
		expect((await api.get('/api/domains')).status).toBe(403);
		const custom = await api.get('/api/domains', { params: { type: 'custom' } });
		expect(custom.data.data.domains).toEqual([
			{ domain: 'mail.own.test', type: 'Custom', custom: true },
		]);
	});

	it('redirects attachment downloads to another origin', async () => {
		const mailbox = await control.createMailbox();
		const message = await control.deliver(mailbox.email, {
			attachments: [{ name: 'a b.txt', text: 'x' }],
		});
		await control.variants({ attachmentRedirect: 'http://127.0.0.1:9' });
		const answer = await api.get(`/api/messages/${message.id}/attachments/a%20b.txt`);
		expect(answer.status).toBe(302);
		expect(answer.headers.location).toBe(
			`http://127.0.0.1:9/api/messages/${message.id}/attachments/a%20b.txt`,
		);
	});

	it('answers error bodies in each common shape, Retry-After as a date', async () => {
		const shapes = ['errors', 'message-errors', 'message', 'error'] as const;
		for (const shape of shapes)
			await control.injectFaults({
				kind: 'status',
				status: 422,
				shape,
				field: 'domain',
				message: 'bad',
			});
		const bodies = [];
		for (let i = 0; i < shapes.length; i++) bodies.push((await api.post('/api/emails')).data);
		expect(bodies).toEqual([
			{ status: false, errors: { domain: ['bad'] } },
			{ message: 'The given data was invalid.', errors: { domain: ['bad'] } },
			{ message: 'bad' },
			{ error: 'bad' },
		]);
		await control.injectFaults({
			kind: 'status',
			status: 429,
			retryAfter: 90,
			retryAfterDate: true,
		});
		const limited = await api.get('/api/domains');
		const at = Date.parse(limited.headers['retry-after']);
		expect(Math.abs(at - (Date.now() + 90_000))).toBeLessThan(3000);
	});

	it('accepts odd attachment names, the empty one included', async () => {
		const mailbox = await control.createMailbox();
		const names = ['.', '..', '', 'a/b.txt', 'ünï €.txt', '100%.txt', '#1?.txt'];
		const message = await control.deliver(mailbox.email, {
			attachments: names.map((name, i) => ({ name, text: String(i) })),
		});
		expect(message.attachments.map((a) => a.name)).toEqual(names);
		const fetched = await api.get(
			`/api/messages/${message.id}/attachments/${encodeURIComponent('#1?.txt')}`,
		);
		expect(fetched.data).toBe(6);
	});

	it('adds jitter on top of latency, and refuses unknown variants', async () => {
		await control.variants({ jitterMs: 40 });
		const times = [];
		for (let i = 0; i < 8; i++) {
			const start = Date.now();
			await api.get('/api/domains');
			times.push(Date.now() - start);
		}
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3);
		await expect(control.variants({ order: 'random' as never })).rejects.toThrow();
		await expect(control.variants({ nope: true } as never)).rejects.toThrow();
	});
});
