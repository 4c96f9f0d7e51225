// End-to-end: n8n's AI Agent uses Temp Mail as its tool in a real n8n 2.41.1, fully offline.
// The "model" is a scripted OpenAI-compatible server (test/support/scriptedModel.ts); the
// workflow is examples/ai-agent-signup.json with only the credentials' addresses changed.
// The agent creates a mailbox, signs up on the simulator's demo site, lets the mail land
// before it asks (a model round trip), waits for it and answers with the code; once through
// `n8n execute`, once through a Chat Trigger that streams. With no mail, it gets a timed-out
// result it can act on.
import { randomUUID } from 'node:crypto';

import * as runtime from '../../scripts/runtime';
import { SimulatorControl } from '../simulator';
import { startScriptedModel, toolResults } from '../support/scriptedModel';
import type { ChatRequest, ModelTurn, ScriptedModel } from '../support/scriptedModel';
import { loadExample } from './support/examples';
import { startE2eEnvironment, waitFor } from './support/environment';
import type { E2eEnvironment } from './support/environment';
import { nodeNamed } from './support/workflows';
import type { WorkflowJson } from './support/workflows';
import { progressReporter } from './support/report';

const EXAMPLE = 'ai-agent-signup.json';
const SIGNUP_ID = 'tmAiAgentSignup1';
const NO_MAIL_ID = 'tmAiAgentNoMail1';
const CHAT_ID = 'tmAiAgentChat001';
const CHAT_WEBHOOK_ID = randomUUID();
const OPENAI_CREDENTIAL = { id: 'OpenAiLocal00001', name: 'OpenAI account' };
/** The figure the README states: every tool result of an ordinary verification mail is below it. */
const TOOL_RESULT_LIMIT = 4096;
const NO_SIGN_UP = 'Do not sign up anywhere.';

let env: E2eEnvironment;
let model: ScriptedModel;
let control: SimulatorControl;
const { report, timedStep } = progressReporter('e2e ai-agent');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function toolNamed(request: ChatRequest, part: string): string {
	const tool = request.tools.find((t) => t.function.name.includes(part));
	if (!tool)
		throw new Error(`no tool named *${part}*: ${request.tools.map((t) => t.function.name)}`);
	return tool.function.name;
}

function firstItem(content: string): Record<string, unknown> {
	const parsed = JSON.parse(content) as unknown;
	return (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown>;
}

/**
 * The model: create a mailbox → sign up with it (unless told not to) → let a round trip pass
 * (the mail is in the mailbox before Wait For starts) → Wait For → answer from its result.
 */
async function script(request: ChatRequest): Promise<ModelTurn> {
	const results = toolResults(request);
	const last = results[results.length - 1];
	const call = (part: string, args: Record<string, unknown>): ModelTurn => ({
		toolCalls: [{ name: toolNamed(request, part), args }],
	});
	if (!last) return call('Create', {});
	if (last.name.includes('Create')) {
		const email = String(firstItem(last.content).email);
		const skipSignUp = request.messages.some((m) => String(m.content).includes(NO_SIGN_UP));
		return skipSignUp ? call('Wait', { email }) : call('Sign', { email });
	}
	if (last.name.includes('Sign')) {
		// The site mails within a second; the model's next round trip takes longer.
		await sleep(2500);
		return call('Wait', { email: last.args.email });
	}
	const result = firstItem(last.content);
	if (result.timedOut === true)
		return { content: `No verification email arrived yet. ${String(result.description)}` };
	return {
		content: `Signed up. The verification code is ${String(result.code)} and the link is ${String(result.verificationLink)}.`,
	};
}

function pointAtTestServers(workflow: WorkflowJson, id: string): WorkflowJson {
	workflow.id = id;
	nodeNamed(workflow, 'OpenAI Chat Model').credentials = { openAiApi: OPENAI_CREDENTIAL };
	const signUp = nodeNamed(workflow, 'Sign Up on the Site');
	expect(signUp.parameters.url).toMatch(/\/__control\/signup$/);
	signUp.parameters.url = `${env.sim.url}/__control/signup`;
	return workflow;
}

/** The example as shipped (only the servers changed). */
function signupWorkflow(): WorkflowJson {
	return pointAtTestServers(loadExample(EXAMPLE), SIGNUP_ID);
}

/** The example told not to sign up, its Wait For cut to 4 s. */
function noMailWorkflow(): WorkflowJson {
	const workflow = pointAtTestServers(loadExample(EXAMPLE), NO_MAIL_ID);
	workflow.name += ' (no mail)';
	const agent = nodeNamed(workflow, 'AI Agent');
	agent.parameters.text = `${String(agent.parameters.text)} ${NO_SIGN_UP}`;
	nodeNamed(workflow, 'Wait For Mail').parameters.timeout = 4;
	return workflow;
}

/** The example behind a public Chat Trigger that streams the agent's answer. */
function chatWorkflow(): WorkflowJson {
	const workflow = pointAtTestServers(loadExample(EXAMPLE), CHAT_ID);
	workflow.name += ' (chat)';
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) throw new Error('the example has no manual trigger');
	const chatName = 'When chat message received';
	Object.assign(manual, {
		name: chatName,
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.3,
		webhookId: CHAT_WEBHOOK_ID,
		parameters: { public: true, mode: 'webhook', options: { responseMode: 'streaming' } },
	});
	const connections = workflow.connections as Record<string, unknown>;
	connections[chatName] = connections[`When clicking ‘Execute workflow’`];
	delete connections[`When clicking ‘Execute workflow’`];
	const agent = nodeNamed(workflow, 'AI Agent');
	agent.parameters = {
		promptType: 'auto',
		options: { ...(agent.parameters.options as object), enableStreaming: true },
	};
	return workflow;
}

interface ToolRun {
	input: unknown;
	output: unknown;
}

/** What each tool node received and returned in a run (n8n keeps it per call). */
function toolRuns(
	run: { data: runtime.RunExecutionData } | null | undefined,
	node: string,
): ToolRun[] {
	const runs = (run?.data?.resultData?.runData?.[node] ?? []) as Array<{
		inputOverride?: { ai_tool?: Array<Array<{ json: unknown }>> };
		data?: { ai_tool?: Array<Array<{ json: unknown }>> };
	}>;
	return runs.map((task) => ({
		input: task.inputOverride?.ai_tool?.[0]?.[0]?.json,
		output: task.data?.ai_tool?.[0]?.[0]?.json,
	}));
}

/** The tool results the model received in its last request, with their sizes. */
function resultsSeenByModel(since: number) {
	const requests = model.requests.slice(since);
	const last = requests[requests.length - 1];
	return toolResults(last).map((r) => ({ ...r, bytes: Buffer.byteLength(r.content) }));
}

beforeAll(async () => {
	model = await startScriptedModel(script);
	env = await startE2eEnvironment('ai-agent');
	control = new SimulatorControl(env.sim.url);
	await timedStep('import the OpenAI credential and the workflows', async () => {
		await runtime.importCredentials(env.cli, [
			{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted', url: model.url } },
		]);
		await runtime.importWorkflows(env.cli, [signupWorkflow(), noMailWorkflow(), chatWorkflow()]);
	});
	report(`n8n ${runtime.N8N_VERSION} on ${env.n8n.url}, model on ${model.url}`);
}, 300_000);

afterAll(async () => {
	await env?.stop();
	await model?.close();
}, 60_000);

describe('the AI Agent with Temp Mail as its tool', () => {
	it('signs up, waits for the mail that landed before it asked, and answers with the code (n8n execute)', async () => {
		const since = model.requests.length;
		const before = (await control.signUps()).length;
		const result = await timedStep('n8n execute the agent example', () =>
			runtime.executeWorkflow(env.cli, SIGNUP_ID),
		);
		if (result.code !== 0)
			throw new Error(
				`n8n execute failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		const [sent] = (await control.signUps()).slice(before);
		expect(sent).toEqual(expect.objectContaining({ code: expect.stringMatching(/^\d{6}$/) }));

		const output = result.data?.data?.resultData?.runData?.['AI Agent']?.[0]?.data?.main?.[0]?.[0]
			?.json as { output?: string } | undefined;
		expect(output?.output).toBe(
			`Signed up. The verification code is ${sent.code} and the link is ${sent.link}.`,
		);

		// What the model was told about Wait For.
		const waitTool = model.requests[since].tools.find((t) => t.function.name === 'Wait_For_Mail');
		expect(waitTool?.function.description).toMatch(/Blocks until .* timeout/);
		expect(waitTool?.function.description).toMatch(/"verificationLink"/);

		// What the tools received and returned, in n8n's run data.
		const created = toolRuns(result.data, 'Create Mailbox');
		const waited = toolRuns(result.data, 'Wait For Mail');
		expect(created).toHaveLength(1);
		expect(waited).toHaveLength(1);
		const createdJson = JSON.stringify(created[0].output);
		expect(createdJson).toContain(sent.email);
		expect(createdJson).not.toMatch(/token/i);
		expect(JSON.stringify(waited[0].input)).toContain(sent.email);
		expect(JSON.stringify(waited[0].output)).toContain(sent.code);

		// What the model provider received: every tool result small, no HTML, no token.
		const seen = resultsSeenByModel(since);
		report(
			`tool results seen by the model: ${seen.map((r) => `${r.name} ${r.bytes} B`).join(', ')}`,
		);
		report(
			`model request bodies: ${model.requests
				.slice(since)
				.map((r) => `${r.bytes} B`)
				.join(' → ')}`,
		);
		expect(seen.map((r) => r.name)).toEqual([
			'Create_Mailbox',
			'Sign_Up_on_the_Site',
			'Wait_For_Mail',
		]);
		for (const r of seen)
			expect({ tool: r.name, small: r.bytes < TOOL_RESULT_LIMIT }).toEqual({
				tool: r.name,
				small: true,
			});
		const waitResult = firstItem(seen[2].content);
		expect(waitResult).toMatchObject({ code: sent.code, verificationLink: sent.link });
		expect(seen[2].content).not.toMatch(/<html|<p>/i);
		expect(seen[0].content).not.toMatch(/token/i);
	});

	it('gets a timed-out result it can act on when no mail arrives', async () => {
		const since = model.requests.length;
		const result = await timedStep('n8n execute without a sign-up', () =>
			runtime.executeWorkflow(env.cli, NO_MAIL_ID),
		);
		expect(result.code).toBe(0);
		const seen = resultsSeenByModel(since);
		expect(seen.map((r) => r.name)).toEqual(['Create_Mailbox', 'Wait_For_Mail']);
		expect(firstItem(seen[1].content)).toMatchObject({
			timedOut: true,
			waitedSeconds: 4,
			description: expect.stringContaining('Call Wait For again'),
		});
		const output = result.data?.data?.resultData?.runData?.['AI Agent']?.[0]?.data?.main?.[0]?.[0]
			?.json as { output?: string } | undefined;
		expect(output?.output).toMatch(/^No verification email arrived yet\. .*Call Wait For again/);
	});

	it('streams the answer through a Chat Trigger', async () => {
		const workflow = await env.rest.getWorkflow(CHAT_ID);
		const activated: unknown = await env.rest.activateWorkflow(CHAT_ID, workflow.versionId);
		expect((activated as { active?: boolean }).active).toBe(true);
		const since = model.requests.length;
		const before = (await control.signUps()).length;
		try {
			const send = () =>
				fetch(`${env.n8n.url}/webhook/${CHAT_WEBHOOK_ID}/chat`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						action: 'sendMessage',
						sessionId: randomUUID(),
						chatInput:
							'Create a disposable email address, sign up on the site with it and tell me the verification code.',
					}),
				});
			// The activation answers before the chat webhook serves (a 404 runs nothing): ask again.
			const res = await timedStep('chat message (streaming)', () =>
				waitFor(
					'the chat webhook',
					async () => {
						const answer = await send();
						if (answer.status !== 404) return answer;
						await answer.text();
						return undefined;
					},
					30_000,
				),
			);
			expect(res.status).toBe(200);
			const body = await res.text();
			// One JSON object per chunk: begin, items with the text, end.
			const frames = body
				.split('\n')
				.filter((line) => line.trim())
				.map((line) => JSON.parse(line) as { type: string; content?: string });
			const answer = frames
				.filter((f) => f.type === 'item')
				.map((f) => f.content ?? '')
				.join('');
			const [sent] = (await control.signUps()).slice(before);
			expect(answer).toBe(
				`Signed up. The verification code is ${sent.code} and the link is ${sent.link}.`,
			);
			const requests = model.requests.slice(since);
			expect(requests.every((r) => r.stream)).toBe(true);
			const seen = resultsSeenByModel(since);
			expect(seen.map((r) => r.name)).toEqual([
				'Create_Mailbox',
				'Sign_Up_on_the_Site',
				'Wait_For_Mail',
			]);
			for (const r of seen) expect(r.bytes).toBeLessThan(TOOL_RESULT_LIMIT);
			report(`streamed ${frames.length} frames: ${JSON.stringify(answer)}`);
		} finally {
			await env.rest.deactivateWorkflow(CHAT_ID);
		}
	});
});
