import { TempMail } from '../../../../nodes/TempMail/TempMail.node';
import { TempMailApi } from '../../../../credentials/TempMailApi.credentials';
import { runLoadOptions } from '../../../harness';
import { runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';

// Quota → Get and the domain dropdowns must work on any plan, not only one with free domains.
const PLANS: Array<[string, string[], string[]]> = [
	['free only', ['free'], ['tempmail.test (Free)', 'inbox.test (Free)']],
	['premium only', ['premium'], ['vip.test (Premium)']],
	[
		'premium and custom domains',
		['premium', 'custom'],
		['vip.test (Premium)', 'mail.own.test (Custom)'],
	],
	[
		'every type',
		['free', 'premium', 'custom'],
		['tempmail.test (Free)', 'inbox.test (Free)', 'vip.test (Premium)', 'mail.own.test (Custom)'],
	],
];

async function loadOptions(fixture: SimulatorFixture, key: string, method: string) {
	const { options } = await runLoadOptions({
		nodeType: new TempMail(),
		method,
		parameters: { resource: 'mailbox', operation: 'switch' },
		credentialTypes: [new TempMailApi()],
		credentials: { tempMailApi: { apiKey: key, baseUrl: fixture.sim.url } },
	});
	return options;
}

describe('plans: free only, premium only, custom domains', () => {
	const fixture = useSimulator();

	it.each(PLANS)('%s: Quota → Get and both dropdowns work', async (_plan, types, domains) => {
		const account = await fixture.control.createAccount({ allowedTypes: types, quotaLimit: 900 });
		const quota = await runTempMail(
			fixture,
			{ resource: 'quota', operation: 'get' },
			{ apiKey: account.key },
		);
		expect(quota.error).toBeUndefined();
		expect(quota.items[0].json).toMatchObject({ limit: 900, used: 1, remaining: 899 });

		const domainOptions = await loadOptions(fixture, account.key, 'getDomains');
		expect(domainOptions.map((o) => o.name)).toEqual(domains);
		const typeOptions = await loadOptions(fixture, account.key, 'getDomainTypes');
		expect(typeOptions.map((o) => o.value)).toEqual(types);

		// Each listed type then works in Domain → Get Many.
		for (const type of types) {
			const run = await runTempMail(
				fixture,
				{ resource: 'domain', operation: 'getAll', type },
				{ apiKey: account.key },
			);
			expect(run.error).toBeUndefined();
			expect(run.items.length).toBeGreaterThan(0);
		}
	});

	it('a server that reads a missing type as "free": the dropdown still lists every allowed type', async () => {
		await fixture.control.variants({ omittedType: 'free' });
		const account = await fixture.control.createAccount({ allowedTypes: ['free', 'premium'] });
		const options = await loadOptions(fixture, account.key, 'getDomains');
		expect(options.map((o) => o.name)).toEqual([
			'tempmail.test (Free)',
			'inbox.test (Free)',
			'vip.test (Premium)',
		]);
	});
});
