import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

describe('Quota → Get (engine, simulator)', () => {
	const fixture = useSimulator();

	it('reads limit, used, remaining and reset from the rate-limit headers', async () => {
		const account = await fixture.control.createAccount({ quotaLimit: 1000, used: 10 });
		const run = await runTempMail(
			fixture,
			{ resource: 'quota', operation: 'get' },
			{ apiKey: account.key },
		);
		// The quota request itself is a successful call, so it counts.
		expect(run.items.map((i) => i.json)).toEqual([
			{ limit: 1000, used: 11, remaining: 989, resetAt: account.resetAt },
		]);
	});

	it('explains an exhausted quota with the reset time', async () => {
		const account = await fixture.control.createAccount({ quotaLimit: 5, used: 5 });
		const error = expectError(
			await runTempMail(fixture, { resource: 'quota', operation: 'get' }, { apiKey: account.key }),
		);
		expect(error.message).toBe('Temp Mail API quota exhausted or rate limited (429)');
		expect(error.description).toContain(`resets at ${account.resetAt}`);
		expect(error.description).toContain('used 5 of 5');
	});
});
