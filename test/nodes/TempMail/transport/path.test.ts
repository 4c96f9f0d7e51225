import { apiPath } from '../../../../nodes/TempMail/transport/path';

describe('apiPath', () => {
	it('keeps every user value inside its own segment', () => {
		expect(apiPath('api', 'emails', 'a b@example.com')).toBe('/api/emails/a%20b%40example.com');
		expect(apiPath('api', 'messages', 'x', 'attachments', 'a/b?c#d%e.txt')).toBe(
			'/api/messages/x/attachments/a%2Fb%3Fc%23d%25e.txt',
		);
		expect(apiPath('api', 'messages', 'x', 'attachments', 'résumé ✓.pdf')).toBe(
			'/api/messages/x/attachments/r%C3%A9sum%C3%A9%20%E2%9C%93.pdf',
		);
		expect(apiPath('api', 'messages', '../../admin')).toBe('/api/messages/..%2F..%2Fadmin');
	});

	it.each(['', '.', '..'])(
		'refuses the segment "%s" that URL normalisation would rewrite',
		(segment) => {
			expect(() => apiPath('api', 'messages', segment)).toThrow(
				/cannot be sent to the Temp Mail API/,
			);
		},
	);

	it('survives WHATWG URL parsing unchanged', () => {
		const path = apiPath('api', 'messages', 'm1', 'attachments', '..%2F?#x');
		expect(new URL(path, 'https://h.example').pathname).toBe(path);
	});
});
