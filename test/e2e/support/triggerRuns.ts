// What an activated Temp Mail Trigger did in n8n: its finished executions (oldest first,
// with the message ids each emitted) and how often it asked the simulator for its mailbox.
import type { SimulatorControl } from '../../simulator';
import { nodeOutput, waitFor } from './environment';
import type { E2eEnvironment } from './environment';
import { POLL_TRIGGER_NODE } from './workflows';

export interface TriggerRun {
	executionId: string;
	ids: string[];
	subjects: string[];
}

/**
 * The trigger executions of a workflow, oldest first, once at least `count` have finished
 * and none is still running. Each must be a successful trigger run.
 */
export async function finishedTriggerRuns(
	env: E2eEnvironment,
	workflowId: string,
	count: number,
	timeoutMs = 45_000,
): Promise<TriggerRun[]> {
	const list = await waitFor(
		`${count} finished trigger execution(s)`,
		async () => {
			const executions = await env.rest.listExecutions({ workflowId });
			const finished = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			return finished.length >= count && finished.length === executions.length
				? finished
				: undefined;
		},
		timeoutMs,
		250,
	);
	const out: TriggerRun[] = [];
	for (const summary of [...list].sort((a, b) => Number(a.id) - Number(b.id))) {
		const execution = await env.rest.getExecution(summary.id);
		expect({ id: execution.id, mode: execution.mode, status: execution.status }).toEqual({
			id: summary.id,
			mode: 'trigger',
			status: 'success',
		});
		const items = nodeOutput(execution, POLL_TRIGGER_NODE).map((item) => item.json);
		out.push({
			executionId: execution.id,
			ids: items.map((i) => String(i.id)),
			subjects: items.map((i) => String(i.subject)),
		});
	}
	return out;
}

/** How many times the simulator has been asked for this mailbox's messages. */
export async function pollsOf(control: SimulatorControl, email: string): Promise<number> {
	return (await control.requests()).filter(
		(r) => r.method === 'GET' && r.rawPath.startsWith('/api/messages') && r.query.email === email,
	).length;
}
