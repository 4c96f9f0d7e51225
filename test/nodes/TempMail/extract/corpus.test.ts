import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { extractFromMessage } from '../../../../nodes/TempMail/extract';
import type { ExtractableMessage } from '../../../../nodes/TempMail/extract';

/**
 * Table-driven check over a corpus of realistic verification mails
 * (test/fixtures/verification-mails/*.json, one mail per file).
 */
interface Fixture {
	name: string;
	service: string;
	language: string;
	notes: string;
	message: ExtractableMessage;
	expected: { code: string | null; verificationLink: string | null };
}

const directory = join(__dirname, '../../../fixtures/verification-mails');
const fixtures: Fixture[] = readdirSync(directory)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as Fixture);

const results = fixtures.map((fixture) => ({
	fixture,
	actual: extractFromMessage(fixture.message),
}));

describe('verification mail corpus', () => {
	afterAll(() => {
		const codeHits = results.filter(
			({ fixture, actual }) => actual.code === fixture.expected.code,
		).length;
		const linkHits = results.filter(
			({ fixture, actual }) => actual.verificationLink === fixture.expected.verificationLink,
		).length;
		console.log(
			`verification corpus: code ${codeHits}/${results.length}, link ${linkHits}/${results.length}`,
		);
	});

	it('is large and varied enough to mean something', () => {
		expect(fixtures.length).toBeGreaterThanOrEqual(45);
		const languages = new Set(fixtures.map((fixture) => fixture.language));
		for (const language of [
			'en',
			'es',
			'fr',
			'de',
			'pt',
			'it',
			'ru',
			'pl',
			'tr',
			'ar',
			'he',
			'zh',
			'ja',
		]) {
			expect(languages).toContain(language);
		}
		expect(fixtures.some((fixture) => fixture.message.html)).toBe(true);
		expect(fixtures.some((fixture) => !fixture.message.html)).toBe(true);
		expect(fixtures.some((fixture) => fixture.expected.code === null)).toBe(true);
		expect(fixtures.some((fixture) => fixture.expected.verificationLink === null)).toBe(true);
		expect(new Set(fixtures.map((fixture) => fixture.name)).size).toBe(fixtures.length);
	});

	it.each(results.map(({ fixture, actual }) => [fixture.name, fixture, actual] as const))(
		'%s',
		(_name, fixture, actual) => {
			expect({ code: actual.code, verificationLink: actual.verificationLink }).toEqual(
				fixture.expected,
			);
			// Every expected link is among the links found.
			if (fixture.expected.verificationLink !== null) {
				expect(actual.links).toContain(fixture.expected.verificationLink);
			}
			expect(actual.text.length).toBeGreaterThan(0);
		},
	);

	it('finds every code and every verification link in the corpus (100%)', () => {
		const misses = results
			.filter(
				({ fixture, actual }) =>
					actual.code !== fixture.expected.code ||
					actual.verificationLink !== fixture.expected.verificationLink,
			)
			.map(({ fixture }) => fixture.name);
		expect(misses).toEqual([]);
	});
});
