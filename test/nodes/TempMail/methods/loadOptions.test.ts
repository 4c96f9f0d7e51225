import type { INodeParameters } from 'n8n-workflow';

import { TempMailApi } from '../../../../credentials/TempMailApi.credentials';
import { TempMail } from '../../../../nodes/TempMail/TempMail.node';
import { runLoadOptions } from '../../../harness';
import { useFastBackoff } from '../../../support/retries';
import { useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';

/** A dropdown of the Switch operation, filled as the editor does (n8n-core's LoadOptionsContext). */
async function dropdown(
	fixture: SimulatorFixture,
	method: 'getDomains' | 'getDomainTypes',
	options: { apiKey?: string; requestOptions?: INodeParameters } = {},
) {
	return await runLoadOptions({
		nodeType: new TempMail(),
		method,
		parameters: {
			resource: 'mailbox',
			operation: 'switch',
			...(options.requestOptions ? { requestOptions: options.requestOptions } : {}),
		},
		credentialTypes: [new TempMailApi()],
		credentials: {
			tempMailApi: { apiKey: options.apiKey ?? fixture.sim.defaultKey, baseUrl: fixture.sim.url },
		},
	});
}

describe('dropdowns (methods/loadOptions.ts)', () => {
	const fixture = useSimulator();
	useFastBackoff();

	it('Domain lists the free domains of a free plan, in one request', async () => {
		const { options } = await dropdown(fixture, 'getDomains');
		expect(options).toEqual([
			{ name: 'tempmail.test (Free)', value: 'tempmail.test' },
			{ name: 'inbox.test (Free)', value: 'inbox.test' },
		]);
		expect(await fixture.control.requests()).toHaveLength(1);
	});

	it('Domain lists every type the plan allows, one request per type', async () => {
		const account = await fixture.control.createAccount({ allowedTypes: ['free', 'premium'] });
		await fixture.control.clearRequests();
		const { options } = await dropdown(fixture, 'getDomains', { apiKey: account.key });
		expect(options.map((option) => option.value)).toEqual([
			'tempmail.test',
			'inbox.test',
			'vip.test',
		]);
		expect(options[2].name).toBe('vip.test (Premium)');
		const asked = (await fixture.control.requests()).map((r) => `${r.rawPath} ${r.query.type}`);
		// The first request names no type (any plan may make it), then each type not yet covered.
		expect(asked).toEqual(['/api/domains undefined', '/api/domains premium']);
	});

	it('Domain Type names the allowed types in words', async () => {
		const account = await fixture.control.createAccount({ allowedTypes: ['free', 'premium'] });
		const { options } = await dropdown(fixture, 'getDomainTypes', { apiKey: account.key });
		expect(options).toEqual([
			{ name: 'Free', value: 'free' },
			{ name: 'Premium', value: 'premium' },
		]);
	});

	it("uses the node's Request Options: a 503 is retried, or not when retries are off", async () => {
		await fixture.control.injectFaults([{ kind: 'status', status: 503 }], {
			pathPrefix: '/api/domains',
		});
		const { options } = await dropdown(fixture, 'getDomainTypes');
		expect(options).toEqual([{ name: 'Free', value: 'free' }]);
		expect(await fixture.control.requests()).toHaveLength(2);

		await fixture.control.injectFaults([{ kind: 'status', status: 503 }], {
			pathPrefix: '/api/domains',
		});
		await expect(
			dropdown(fixture, 'getDomainTypes', {
				requestOptions: { retryOnTransientErrors: false },
			}),
		).rejects.toThrow('The Temp Mail API had a server error (503)');
	});

	it('a Request Option that does not resolve yet does not break the dropdown', async () => {
		const { options } = await dropdown(fixture, 'getDomainTypes', {
			requestOptions: { maxRetryWait: '={{ $json.missing.deeper }}' },
		});
		expect(options).toEqual([{ name: 'Free', value: 'free' }]);
	});

	it('a wrong key fails with the credential hint, never quoting the key', async () => {
		const promise = dropdown(fixture, 'getDomains', { apiKey: 'tm_wrong_key_123456' });
		await expect(promise).rejects.toThrow('The Temp Mail API rejected the API key (401)');
		await expect(promise).rejects.not.toThrow(/tm_wrong_key_123456/);
	});
});
