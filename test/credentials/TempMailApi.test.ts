import type { IHttpRequestOptions } from 'n8n-workflow';

import { TempMailApi } from '../../credentials/TempMailApi.credentials';
import { DEFAULT_BASE_URL } from '../../nodes/TempMail/transport/baseUrl';

describe('Temp Mail API credential: authenticate', () => {
	const credential = new TempMailApi();

	it('adds the Bearer header and keeps every other option and header', async () => {
		const request: IHttpRequestOptions = {
			baseURL: 'https://api.test',
			url: '/api/domains',
			headers: { Accept: 'application/json' },
			qs: { type: 'free' },
		};
		const signed = await credential.authenticate(
			{ apiKey: 'tm_key_1', baseUrl: 'https://api.test' },
			request,
		);
		expect(signed).toEqual({
			baseURL: 'https://api.test',
			url: '/api/domains',
			qs: { type: 'free' },
			headers: { Accept: 'application/json', Authorization: 'Bearer tm_key_1' },
		});
	});

	it('does not change the options it was given (n8n may reuse them for a retry)', async () => {
		const request: IHttpRequestOptions = {
			baseURL: 'https://api.test',
			url: '/api/domains',
			headers: { Accept: 'application/json' },
		};
		await credential.authenticate({ apiKey: 'tm_key_1' }, request);
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	it('works when the request has no headers yet', async () => {
		const signed = await credential.authenticate(
			{ apiKey: 'tm_key_2' },
			{ url: 'https://api.test/api/domains' },
		);
		expect(signed.headers).toEqual({ Authorization: 'Bearer tm_key_2' });
	});
});

describe('Temp Mail API credential: the key goes only where the base URL rule allows', () => {
	const credential = new TempMailApi();
	const sign = async (baseURL: string | undefined, url: string) =>
		await credential.authenticate({ apiKey: 'tm_key_3' }, { baseURL, url });

	it.each([
		['http to a non-loopback host', 'http://api.example.com', '/api/domains', /must use https/],
		[
			'http to 0.0.0.0 (reaches this machine, but is not loopback)',
			'http://0.0.0.0:8025',
			'/api/domains',
			/must use https/,
		],
		[
			'an absolute http URL past an https base',
			'https://api.test',
			'http://evil.example/x',
			/must use https/,
		],
		['a user name in the URL', 'https://user:pw@api.test', '/api/domains', /user name or password/],
		['no base URL and a relative path', undefined, '/api/domains', /is not valid/],
	])('refuses %s, before anything is sent', async (_name, baseURL, url, problem) => {
		await expect(sign(baseURL, url)).rejects.toThrow(problem);
	});

	it.each([
		['https', 'https://api.test', '/api/domains'],
		['http to localhost', 'http://localhost:8025', '/api/domains'],
		['http to 127.0.0.1', 'http://127.0.0.1:8025/', 'api/domains'],
		['http to [::1]', 'http://[::1]:8025', '/api/domains'],
	])('signs %s', async (_name, baseURL, url) => {
		expect((await sign(baseURL, url)).headers).toEqual({ Authorization: 'Bearer tm_key_3' });
	});

	it('"Test connection" is a request signed by authenticate (so the rule applies to it)', () => {
		expect(credential.test.request.url).toBe('/api/domains');
		expect(typeof credential.authenticate).toBe('function');
	});

	it('its default base URL is the one the transport uses', () => {
		const baseUrl = credential.properties.find((property) => property.name === 'baseUrl');
		expect(baseUrl?.default).toBe(DEFAULT_BASE_URL);
	});
});
