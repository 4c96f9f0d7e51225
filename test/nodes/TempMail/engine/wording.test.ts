import { apiReasonOf } from '../../../../nodes/TempMail/transport/apiReason';
import { readableDuration } from '../../../../nodes/TempMail/transport/duration';
import { NO_RETRIES } from '../../../support/retries';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';

// Every message says what happened and what to do, in the user's words, whatever
// shape the API's error body has.

async function switchWith422(fixture: SimulatorFixture, fault: Record<string, unknown>) {
	const mailbox = await fixture.control.createMailbox();
	await fixture.control.injectFaults({ kind: 'status', status: 422, ...fault } as never);
	return expectError(
		await runTempMail(fixture, {
			resource: 'mailbox',
			operation: 'switch',
			email: mailbox.email,
			username: 'taken-name',
			domain: mailbox.domain,
		}),
	);
}

describe('422s name the field and the reason, in every common body shape', () => {
	const fixture = useSimulator();
	const REASON = 'The username has already been taken.';

	it.each([
		['{status:false, errors:{field:[…]}}', 'errors'],
		['{message, errors:{field:[…]}}', 'message-errors'],
	])('%s', async (_name, shape) => {
		const error = await switchWith422(fixture, { shape, field: 'username', message: REASON });
		expect(error.message).toBe(`The Temp Mail API refused the input (422): ${REASON}`);
		expect(error.description).toMatch(/^Fix the value named above: usernames use/);
	});

	it('names the field when the reason does not', async () => {
		const error = await switchWith422(fixture, {
			shape: 'errors',
			field: 'domain',
			message: 'is not available for your plan',
		});
		expect(error.message).toBe(
			'The Temp Mail API refused the input (422): domain: is not available for your plan',
		);
		expect(error.description).toMatch(/the domain must be one your plan allows/);
		expect(error.description).not.toMatch(/username/i);
	});

	it.each([
		['{status:false, message}', 'status-message'],
		['{message}', 'message'],
		['{error}', 'error'],
	])('%s', async (_name, shape) => {
		const error = await switchWith422(fixture, { shape, message: 'Username is reserved.' });
		expect(error.message).toBe('The Temp Mail API refused the input (422): Username is reserved.');
		// No field list: the words of the message say which rule applies.
		expect(error.description).toMatch(/^Fix the value named above: usernames use/);
	});

	it('a reason that names no known field asks to fix what the API names', async () => {
		const error = await switchWith422(fixture, {
			shape: 'message',
			message: 'Too many switches today.',
		});
		expect(error.message).toBe(
			'The Temp Mail API refused the input (422): Too many switches today.',
		);
		expect(error.description).toBe('Fix the value the API names above.');
	});

	it('a refused domain type talks about domain types, not usernames', async () => {
		const error = expectError(
			await runTempMail(fixture, { resource: 'domain', operation: 'getAll', type: 'gold' }),
		);
		expect(error.message).toMatch(
			/^The Temp Mail API refused the input \(422\): The selected type/,
		);
		expect(error.description).toMatch(/domain type "gold" was not accepted.*Domain Type list/);
		expect(error.description).not.toMatch(/username/i);
	});

	it('a domain type the plan does not allow says so', async () => {
		const error = expectError(
			await runTempMail(fixture, { resource: 'domain', operation: 'getAll', type: 'premium' }),
		);
		expect(error.message).toBe('Your plan does not allow premium domains (403)');
	});
});

describe('waits read as durations with the time they end', () => {
	const fixture = useSimulator();

	it.each([
		['seconds', false],
		['an HTTP date', true],
	])('Retry-After as %s', async (_name, retryAfterDate) => {
		const seconds = 2656161;
		await fixture.control.injectFaults({
			kind: 'status',
			status: 429,
			retryAfter: seconds,
			retryAfterDate,
		});
		const error = expectError(
			await runTempMail(fixture, { resource: 'quota', operation: 'get', ...NO_RETRIES }),
		);
		const until = new Date(Date.now() + seconds * 1000).toISOString().slice(0, 10);
		expect(error.description).toMatch(
			new RegExp(`The API asks to wait 30 days 17 h \\(until ${until} \\d\\d:\\d\\d UTC\\)`),
		);
		expect(error.description).not.toMatch(/2656161/);
	});

	it('formats durations', () => {
		expect([0, 59, 60, 61, 3599, 3600, 5400, 86399, 86400, 2656161].map(readableDuration)).toEqual([
			'0 s',
			'59 s',
			'1 min',
			'1 min 1 s',
			'59 min 59 s',
			'1 h',
			'1 h 30 min',
			'23 h 59 min',
			'1 day',
			'30 days 17 h',
		]);
	});
});

describe('apiReasonOf', () => {
	it('reads every common shape and ignores what carries no reason', () => {
		expect(
			apiReasonOf({ status: false, errors: { email: ['The email field is required.'] } }),
		).toEqual({ text: 'The email field is required.', fields: ['email'] });
		expect(
			apiReasonOf({ message: 'Bad name', errors: { username: ['too short', 'reserved'] } }),
		).toEqual({ text: 'Bad name (username: too short reserved)', fields: ['username'] });
		expect(apiReasonOf({ error: { message: 'nested' } })?.text).toBe('nested');
		expect(apiReasonOf({ errors: ['a', 'b'] })?.text).toBe('a; b');
		expect(apiReasonOf({ status: false })).toBeUndefined();
		expect(apiReasonOf('text')).toBeUndefined();
		expect(apiReasonOf({ message: 'x'.repeat(1000) })?.text).toHaveLength(300);
	});
});

describe('a trigger poll failure names the mailboxes and the reasons in its message', () => {
	const fixture = useSimulator();

	it('two failing mailboxes', async () => {
		const { errorOfPoll, pollTrigger } = await import('../../../support/trigger');
		const gone = 'gone-one@tempmail.test';
		const other = await fixture.control.createAccount();
		const foreign = await fixture.control.createMailbox({ key: other.key });
		const error = errorOfPoll(
			await pollTrigger(fixture, { staticData: {} }, { mailboxes: `${gone}, ${foreign.email}` }),
		);
		expect(error.message).toBe(
			`Temp Mail Trigger could not poll 2 mailboxes: ${gone} (Mailbox ${gone} not found or expired); ${foreign.email} (Access denied to mailbox ${foreign.email} (403))`,
		);
	});

	it('one failing mailbox whose error does not name it', async () => {
		const { errorOfPoll, pollTrigger } = await import('../../../support/trigger');
		const box = await fixture.control.createMailbox();
		await fixture.control.injectFaults({ kind: 'status', status: 401 });
		const error = errorOfPoll(
			await pollTrigger(fixture, { staticData: {} }, { mailboxes: box.email }),
		);
		expect(error.message).toBe(
			`Temp Mail Trigger could not poll ${box.email}: The Temp Mail API rejected the API key (401)`,
		);
	});
});
