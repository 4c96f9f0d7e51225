import axios, { AxiosInstance, AxiosResponse } from 'axios';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
	generatedAttachmentBytes,
	generatedAttachmentSha256,
	generatedAttachmentStream,
	MailboxData,
	MessageData,
	RunningSimulator,
	SimulatorControl,
	startSimulator,
} from '.';

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
const MESSAGE_FIELDS = [
	'is_seen',
	'subject',
	'from',
	'from_email',
	'to',
	'receivedAt',
	'id',
	'html',
	'content',
	'attachments',
];

let sim: RunningSimulator;
let control: SimulatorControl;
let api: AxiosInstance;

/** An API client that never throws on a status, so each test asserts it. */
function apiClient(key?: string): AxiosInstance {
	return axios.create({
		baseURL: sim.url,
		proxy: false,
		validateStatus: () => true,
		headers: { Accept: 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
	});
}

/** Raw text so a malformed body can be seen as it was sent. */
const asText = { responseType: 'text' as const, transformResponse: (d: string) => d };

async function newMailbox(client = api): Promise<MailboxData> {
	const res = await client.post('/api/emails');
	expect(res.status).toBe(200);
	return res.data.data;
}

function expectError(res: AxiosResponse, status: number, message: RegExp | string) {
	expect(res.status).toBe(status);
	expect(res.headers['content-type']).toBe('application/json');
	expect(res.data.status).toBe(false);
	if (typeof message === 'string') expect(res.data.message).toBe(message);
	else expect(res.data.message).toMatch(message);
}

const quotaUsed = (res: AxiosResponse) => Number(res.headers['x-ratelimit-used']);

beforeAll(async () => {
	sim = await startSimulator({ port: 0, defaultKey: 'default-key' });
	control = new SimulatorControl(sim.url);
});

afterAll(async () => {
	await sim.close();
});

beforeEach(async () => {
	await control.reset();
	api = apiClient(sim.defaultKey);
});

describe('authentication', () => {
	it('refuses a request without a key, or with an unknown key, with 401 and no quota headers', async () => {
		for (const client of [apiClient(), apiClient('not-a-key')]) {
			const res = await client.get('/api/domains');
			expect(res.status).toBe(401);
			expect(res.headers['content-type']).toBe('application/json');
			expect(res.data).toEqual({ status: false, message: 'Unauthenticated.' });
			expect(res.headers['x-ratelimit-used']).toBeUndefined();
		}
	});

	it('accepts the default key and keys of accounts created through the control API', async () => {
		expect(sim.defaultKey).toBe('default-key');
		const { key } = await control.createAccount();
		expect(key).toMatch(/^\S{20,}$/);
		expect((await apiClient(key).get('/api/domains')).status).toBe(200);
	});
});

describe('domains', () => {
	it('lists the free domains by default', async () => {
		const res = await api.get('/api/domains');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json');
		expect(res.data).toEqual({
			status: true,
			data: {
				requested_type: 'free',
				allowed_types: ['free'],
				domains: [
					{ domain: 'tempmail.test', type: 'Free', custom: false },
					{ domain: 'inbox.test', type: 'Free', custom: false },
				],
			},
		});
	});

	it('refuses a type the plan does not allow (403) and an unknown type (422)', async () => {
		expectError(
			await api.get('/api/domains', { params: { type: 'premium' } }),
			403,
			/plan does not allow premium/,
		);
		expectError(
			await api.get('/api/domains', { params: { type: 'gold' } }),
			422,
			/type is invalid/,
		);
	});

	it('lists premium domains for an account whose plan allows them', async () => {
		const { key } = await control.createAccount({ allowedTypes: ['free', 'premium'] });
		const res = await apiClient(key).get('/api/domains?type=premium');
		expect(res.data.data).toEqual({
			requested_type: 'premium',
			allowed_types: ['free', 'premium'],
			domains: [{ domain: 'vip.test', type: 'Premium', custom: false }],
		});
	});
});

describe('mailboxes', () => {
	it('creates random mailboxes with increasing ids and the documented shape', async () => {
		const first = await newMailbox();
		const second = await newMailbox();
		expect(Object.keys(first)).toEqual([
			'id',
			'email',
			'domain',
			'expire_at',
			'expires_in_seconds',
			'created_at',
			'email_token',
		]);
		expect(first.email).toMatch(/^[a-z0-9]{10}@(tempmail|inbox)\.test$/);
		expect(first.email.endsWith(`@${first.domain}`)).toBe(true);
		expect(second.id).toBe(first.id + 1);
		expect(first.created_at).toMatch(ISO_SECONDS);
		expect(first.expire_at).toMatch(ISO_SECONDS);
		expect(Date.parse(first.expire_at) - Date.parse(first.created_at)).toBe(600_000);
		expect(first.expires_in_seconds).toBe(600);
		expect(first.email_token).toMatch(/^\w{20,}$/);
		expect(second.email_token).not.toBe(first.email_token);
	});

	it('uses the configured lifetime', async () => {
		await control.config({ ttlSeconds: 60 });
		const mailbox = await newMailbox();
		expect(mailbox.expires_in_seconds).toBe(60);
	});

	it('switches a mailbox to a new address with a new id, keeping its messages', async () => {
		const mailbox = await newMailbox();
		const delivered = await control.deliver(mailbox.email, { subject: 'kept' });
		const res = await api.post(
			`/api/emails/${encodeURIComponent(mailbox.email)}/New.User_1/inbox.test`,
		);
		expect(res.status).toBe(200);
		const switched: MailboxData = res.data.data;
		expect(switched.email).toBe('new.user_1@inbox.test');
		expect(switched.domain).toBe('inbox.test');
		expect(switched.id).toBeGreaterThan(mailbox.id);

		expectError(
			await api.get('/api/messages', { params: { email: mailbox.email } }),
			404,
			'Mailbox not found or expired.',
		);
		const list = await api.get('/api/messages', { params: { email: switched.email } });
		expect(list.data.mailbox).toBe(switched.email);
		expect(list.data.messages.map((m: MessageData) => [m.id, m.to])).toEqual([
			[delivered.id, switched.email],
		]);
	});

	it('validates a switch: username rule, allowed domain, taken address, unknown mailbox', async () => {
		const mailbox = await newMailbox();
		const other = await newMailbox();
		const at = (user: string, domain: string, current = mailbox.email) =>
			api.post(
				`/api/emails/${encodeURIComponent(current)}/${encodeURIComponent(user)}/${encodeURIComponent(domain)}`,
			);

		expectError(await at('ab', 'inbox.test'), 422, /username/i);
		expectError(await at('-abc', 'inbox.test'), 422, /username/i);
		expectError(await at('abc', 'vip.test'), 422, /not available for your plan/);
		expectError(await at('abc', 'nowhere.test'), 422, /not available for your plan/);
		const [user, domain] = other.email.split('@');
		expectError(await at(user, domain), 422, /already been taken/);
		expectError(
			await at('abc', 'inbox.test', 'ghost@inbox.test'),
			404,
			'Mailbox not found or expired.',
		);
		// Nothing above changed the mailbox.
		expect((await api.get('/api/messages', { params: { email: mailbox.email } })).status).toBe(200);
	});

	it('lets a premium account switch to a premium domain', async () => {
		const { key } = await control.createAccount({ allowedTypes: ['free', 'premium'] });
		const client = apiClient(key);
		const mailbox = await newMailbox(client);
		const res = await client.post(`/api/emails/${encodeURIComponent(mailbox.email)}/boss/vip.test`);
		expect(res.status).toBe(200);
		expect(res.data.data.email).toBe('boss@vip.test');
	});

	it('deletes a mailbox together with its messages', async () => {
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email);
		const res = await api.delete(`/api/emails/${encodeURIComponent(mailbox.email)}`);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ status: true, message: 'Email has been successfully deleted.' });
		expectError(
			await api.get('/api/messages', { params: { email: mailbox.email } }),
			404,
			'Mailbox not found or expired.',
		);
		expectError(await api.get(`/api/messages/${message.id}`), 404, 'Message not found.');
		expectError(
			await api.delete(`/api/emails/${encodeURIComponent(mailbox.email)}`),
			404,
			'Mailbox not found or expired.',
		);
	});
});

describe('messages', () => {
	it('requires the email query parameter', async () => {
		expectError(await api.get('/api/messages'), 422, /email field is required/);
	});

	it('lists every message newest first, in the documented shape, without marking them seen', async () => {
		const mailbox = await newMailbox();
		const older = await control.deliver(mailbox.email, {
			subject: 'older',
			receivedAt: '2026-01-02 03:04:05',
		});
		const newer = await control.deliver(mailbox.email, {
			subject: 'Welcome',
			from: 'Example Sender',
			fromEmail: 'hello@example.org',
			content: '<p>Hello</p>',
			html: true,
			attachments: [{ name: 'file.txt', text: 'hello file' }],
		});
		const sameSecondAsOlder = await control.deliver(mailbox.email, {
			subject: 'tie',
			receivedAt: '2026-01-02T03:04:05Z',
		});

		const res = await api.get('/api/messages', { params: { email: mailbox.email } });
		expect(res.status).toBe(200);
		expect(Object.keys(res.data)).toEqual(['status', 'mailbox', 'messages']);
		expect(res.data.mailbox).toBe(mailbox.email);
		const messages: MessageData[] = res.data.messages;
		expect(messages.map((m) => m.id)).toEqual([newer.id, sameSecondAsOlder.id, older.id]);
		for (const m of messages) {
			expect(Object.keys(m)).toEqual(MESSAGE_FIELDS);
			expect(m.id).toMatch(/^[A-Za-z0-9]{46}$/);
			expect(m.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			expect(m.is_seen).toBe(false);
			expect(m.to).toBe(mailbox.email);
		}
		expect(messages[2].receivedAt).toBe('2026-01-02 03:04:05');
		expect(messages[0]).toMatchObject({
			subject: 'Welcome',
			from: 'Example Sender',
			from_email: 'hello@example.org',
			html: true,
			content: '<p>Hello</p>',
			attachments: [
				{
					name: 'file.txt',
					extension: 'txt',
					size: 10,
					url: `${sim.url}/api/messages/${newer.id}/attachments/file.txt`,
				},
			],
		});
		const again = await api.get('/api/messages', { params: { email: mailbox.email } });
		expect(again.data.messages.every((m: MessageData) => !m.is_seen)).toBe(true);
	});

	it('marks a message seen when it is read, and only that one', async () => {
		const mailbox = await newMailbox();
		const read = await control.deliver(mailbox.email, { subject: 'read me' });
		const unread = await control.deliver(mailbox.email, { subject: 'leave me' });
		const res = await api.get(`/api/messages/${read.id}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.data)).toEqual(['status', 'data']);
		expect(Object.keys(res.data.data)).toEqual(MESSAGE_FIELDS);
		expect(res.data.data).toMatchObject({ id: read.id, subject: 'read me', is_seen: true });
		const list = await api.get('/api/messages', { params: { email: mailbox.email } });
		const seen = Object.fromEntries(list.data.messages.map((m: MessageData) => [m.id, m.is_seen]));
		expect(seen).toEqual({ [read.id]: true, [unread.id]: false });
	});

	it('deletes a message', async () => {
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email);
		const res = await api.delete(`/api/messages/${message.id}`);
		expect(res.data).toEqual({ status: true, message: 'Message was deleted successfully.' });
		expectError(await api.get(`/api/messages/${message.id}`), 404, 'Message not found.');
		expect(
			(await api.get('/api/messages', { params: { email: mailbox.email } })).data.messages,
		).toEqual([]);
	});

	it('writes attachment URLs on the configured public origin', async () => {
		await control.config({ publicBaseUrl: 'https://files.example.test:9443/' });
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email, {
			attachments: [{ name: 'a b.txt', text: 'x' }],
		});
		expect(message.attachments[0].url).toBe(
			`https://files.example.test:9443/api/messages/${message.id}/attachments/a%20b.txt`,
		);
	});

	it('refuses delivery to an unknown mailbox through the control API', async () => {
		await expect(control.deliver('ghost@inbox.test')).rejects.toMatchObject({
			response: { status: 404 },
		});
	});
});

describe('ownership', () => {
	it("answers 403 for another account's mailbox, message and attachment, 404 for unknown ones", async () => {
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email, {
			attachments: [{ name: 'f.txt', text: 'secret' }],
		});
		const { key } = await control.createAccount();
		const intruder = apiClient(key);
		const box = encodeURIComponent(mailbox.email);
		const mailboxDenied = 'This mailbox does not belong to your account.';
		const messageDenied = 'This message does not belong to your account.';

		expectError(
			await intruder.get('/api/messages', { params: { email: mailbox.email } }),
			403,
			mailboxDenied,
		);
		expectError(await intruder.post(`/api/emails/${box}/stolen/inbox.test`), 403, mailboxDenied);
		expectError(await intruder.delete(`/api/emails/${box}`), 403, mailboxDenied);
		expectError(await intruder.get(`/api/messages/${message.id}`), 403, messageDenied);
		expectError(await intruder.delete(`/api/messages/${message.id}`), 403, messageDenied);
		const download = await intruder.get(`/api/messages/${message.id}/attachments/f.txt`);
		expectError(download, 403, messageDenied);
		expect(download.headers['x-ratelimit-used']).toBe('0');

		expectError(await intruder.get('/api/messages/doesNotExist'), 404, 'Message not found.');
		expectError(
			await api.get(`/api/messages/${message.id}/attachments/other.txt`),
			404,
			'Attachment not found.',
		);

		// The owner still has everything, unseen.
		const list = await api.get('/api/messages', { params: { email: mailbox.email } });
		expect(list.data.messages.map((m: MessageData) => [m.id, m.is_seen])).toEqual([
			[message.id, false],
		]);
	});
});

describe('expiry', () => {
	it('treats a force-expired mailbox as unknown on every endpoint', async () => {
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email, {
			attachments: [{ name: 'f.txt', text: 'x' }],
		});
		await control.expire(mailbox.email);
		const box = encodeURIComponent(mailbox.email);
		expectError(
			await api.get('/api/messages', { params: { email: mailbox.email } }),
			404,
			'Mailbox not found or expired.',
		);
		expectError(
			await api.post(`/api/emails/${box}/renamed/inbox.test`),
			404,
			'Mailbox not found or expired.',
		);
		expectError(await api.delete(`/api/emails/${box}`), 404, 'Mailbox not found or expired.');
		expectError(await api.get(`/api/messages/${message.id}`), 404, 'Message not found.');
		expectError(await api.delete(`/api/messages/${message.id}`), 404, 'Message not found.');
		expectError(
			await api.get(`/api/messages/${message.id}/attachments/f.txt`),
			404,
			'Message not found.',
		);
	});

	it('expires mailboxes lazily against the clock once their lifetime has passed', async () => {
		let now = Date.parse('2026-06-28T09:37:48.250Z');
		const timed = await startSimulator({ clock: () => now, ttlSeconds: 600 });
		try {
			const client = axios.create({
				baseURL: timed.url,
				proxy: false,
				validateStatus: () => true,
				headers: { Authorization: `Bearer ${timed.defaultKey}` },
			});
			const mailbox: MailboxData = (await client.post('/api/emails')).data.data;
			expect(mailbox.created_at).toBe('2026-06-28T09:37:48+00:00');
			expect(mailbox.expire_at).toBe('2026-06-28T09:47:48+00:00');
			now += 300_000;
			expect((await client.get('/api/messages', { params: { email: mailbox.email } })).status).toBe(
				200,
			);
			now += 300_000;
			expectError(
				await client.get('/api/messages', { params: { email: mailbox.email } }),
				404,
				'Mailbox not found or expired.',
			);
		} finally {
			await timed.close();
		}
	});
});

describe('quota', () => {
	it("counts only 2xx answers, shows the count in every answer's headers, then answers 429 with Retry-After", async () => {
		const resetAt = new Date(Date.now() + 120_000).toISOString();
		const { key } = await control.createAccount({ quotaLimit: 3, resetAt });
		const client = apiClient(key);

		const ok = await client.get('/api/domains');
		expect(ok.headers['x-ratelimit-limit']).toBe('3');
		expect(ok.headers['x-ratelimit-used']).toBe('1');
		expect(ok.headers['x-ratelimit-remaining']).toBe('2');
		expect(ok.headers['x-ratelimit-reset']).toMatch(ISO_SECONDS);
		expect(Date.parse(ok.headers['x-ratelimit-reset'])).toBe(
			Math.floor(Date.parse(resetAt) / 1000) * 1000,
		);

		const failures = [
			await client.get('/api/messages/nope'),
			await client.get('/api/messages'),
			await client.get('/api/domains?type=premium'),
			await client.get('/api/nowhere'),
		];
		expect(failures.map((r) => r.status)).toEqual([404, 422, 403, 404]);
		expect(failures.map(quotaUsed)).toEqual([1, 1, 1, 1]);

		expect(quotaUsed(await client.post('/api/emails'))).toBe(2);
		const last = await client.get('/api/domains');
		expect(quotaUsed(last)).toBe(3);
		expect(last.headers['x-ratelimit-remaining']).toBe('0');

		const refused = await client.get('/api/domains');
		expectError(refused, 429, /^Quota exceeded/);
		expect(refused.headers['retry-after']).toMatch(/^\d+$/);
		expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(115);
		expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(120);
		expect(refused.headers['x-ratelimit-used']).toBe('3');
		expect(refused.headers['x-ratelimit-remaining']).toBe('0');
	});

	it('defaults to 50000 calls a month, resetting on the first of next month (UTC)', async () => {
		const res = await api.get('/api/domains');
		const today = new Date();
		const expected =
			new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))
				.toISOString()
				.slice(0, 19) + '+00:00';
		expect(res.headers['x-ratelimit-limit']).toBe('50000');
		expect(res.headers['x-ratelimit-remaining']).toBe('49999');
		expect(res.headers['x-ratelimit-reset']).toBe(expected);
	});

	it('starts from a preset count', async () => {
		const { key } = await control.createAccount({ quotaLimit: 10, used: 10 });
		expect((await apiClient(key).get('/api/domains')).status).toBe(429);
	});
});

describe('routing', () => {
	it('answers an unknown route with 404 and a wrong method with 405', async () => {
		expectError(await api.get('/api/inbox'), 404, /Route not found/);
		const wrong = await api.put('/api/emails');
		expectError(wrong, 405, /not allowed/);
		expect(wrong.headers.allow).toBe('POST');
	});

	it('answers malformed percent-encoding with 400', async () => {
		const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
			const req = http.get(
				`${sim.url}/api/messages/%E0%A4%A`,
				{ headers: { Authorization: `Bearer ${sim.defaultKey}` } },
				(r) => {
					let body = '';
					r.on('data', (c) => (body += c));
					r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
				},
			);
			req.on('error', reject);
		});
		expect(res.status).toBe(400);
		expect(JSON.parse(res.body)).toMatchObject({
			status: false,
			message: expect.stringMatching(/percent-encoding/),
		});
	});

	it('decodes each raw path segment on its own, so %2F, %23, %3F and unicode stay inside a file name', async () => {
		const mailbox = await newMailbox();
		const names = ['a/b.txt', 'c#d?.txt', '100% sure.txt', 'résumé 📎.txt'];
		const message = await control.deliver(mailbox.email, {
			id: 'msg/with?odd#id',
			attachments: names.map((name) => ({ name, text: `content of ${name}` })),
		});
		await control.clearRequests();
		for (const attachment of message.attachments) {
			expect(attachment.url).toBe(
				`${sim.url}/api/messages/msg%2Fwith%3Fodd%23id/attachments/${encodeURIComponent(attachment.name)}`,
			);
			const res = await api.get(attachment.url, asText);
			expect(res.status).toBe(200);
			expect(res.data).toBe(`content of ${attachment.name}`);
			const disposition = String(res.headers['content-disposition']);
			expect(disposition.startsWith("attachment; filename*=UTF-8''")).toBe(true);
			expect(decodeURIComponent(disposition.split("''")[1])).toBe(attachment.name);
		}
		const log = await control.requests();
		expect(log.map((r) => r.rawPath)).toEqual(
			names.map((n) => `/api/messages/msg%2Fwith%3Fodd%23id/attachments/${encodeURIComponent(n)}`),
		);
		expect(log.map((r) => r.segments)).toEqual(
			names.map((n) => ['api', 'messages', 'msg/with?odd#id', 'attachments', n]),
		);
	});
});

describe('attachments', () => {
	it('serves given bytes with the given, guessed or default content type', async () => {
		const mailbox = await newMailbox();
		const bytes = crypto.randomBytes(300);
		const message = await control.deliver(mailbox.email, {
			attachments: [
				{
					name: 'blob.dat',
					contentBase64: bytes.toString('base64'),
					contentType: 'image/x-custom',
				},
				{ name: 'report.pdf', text: '%PDF-1.4' },
				{ name: 'noextension', text: 'x' },
			],
		});
		const types: string[] = [];
		for (const attachment of message.attachments) {
			const res = await api.get(attachment.url, { responseType: 'arraybuffer' });
			expect(res.status).toBe(200);
			expect(Number(res.headers['content-length'])).toBe(attachment.size);
			types.push(String(res.headers['content-type']));
			if (attachment.name === 'blob.dat') expect(Buffer.from(res.data).equals(bytes)).toBe(true);
		}
		expect(types).toEqual(['image/x-custom', 'application/pdf', 'application/octet-stream']);
		expect(message.attachments.map((a) => a.extension)).toEqual(['dat', 'pdf', '']);
	});

	it('streams a generated 20 MB attachment with the right length and SHA-256', async () => {
		const size = 20 * 1024 * 1024;
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email, {
			attachments: [{ name: 'big.bin', size, seed: 'twenty' }],
		});
		expect(message.attachments[0].size).toBe(size);

		const res = await api.get(message.attachments[0].url, { responseType: 'stream' });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/octet-stream');
		expect(Number(res.headers['content-length'])).toBe(size);
		const hash = crypto.createHash('sha256');
		let received = 0;
		for await (const chunk of res.data as Readable) {
			hash.update(chunk);
			received += chunk.length;
		}
		expect(received).toBe(size);
		expect(hash.digest('hex')).toBe(generatedAttachmentSha256(size, 'twenty'));
	});

	it('generates content that depends on the seed and does not simply repeat per chunk', () => {
		expect(generatedAttachmentSha256(1000, 'a')).not.toBe(generatedAttachmentSha256(1000, 'b'));
		// The pattern is documented (README): SHA-256 of "<seed>:0", "<seed>:1", ... concatenated.
		expect(generatedAttachmentBytes(40, 'a')).toEqual(
			Buffer.concat([
				crypto.createHash('sha256').update('a:0').digest(),
				crypto.createHash('sha256').update('a:1').digest(),
			]).subarray(0, 40),
		);
		const bytes = generatedAttachmentBytes(3 * 65536, 'a');
		expect(bytes.subarray(0, 65536).equals(bytes.subarray(65536, 131072))).toBe(false);
		expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(
			generatedAttachmentSha256(3 * 65536, 'a'),
		);
	});

	it('generates exactly `size` bytes even for 1 GiB, where chunks wrap around the pattern', async () => {
		const size = 1024 ** 3 + 7;
		let generated = 0;
		for await (const chunk of generatedAttachmentStream(size, 'gig'))
			generated += (chunk as Buffer).length;
		expect(generated).toBe(size);
	});
});

describe('faults', () => {
	it('answers with an injected status, message and Retry-After, once per queued fault, in order', async () => {
		await control.injectFaults([
			{ kind: 'status', status: 503, message: 'Down for maintenance' },
			{ kind: 'status', status: 429, retryAfter: 7 },
		]);
		const first = await api.get('/api/domains');
		expectError(first, 503, 'Down for maintenance');
		expect(first.headers['x-ratelimit-used']).toBe('0');
		const second = await api.get('/api/domains');
		expectError(second, 429, 'Too Many Requests');
		expect(second.headers['retry-after']).toBe('7');
		const third = await api.get('/api/domains');
		expect(third.status).toBe(200);
		expect(quotaUsed(third)).toBe(1);
	});

	it('repeats a single fault `count` times', async () => {
		await control.injectFaults({ kind: 'status', status: 500, count: 2 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await api.get('/api/domains')).status);
		expect(statuses).toEqual([500, 500, 200]);
	});

	it('applies faults only to matching method and path prefix', async () => {
		await control.injectFaults(
			{ kind: 'status', status: 502 },
			{ method: 'delete', pathPrefix: '/api/messages' },
		);
		const mailbox = await newMailbox();
		const message = await control.deliver(mailbox.email);
		expect((await api.get(`/api/messages/${message.id}`)).status).toBe(200);
		expect((await api.delete(`/api/emails/${encodeURIComponent(mailbox.email)}`)).status).toBe(200);
		expect((await api.delete(`/api/messages/${message.id}`)).status).toBe(502);
	});

	it('answers 200 with status false', async () => {
		await control.injectFaults({ kind: 'status-false', message: 'Mailbox busy' });
		const res = await api.get('/api/domains');
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ status: false, message: 'Mailbox busy' });
	});

	it('answers a truncated JSON body', async () => {
		await control.injectFaults({ kind: 'malformed' });
		const res = await api.get('/api/domains', asText);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json');
		expect(() => JSON.parse(res.data)).toThrow();
	});

	it('answers an HTML error page', async () => {
		await control.injectFaults({ kind: 'html' });
		const res = await api.get('/api/domains', asText);
		expect(res.status).toBe(502);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		expect(res.data).toMatch(/<html>.*502 Bad Gateway/);
	});

	it('answers an arbitrary body', async () => {
		await control.injectFaults({
			kind: 'body',
			status: 418,
			contentType: 'text/plain',
			body: 'teapot',
		});
		const res = await api.get('/api/domains', asText);
		expect(res.status).toBe(418);
		expect(res.headers['content-type']).toBe('text/plain');
		expect(res.data).toBe('teapot');
	});

	it('delays and then answers normally', async () => {
		await control.injectFaults({ kind: 'delay', ms: 300 });
		const started = Date.now();
		const res = await api.get('/api/domains');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(res.status).toBe(200);
		expect(quotaUsed(res)).toBe(1);
	});

	it('drops the connection without an answer', async () => {
		await control.injectFaults({ kind: 'drop' });
		await expect(api.get('/api/domains')).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect((await api.get('/api/domains')).status).toBe(200);
	});

	it('clears pending faults', async () => {
		await control.injectFaults({ kind: 'status', status: 500, count: 5 });
		await control.clearFaults();
		expect((await api.get('/api/domains')).status).toBe(200);
	});

	it('rejects an unknown fault kind', async () => {
		await expect(control.injectFaults({ kind: 'explode' } as never)).rejects.toMatchObject({
			response: { status: 400 },
		});
	});
});

describe('latency and traffic', () => {
	it('adds latency to every request and tracks requests in flight', async () => {
		await control.config({ latencyMs: 200 });
		await control.clearRequests();
		const started = Date.now();
		const answers = await Promise.all([1, 2, 3, 4].map(() => api.get('/api/domains')));
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		expect(answers.every((r) => r.status === 200)).toBe(true);
		expect(await control.stats()).toEqual({ inFlight: 0, maxInFlight: 4, requests: 4 });
	});

	it('logs each /api request with its raw path, decoded segments, query and key', async () => {
		await control.clearRequests();
		await api.get('/api/messages?email=a%40b.test');
		await apiClient().delete('/api/emails/x%40inbox.test');
		const log = await control.requests();
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({
			method: 'GET',
			rawPath: '/api/messages',
			segments: ['api', 'messages'],
			query: { email: 'a@b.test' },
			authorization: 'Bearer default-key',
		});
		expect(log[0].headers.accept).toBe('application/json');
		expect(log[1]).toMatchObject({
			method: 'DELETE',
			rawPath: '/api/emails/x%40inbox.test',
			segments: ['api', 'emails', 'x@inbox.test'],
			authorization: null,
		});
		await control.clearRequests();
		expect(await control.requests()).toEqual([]);
	});
});

describe('cli', () => {
	it('starts, prints its URL and a working key, and exits cleanly on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[path.join(__dirname, 'cli.js'), '--port', '0', '--key', 'cli-key'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			const output = await new Promise<string>((resolve, reject) => {
				let text = '';
				child.stdout.on('data', (chunk) => {
					text += chunk;
					if (/API key: \S+/.test(text) && /curl/.test(text)) resolve(text);
				});
				child.once('exit', (code) => reject(new Error(`cli exited early with ${code}: ${text}`)));
			});
			const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
			const key = /API key: (\S+)/.exec(output)?.[1];
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(key).toBe('cli-key');
			const res = await axios.get(`${url}/api/domains`, {
				proxy: false,
				headers: { Authorization: `Bearer ${key}` },
			});
			expect(res.data.status).toBe(true);
		} finally {
			const exit = new Promise<number | null>((resolve) =>
				child.once('exit', (code) => resolve(code)),
			);
			child.kill('SIGTERM');
			expect(await exit).toBe(0);
		}
	});
});
