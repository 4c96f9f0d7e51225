import axios from 'axios';

import { errorOfPoll, itemsOf, pollTrigger } from '../../../support/trigger';
import type { TriggerSession } from '../../../support/trigger';
import { useSimulator } from '../../../support/tempmail';

const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('Temp Mail Trigger (PollContext, simulator)', () => {
	const fixture = useSimulator();
	let session: TriggerSession;
	beforeEach(() => {
		session = { staticData: {} };
	});

	const deliver = async (email: string, subject: string, at: number, extra = {}) =>
		await fixture.control.deliver(email, {
			subject,
			receivedAt: at,
			from: 'Shop',
			fromEmail: 'noreply@shop.example',
			...extra,
		});

	it('the first poll is a baseline; later polls emit each new message once, oldest first, ties included', async () => {
		const box = await fixture.control.createMailbox();
		await deliver(box.email, 'old 1', T0);
		await deliver(box.email, 'old 2', T0 + 1000);
		const baseline = await pollTrigger(fixture, session, { mailboxes: box.email });
		expect(itemsOf(baseline)).toEqual([]);
		// n8n only writes static data to its database when the object reports a change.
		expect(baseline.ok && baseline.result.staticDataChanged).toBe(true);

		// Equal stamps: by id (documented tie-break), not by the API's order.
		await deliver(box.email, 'new B', T0 + 5000, { id: 'tie-b' });
		await deliver(box.email, 'new A', T0 + 5000, { id: 'tie-a' });
		await deliver(box.email, 'new C', T0 + 6000);
		const items = itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }));
		expect(items.map((i) => i.json.subject)).toEqual(['new A', 'new B', 'new C']);
		expect(itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }))).toEqual([]);
	});

	it('costs exactly one list request per mailbox per poll without attachments', async () => {
		const a = await fixture.control.createMailbox();
		const b = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: `${a.email}, ${b.email}` });
		await deliver(a.email, 'one', T0, { attachments: [{ name: 'x.txt', text: 'x' }] });
		await fixture.control.clearRequests();
		await pollTrigger(fixture, session, { mailboxes: `${a.email}\n${b.email}` });
		const requests = await fixture.control.requests();
		expect(requests.map((r) => `${r.method} ${r.rawPath} ${r.query.email}`).sort()).toEqual(
			[`GET /api/messages ${a.email}`, `GET /api/messages ${b.email}`].sort(),
		);
	});

	it('emits messages already there when asked to', async () => {
		const box = await fixture.control.createMailbox();
		await deliver(box.email, 'first', T0);
		await deliver(box.email, 'second', T0 + 1000);
		const items = itemsOf(
			await pollTrigger(fixture, session, {
				mailboxes: box.email,
				options: { emitExisting: true },
			}),
		);
		expect(items.map((i) => i.json.subject)).toEqual(['first', 'second']);
	});

	it('downloads attachments as binary with the prefix, one request per attachment', async () => {
		const box = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: box.email });
		await deliver(box.email, 'files', T0, {
			attachments: [
				{ name: 'a.txt', text: 'A' },
				{ name: 'b.txt', text: 'B' },
			],
		});
		await fixture.control.clearRequests();
		const [item] = itemsOf(
			await pollTrigger(fixture, session, {
				mailboxes: box.email,
				options: { downloadAttachments: true, attachmentPrefix: 'file_' },
			}),
		);
		expect(Object.keys(item.binary ?? {})).toEqual(['file_0', 'file_1']);
		expect((await fixture.control.requests()).length).toBe(3);
	});

	it('filters by sender, subject and regular expression; filtered-out mail never comes back', async () => {
		const box = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: box.email });
		await deliver(box.email, 'Your code is 123456', T0);
		await deliver(box.email, 'Newsletter', T0 + 1000);
		await deliver(box.email, 'Your code is 654321', T0 + 2000, {
			from: 'Other',
			fromEmail: 'x@other.example',
		});
		const params = {
			mailboxes: box.email,
			filters: { fromContains: 'shop.example', pattern: 'code is \\d{6}' },
		};
		expect(itemsOf(await pollTrigger(fixture, session, params)).map((i) => i.json.subject)).toEqual(
			['Your code is 123456'],
		);
		expect(itemsOf(await pollTrigger(fixture, session, params))).toEqual([]);
		expect(itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }))).toEqual([]);
	});

	it('reports an invalid regular expression naming the filter', async () => {
		const box = await fixture.control.createMailbox();
		const error = errorOfPoll(
			await pollTrigger(fixture, session, { mailboxes: box.email, filters: { pattern: '(' } }),
		);
		expect(error.message).toMatch(
			/^Filters → Regular Expression: "\(" is not a valid regular expression/,
		);
	});

	it('Fetch Test Event returns the newest message and changes no state', async () => {
		const box = await fixture.control.createMailbox();
		await deliver(box.email, 'older', T0);
		await deliver(box.email, 'newest', T0 + 1000);
		const before = JSON.stringify(session.staticData);
		const items = itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }, 'manual'));
		expect(items.map((i) => i.json.subject)).toEqual(['newest']);
		expect(JSON.stringify(session.staticData)).toBe(before);
	});

	it('Fetch Test Event on an empty mailbox says so clearly', async () => {
		const box = await fixture.control.createMailbox();
		const error = errorOfPoll(
			await pollTrigger(fixture, session, { mailboxes: box.email }, 'manual'),
		);
		expect(error.message).toBe(`No messages in ${box.email} yet`);
		expect(error.description).toMatch(/Fetch Test Event/);
	});

	it('an expired mailbox names the address and says to update the trigger', async () => {
		const box = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: box.email });
		await fixture.control.expire(box.email);
		const error = errorOfPoll(await pollTrigger(fixture, session, { mailboxes: box.email }));
		expect(error.message).toBe(`Mailbox ${box.email} not found or expired`);
		expect(error.description).toMatch(/Update the trigger's Mailbox Addresses/);
	});

	it('an unreachable mailbox on the first poll (activation) throws and stores nothing', async () => {
		const good = await fixture.control.createMailbox();
		const error = errorOfPoll(
			await pollTrigger(fixture, session, { mailboxes: `${good.email}, gone@tempmail.test` }),
		);
		expect(error.message).toBe('Mailbox gone@tempmail.test not found or expired');
		expect(session.staticData).toEqual({});
	});

	it('keeps state bounded by what the mailboxes list now', async () => {
		const box = await fixture.control.createMailbox();
		const other = await fixture.control.createMailbox();
		const sent = [];
		for (let i = 0; i < 5; i++) sent.push(await deliver(box.email, `m${i}`, T0 + i * 1000));
		await pollTrigger(fixture, session, { mailboxes: `${box.email}, ${other.email}` });
		const stateOf = () => JSON.stringify(session.staticData);
		expect(stateOf()).toContain(sent[0].id);
		for (const message of sent.slice(0, 4)) {
			await axios.delete(`${fixture.sim.url}/api/messages/${message.id}`, {
				headers: { Authorization: `Bearer ${fixture.sim.defaultKey}` },
			});
		}
		await pollTrigger(fixture, session, { mailboxes: box.email });
		expect(stateOf()).not.toContain(sent[0].id);
		expect(stateOf()).toContain(sent[4].id);
		expect(stateOf()).not.toContain(other.email);
	});

	it('adds the extracted code and verification link when Extract is on', async () => {
		const box = await fixture.control.createMailbox();
		const params = { mailboxes: box.email, options: { extract: true } };
		await pollTrigger(fixture, session, params);
		await fixture.control.signUp(box.email, 0);
		const [sent] = (await fixture.control.signUps()).filter((s) => s.email === box.email);
		const [item] = itemsOf(await pollTrigger(fixture, session, params));
		expect(item.json).toMatchObject({ code: sent.code, verificationLink: sent.link });
	});
});
