import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { extractFromMessage } from '../../nodes/TempMail/extract';

// The scorer is a plain Node script (npm run extract:score); its parts are exported for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const scorer = require('../../scripts/extract-score.js') as {
	load(path: string): Array<{ name: string; message: unknown; expected: unknown }>;
	scoreCorpus(records: unknown[], extract: typeof extractFromMessage): ScoreResult;
	formatScore(result: ScoreResult, showMisses: boolean): string;
};
interface ScoreResult {
	total: number;
	codes: number;
	links: number;
	both: number;
	misses: unknown[];
}

const corpus = [
	{
		subject: 'Your code',
		from: 'A',
		from_email: 'a@x.example',
		html: false,
		content: 'Your verification code is 482913.',
		expected: { code: '482913', verificationLink: null },
	},
	{
		name: 'wrong-expectation',
		subject: 'Confirm',
		from: 'B',
		from_email: 'b@x.example',
		html: true,
		content: '<a href="https://b.example/verify?t=Zx81Qm99a">Verify email</a>',
		expected: { code: '111111', verificationLink: 'https://b.example/other' },
	},
];

function write(data: unknown): string {
	const path = join(mkdtempSync(join(tmpdir(), 'extract-score-')), 'corpus.json');
	writeFileSync(path, JSON.stringify(data));
	return path;
}

describe('npm run extract:score', () => {
	it('prints code, link and both counts, and lists misses with --misses', () => {
		const records = scorer.load(write(corpus));
		const result = scorer.scoreCorpus(records, extractFromMessage);
		expect(result).toMatchObject({ total: 2, codes: 1, links: 1, both: 1 });
		expect(scorer.formatScore(result, false)).toBe(
			'code 1/2 (50.0 %), link 1/2 (50.0 %), both 1/2 (50.0 %)',
		);
		const withMisses = scorer.formatScore(result, true);
		expect(withMisses).toContain('✗ wrong-expectation');
		expect(withMisses).toContain('code: expected 111111 found null');
		expect(withMisses).toContain('found    https://b.example/verify?t=Zx81Qm99a');
	});

	it('reads the project fixture shape (message nested) as well', () => {
		const nested = { name: 'n', message: corpus[0], expected: corpus[0].expected };
		const records = scorer.load(write([nested]));
		expect(scorer.scoreCorpus(records, extractFromMessage)).toMatchObject({ total: 1, both: 1 });
	});

	it('refuses a record without content or expected, saying what it needs', () => {
		expect(() => scorer.load(write([{ subject: 'x' }]))).toThrow(
			/record 0: needs "content" \(string\), "html" and "expected"/,
		);
	});
});
