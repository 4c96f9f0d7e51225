import axios from 'axios';
import fc from 'fast-check';

import { pollTrigger } from '../../../support/trigger';
import type { TriggerSession } from '../../../support/trigger';
import { everyAttempt, useFastBackoff } from '../../../support/retries';
import { useSimulator } from '../../../support/tempmail';
import type { FaultSpec } from '../../../simulator';

/**
 * Random schedules of deliveries (often in the same second), deletions,
 * polls, failing polls and n8n restarts. Invariants, checked after every
 * poll that n8n would commit:
 *  - no message is ever emitted twice;
 *  - every message a mailbox listed at a committed poll after its baseline
 *    has been emitted by then;
 *  - the stored ids never outnumber what the mailbox held when it was last
 *    listed successfully (a mailbox that fails keeps its previous state).
 */
type Command =
	| { kind: 'deliver'; box: number; sameSecond: boolean }
	| { kind: 'delete'; box: number; pick: number }
	| { kind: 'poll' }
	| { kind: 'failingPoll'; fault: FaultSpec }
	| { kind: 'restart' };

const faults: Array<fc.Arbitrary<FaultSpec>> = [
	fc.constantFrom(500, 502, 503, 429).map((status) => ({ kind: 'status', status }) as FaultSpec),
	fc.constant({ kind: 'drop' } as FaultSpec),
	fc.constant({ kind: 'malformed' } as FaultSpec),
	fc.constant({ kind: 'status-false' } as FaultSpec),
];

const command: fc.Arbitrary<Command> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('deliver' as const),
			box: fc.nat(1),
			sameSecond: fc.boolean(),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('delete' as const),
			box: fc.nat(1),
			pick: fc.nat(20),
		}),
	},
	{ weight: 3, arbitrary: fc.constant({ kind: 'poll' as const }) },
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant('failingPoll' as const), fault: fc.oneof(...faults) }),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** A failing poll fails on every attempt of the retry policy (5xx gateways, 429, drops are retried). */
function failingAttempts(fault: FaultSpec): FaultSpec[] {
	const retried =
		fault.kind === 'drop' ||
		(fault.kind === 'status' && [429, 502, 503, 504].includes(fault.status));
	return retried ? everyAttempt(fault) : [fault];
}

const RUNS = Number(process.env.TRIGGER_PROPERTY_RUNS ?? 1000);

describe('Temp Mail Trigger property: each message exactly once, bounded state', () => {
	const fixture = useSimulator();
	useFastBackoff(1, 2);

	it(
		`holds for ${RUNS} random schedules`,
		async () => {
			let schedules = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(command, { minLength: 2, maxLength: 12 }), async (commands) => {
					schedules++;
					await fixture.control.reset();
					await fixture.control.clearFaults();
					const boxes = [
						(await fixture.control.createMailbox()).email,
						(await fixture.control.createMailbox()).email,
					];
					const params = { mailboxes: boxes.join(', ') };
					const contents: string[][] = [[], []];
					const baseline: Array<Set<string> | undefined> = [undefined, undefined];
					const sizeWhenListed = [0, 0];
					const emitted = new Map<string, number>();
					let session: TriggerSession = { staticData: {} };
					let clock = Date.parse('2026-11-24T10:00:00Z');

					const poll = async (failFirstBox: boolean) => {
						const outcome = await pollTrigger(fixture, session, params);
						if (!outcome.ok) {
							expect(outcome.error.message).not.toMatch(/TypeError|Cannot read|undefined/);
							return;
						}
						for (const item of outcome.items) {
							const id = String(item.json.id);
							emitted.set(id, (emitted.get(id) ?? 0) + 1);
							expect(emitted.get(id)).toBe(1);
						}
						boxes.forEach((_email, index) => {
							if (failFirstBox && index === 0) return;
							sizeWhenListed[index] = contents[index].length;
							if (baseline[index] === undefined) {
								baseline[index] = new Set(contents[index]);
								return;
							}
							for (const id of contents[index]) {
								if (!baseline[index]!.has(id)) expect(emitted.get(id)).toBe(1);
							}
						});
						const stored = JSON.stringify(session.staticData);
						for (const [index, email] of boxes.entries()) {
							const match = new RegExp(
								`"${email.replace(/[.+]/g, '\\$&')}":\\{"ids":\\[([^\\]]*)\\]`,
							).exec(stored);
							const count = match && match[1] ? match[1].split(',').length : 0;
							expect(count).toBeLessThanOrEqual(sizeWhenListed[index]);
						}
					};

					for (const step of commands) {
						if (step.kind === 'deliver') {
							if (!step.sameSecond) clock += 1000;
							const message = await fixture.control.deliver(boxes[step.box], {
								subject: 's',
								receivedAt: clock,
							});
							contents[step.box].push(message.id);
						} else if (step.kind === 'delete') {
							const list = contents[step.box];
							if (list.length === 0) continue;
							const [id] = list.splice(step.pick % list.length, 1);
							await axios.delete(`${fixture.sim.url}/api/messages/${id}`, {
								headers: { Authorization: `Bearer ${fixture.sim.defaultKey}` },
							});
						} else if (step.kind === 'poll') {
							await poll(false);
						} else if (step.kind === 'failingPoll') {
							await fixture.control.injectFaults(failingAttempts(step.fault), {
								pathPrefix: '/api/messages',
							});
							await poll(true);
							await fixture.control.clearFaults();
						} else {
							session = { staticData: JSON.parse(JSON.stringify(session.staticData)) };
						}
					}
					await poll(false);
					await poll(false);
				}),
				{ numRuns: RUNS },
			);
			console.log(`trigger property: ${schedules} schedules checked`);
			expect(schedules).toBeGreaterThanOrEqual(RUNS);
		},
		15 * 60 * 1000,
	);
});
