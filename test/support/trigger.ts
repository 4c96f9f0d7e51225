/**
 * Polls the Temp Mail Trigger in n8n-core's real PollContext against the
 * simulator. State persists the way n8n persists it: the static data of a
 * poll that returned is kept; the static data of a poll that threw is not.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { TempMailApi } from '../../credentials/TempMailApi.credentials';
import { TempMailTrigger } from '../../nodes/TempMail/TempMailTrigger.node';
import { PollRunError, runPoll } from '../harness';
import type { PollResult } from '../harness';
import type { SimulatorFixture } from './tempmail';

export const TRIGGER_TYPE = 'n8n-nodes-tempmail.tempMailTrigger';

export interface TriggerSession {
	/** Workflow static data as n8n has persisted it so far. */
	staticData: IDataObject;
	apiKey?: string;
	/** The workflow the trigger belongs to (default `harness-workflow`). */
	workflowId?: string;
	/** What n8n's getPollBudgetMs() answers; default n8n-core's. */
	pollBudgetMs?: number;
}

export type PollOutcome =
	| { ok: true; items: INodeExecutionData[]; result: PollResult }
	| { ok: false; error: Error & { description?: string | null }; logs: PollRunError['logs'] };

export async function pollTrigger(
	fixture: SimulatorFixture,
	session: TriggerSession,
	parameters: INodeParameters,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<PollOutcome> {
	try {
		const result = await runPoll({
			nodeType: new TempMailTrigger(),
			typeName: TRIGGER_TYPE,
			parameters: { event: 'newMessage', ...parameters },
			credentialTypes: [new TempMailApi()],
			credentials: {
				tempMailApi: { apiKey: session.apiKey ?? fixture.sim.defaultKey, baseUrl: fixture.sim.url },
			},
			staticData: session.staticData,
			workflowId: session.workflowId,
			pollBudgetMs: session.pollBudgetMs,
			mode,
		});
		if (mode === 'trigger') session.staticData = result.staticData;
		return { ok: true, items: result.result?.[0] ?? [], result };
	} catch (error) {
		if (!(error instanceof PollRunError)) throw error;
		return { ok: false, error: error.cause as Error, logs: error.logs };
	}
}

export function itemsOf(outcome: PollOutcome): INodeExecutionData[] {
	if (!outcome.ok)
		throw new Error(`expected the poll to succeed, it failed: ${outcome.error.message}`);
	return outcome.items;
}

export function errorOfPoll(outcome: PollOutcome): Error & { description?: string | null } {
	if (outcome.ok)
		throw new Error(`expected the poll to fail, it returned ${outcome.items.length} item(s)`);
	return outcome.error;
}
