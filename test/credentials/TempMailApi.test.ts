import type { IHttpRequestOptions } from 'n8n-workflow';

import { TempMailApi } from '../../credentials/TempMailApi.credentials';

describe('Temp Mail API credential: authenticate', () => {
	const credential = new TempMailApi();

	it('adds the Bearer header and keeps every other option and header', async () => {
		const request: IHttpRequestOptions = {
			url: '/api/domains',
			headers: { Accept: 'application/json' },
			qs: { type: 'free' },
		};
		const signed = await credential.authenticate(
			{ apiKey: 'tm_key_1', baseUrl: 'https://api.test' },
			request,
		);
		expect(signed).toEqual({
			url: '/api/domains',
			qs: { type: 'free' },
			headers: { Accept: 'application/json', Authorization: 'Bearer tm_key_1' },
		});
	});

	it('does not change the options it was given (n8n may reuse them for a retry)', async () => {
		const request: IHttpRequestOptions = {
			url: '/api/domains',
			headers: { Accept: 'application/json' },
		};
		await credential.authenticate({ apiKey: 'tm_key_1' }, request);
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	it('works when the request has no headers yet', async () => {
		const signed = await credential.authenticate({ apiKey: 'tm_key_2' }, { url: '/api/domains' });
		expect(signed.headers).toEqual({ Authorization: 'Bearer tm_key_2' });
	});
});
