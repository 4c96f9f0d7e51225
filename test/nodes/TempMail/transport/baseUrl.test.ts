import { checkBaseUrl, DEFAULT_BASE_URL } from '../../../../nodes/TempMail/transport/baseUrl';

describe('checkBaseUrl', () => {
	it('uses the documented host when the field is empty', () => {
		expect(checkBaseUrl('')).toEqual({ baseUrl: DEFAULT_BASE_URL, origin: DEFAULT_BASE_URL });
		expect(checkBaseUrl(undefined)).toEqual({
			baseUrl: DEFAULT_BASE_URL,
			origin: DEFAULT_BASE_URL,
		});
	});

	it('tolerates trailing slashes and keeps a path prefix', () => {
		expect(checkBaseUrl('https://api.example.com/')).toEqual({
			baseUrl: 'https://api.example.com',
			origin: 'https://api.example.com',
		});
		expect(checkBaseUrl(' https://api.example.com/v2// ')).toEqual({
			baseUrl: 'https://api.example.com/v2',
			origin: 'https://api.example.com',
		});
	});

	it.each([
		'http://localhost:8025',
		'http://127.0.0.1:8025/',
		'http://[::1]:8025',
		'http://127.0.0.2',
	])('accepts plain http on loopback %s', (url) => {
		expect(checkBaseUrl(url)).toHaveProperty('baseUrl');
	});

	it.each([
		['http://v1.tempmailg.com', /https/],
		['http://10.0.0.5:8025', /https/],
		['ftp://example.com', /https/],
		['not a url', /not a valid URL/],
		['https://user:pass@example.com', /user name or password/],
		['https://example.com/?x=1', /query string/],
	])('refuses %s', (url, problem) => {
		const result = checkBaseUrl(url);
		expect(result).toHaveProperty('problem');
		expect((result as { problem: string }).problem).toMatch(problem);
	});
});
