import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBinaryBuffer } from '../../../harness';
import { runTempMail, useSimulator } from '../../../support/tempmail';

const HOSTILE_FILE_NAMES = [
	'a b.txt',
	'x@y.txt',
	'ünïcødé ✓.txt',
	'hash#tag.txt',
	'what?.txt',
	'100%.txt',
	'dir/evil.txt',
	'..%2F..txt',
	'../up.txt',
];

describe('path segments and the key stay where they belong (engine, simulator)', () => {
	const fixture = useSimulator();

	it.each(HOSTILE_FILE_NAMES)(
		'downloads the attachment named %j as one path segment',
		async (name) => {
			const mailbox = await fixture.control.createMailbox();
			const message = await fixture.control.deliver(mailbox.email, {
				attachments: [{ name, text: `content of ${name}` }],
			});
			await fixture.control.clearRequests();
			const run = await runTempMail(fixture, {
				resource: 'attachment',
				operation: 'download',
				messageId: message.id,
				fileName: name,
				binaryPropertyName: 'data',
			});
			expect(run.error).toBeUndefined();
			expect((await readBinaryBuffer(run.items[0].binary!.data)).toString()).toBe(
				`content of ${name}`,
			);
			const [request] = await fixture.control.requests();
			expect(request.segments).toEqual(['api', 'messages', message.id, 'attachments', name]);
		},
	);

	it('sends a mailbox address with @ and + as one segment when switching', async () => {
		const mailbox = await fixture.control.createMailbox({ email: 'first+tag@tempmail.test' });
		const run = await runTempMail(fixture, {
			resource: 'mailbox',
			operation: 'switch',
			email: mailbox.email,
			username: 'next.one',
			domain: 'tempmail.test',
		});
		expect(run.error).toBeUndefined();
		const [request] = await fixture.control.requests();
		expect(request.rawPath).toBe('/api/emails/first%2Btag%40tempmail.test/next.one/tempmail.test');
		expect(request.segments).toEqual([
			'api',
			'emails',
			'first+tag@tempmail.test',
			'next.one',
			'tempmail.test',
		]);
	});

	it('never follows the absolute attachment URL from a response (the key stays on the base URL origin)', async () => {
		const seen: Array<string | undefined> = [];
		const elsewhere = http.createServer((req, res) => {
			seen.push(req.headers.authorization);
			res.end('stolen');
		});
		await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
		try {
			const otherOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
			await fixture.control.config({ publicBaseUrl: otherOrigin });
			const mailbox = await fixture.control.createMailbox();
			await fixture.control.deliver(mailbox.email, {
				attachments: [{ name: 'a.txt', text: 'real' }],
			});
			const run = await runTempMail(fixture, {
				resource: 'message',
				operation: 'getAll',
				email: mailbox.email,
				returnAll: true,
				simplify: false,
				options: { downloadAttachments: true },
			});
			expect(String((run.items[0].json.attachments as Array<{ url: string }>)[0].url)).toContain(
				otherOrigin,
			);
			expect((await readBinaryBuffer(run.items[0].binary!.attachment_0)).toString()).toBe('real');
			expect(seen).toEqual([]);
		} finally {
			await fixture.control.config({ publicBaseUrl: null });
			await new Promise((resolve) => elsewhere.close(resolve));
		}
	});

	it('does not carry the key across a redirect to another origin', async () => {
		const seen: Array<string | undefined> = [];
		const target = http.createServer((req, res) => {
			seen.push(req.headers.authorization);
			res.setHeader('content-type', 'application/json');
			res.end(
				JSON.stringify({
					status: true,
					data: { requested_type: 'free', allowed_types: ['free'], domains: [] },
				}),
			);
		});
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
		const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
		const redirector = http.createServer((req, res) => {
			res.writeHead(302, { location: `${targetUrl}${req.url ?? '/'}` });
			res.end();
		});
		await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
		try {
			const base = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
			const run = await runTempMail(
				fixture,
				{ resource: 'domain', operation: 'getAll', type: 'free' },
				{ baseUrl: base, apiKey: 'secret-key-abc' },
			);
			expect(run.error).toBeUndefined();
			expect(seen).toEqual([undefined]);
		} finally {
			await new Promise((resolve) => redirector.close(resolve));
			await new Promise((resolve) => target.close(resolve));
		}
	});
});
