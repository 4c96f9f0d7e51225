import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

describe('Mailbox (engine, simulator)', () => {
	const fixture = useSimulator({ ttlSeconds: 600 });

	it('Create outputs address, id, expiry (absolute and seconds) and token', async () => {
		const run = await runTempMail(fixture, { resource: 'mailbox', operation: 'create' });
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json).toEqual({
			id: expect.any(Number),
			email: expect.stringMatching(/^[^@]+@[^@]+$/),
			domain: expect.any(String),
			expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
			expiresInSeconds: 600,
			createdAt: expect.any(String),
			token: expect.any(String),
		});
		expect(String(item.json.email).endsWith(`@${item.json.domain}`)).toBe(true);
		const [request] = await fixture.control.requests();
		expect(request.method).toBe('POST');
		expect(request.rawPath).toBe('/api/emails');
	});

	it('Create runs once per input item', async () => {
		const run = await runTempMail(
			fixture,
			{ resource: 'mailbox', operation: 'create' },
			{ inputItems: [{ json: {} }, { json: {} }] },
		);
		expect(run.items).toHaveLength(2);
		expect(run.items[0].json.email).not.toBe(run.items[1].json.email);
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Switch moves the mailbox (new id) and its messages to the new address', async () => {
		const mailbox = await fixture.control.createMailbox();
		await fixture.control.deliver(mailbox.email, { subject: 'before switch' });
		const domain = mailbox.domain;
		const run = await runTempMail(
			fixture,
			{
				resource: 'mailbox',
				operation: 'switch',
				email: '={{ $json.address }}',
				username: 'signup-test-01',
				domain,
			},
			{ inputItems: [{ json: { address: mailbox.email } }] },
		);
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json.email).toBe(`signup-test-01@${domain}`);
		expect(item.json.previousEmail).toBe(mailbox.email);
		expect(item.json.id).not.toBe(mailbox.id);

		const list = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: item.json.email as string,
			returnAll: true,
			simplify: true,
		});
		expect(list.items.map((i) => i.json.subject)).toEqual(['before switch']);
		expect(list.items[0].json.to).toBe(item.json.email);
	});

	it('Switch reports a username the API refuses (422) with what to fix', async () => {
		const mailbox = await fixture.control.createMailbox();
		const run = await runTempMail(fixture, {
			resource: 'mailbox',
			operation: 'switch',
			email: mailbox.email,
			username: 'ab',
			domain: mailbox.domain,
		});
		const error = expectError(run);
		expect(error.message).toMatch(/refused the input \(422\)/);
		expect(error.description).toMatch(/username/i);
	});

	it('Switch to a domain the account may not use is a 422 naming the domain rule', async () => {
		const mailbox = await fixture.control.createMailbox();
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'mailbox',
				operation: 'switch',
				email: mailbox.email,
				username: 'valid-name',
				domain: 'vip.test',
			}),
		);
		expect(error.message).toContain('422');
		expect(error.description).toMatch(/Domain → Get Many/);
	});

	it('Delete removes the mailbox; a second delete says it is gone or expired', async () => {
		const mailbox = await fixture.control.createMailbox();
		const run = await runTempMail(fixture, {
			resource: 'mailbox',
			operation: 'delete',
			email: mailbox.email,
		});
		expect(run.items.map((i) => i.json)).toEqual([{ email: mailbox.email, deleted: true }]);
		const again = expectError(
			await runTempMail(fixture, {
				resource: 'mailbox',
				operation: 'delete',
				email: mailbox.email,
			}),
		);
		expect(again.message).toBe(`Mailbox ${mailbox.email} not found or expired`);
		expect(again.description).toMatch(/Mailbox → Create/);
	});

	it("refuses another account's mailbox (403) without touching it", async () => {
		const other = await fixture.control.createAccount();
		const mailbox = await fixture.control.createMailbox({ key: other.key });
		const error = expectError(
			await runTempMail(fixture, {
				resource: 'mailbox',
				operation: 'delete',
				email: mailbox.email,
			}),
		);
		expect(error.message).toBe(`Access denied to mailbox ${mailbox.email} (403)`);
		expect(error.description).toMatch(/another Temp Mail account/);
		const stillThere = await runTempMail(
			fixture,
			{ resource: 'message', operation: 'getAll', email: mailbox.email, returnAll: true },
			{ apiKey: other.key },
		);
		expect(stillThere.error).toBeUndefined();
	});
});
