import { runTempMail, useSimulator } from '../../../support/tempmail';

describe('Continue On Fail (engine, simulator)', () => {
	const fixture = useSimulator();

	it('turns each failing item into an error item and still runs the others, in order', async () => {
		const mailbox = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(mailbox.email, { subject: 'keep me' });
		const run = await runTempMail(
			fixture,
			{ resource: 'message', operation: 'get', messageId: '={{ $json.id }}', simplify: true },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { id: message.id } },
					{ json: { id: '' } },
					{ json: { id: 'unknown-id' } },
					{ json: { id: message.id } },
				],
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(4);
		expect(run.items[0].json.subject).toBe('keep me');
		expect(run.items[1].json.error).toBe('Message ID: is empty');
		expect(run.items[2].json.error).toBe('Message unknown-id not found');
		expect(run.items[2].json.description).toMatch(/Get Many/);
		expect(run.items[3].json.subject).toBe('keep me');
		expect(run.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	it('without Continue On Fail the first failing item stops the node', async () => {
		const run = await runTempMail(
			fixture,
			{ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' },
			{
				inputItems: [{ json: { id: 'missing-1' } }, { json: { id: 'missing-2' } }],
			},
		);
		expect(run.error?.message).toBe('Message missing-1 not found');
		expect((await fixture.control.requests()).length).toBe(1);
	});
});
