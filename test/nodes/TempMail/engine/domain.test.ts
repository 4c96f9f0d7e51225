import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

describe('Domain → Get Many (engine, simulator)', () => {
	const fixture = useSimulator();

	it('lists the free domains, one item per domain, with the Bearer key', async () => {
		const run = await runTempMail(fixture, {
			resource: 'domain',
			operation: 'getAll',
			type: 'free',
		});
		expect(run.error).toBeUndefined();
		expect(run.items.length).toBeGreaterThan(0);
		for (const item of run.items) {
			expect(item.json).toEqual({ domain: expect.any(String), type: 'Free', custom: false });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		const [request] = await fixture.control.requests();
		expect(request.authorization).toBe(`Bearer ${fixture.sim.defaultKey}`);
		expect(request.query).toEqual({ type: 'free' });
	});

	it('lists premium domains for an account whose plan allows them', async () => {
		const account = await fixture.control.createAccount({ allowedTypes: ['free', 'premium'] });
		const run = await runTempMail(
			fixture,
			{ resource: 'domain', operation: 'getAll', type: 'premium' },
			{ apiKey: account.key },
		);
		expect(run.items.map((i) => i.json.type)).toEqual(run.items.map(() => 'Premium'));
	});

	it('explains a type the plan does not allow (403)', async () => {
		const error = expectError(
			await runTempMail(fixture, { resource: 'domain', operation: 'getAll', type: 'premium' }),
		);
		expect(error.message).toContain('403');
		expect(error.description).toMatch(/plan does not allow/);
	});
});
