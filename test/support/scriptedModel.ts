/**
 * A scripted "model" for n8n's AI Agent: an OpenAI-compatible server on 127.0.0.1 that answers
 * POST /v1/chat/completions with what a test's script decides (tool calls, then a final answer),
 * as a plain `chat.completion` or, when asked with `stream: true` (a Chat Trigger in streaming
 * mode), as server-sent `chat.completion.chunk` frames. It keeps every request, so a test can
 * see what the model was told (tool descriptions) and what each tool returned (and its size).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null;
	tool_call_id?: string;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ChatRequest {
	messages: ChatMessage[];
	tools: ChatTool[];
	stream: boolean;
	/** Size of the request body in bytes: what the provider would receive. */
	bytes: number;
}

/** One turn of the script: call tools, or answer. */
export type ModelTurn =
	{ toolCalls: Array<{ name: string; args: Record<string, unknown> }> } | { content: string };

export type ModelScript = (request: ChatRequest) => Promise<ModelTurn> | ModelTurn;

export interface ScriptedModel {
	/** Base URL for n8n's OpenAI credential ("http://127.0.0.1:<port>/v1"). */
	url: string;
	requests: ChatRequest[];
	close(): Promise<void>;
}

/** A tool result as the model received it: the tool's name (from the call) and its content. */
export interface ToolResult {
	name: string;
	args: Record<string, unknown>;
	content: string;
}

/** Every tool call of the conversation so far with the result it got. */
export function toolResults(request: ChatRequest): ToolResult[] {
	const calls = new Map<string, { name: string; args: Record<string, unknown> }>();
	const results: ToolResult[] = [];
	for (const message of request.messages) {
		for (const call of message.tool_calls ?? [])
			calls.set(call.id, {
				name: call.function.name,
				args: JSON.parse(call.function.arguments || '{}') as Record<string, unknown>,
			});
		if (message.role === 'tool' && message.tool_call_id) {
			const call = calls.get(message.tool_call_id);
			results.push({
				name: call?.name ?? '?',
				args: call?.args ?? {},
				content: String(message.content ?? ''),
			});
		}
	}
	return results;
}

let callCounter = 0;

function completion(turn: ModelTurn) {
	const answer =
		'content' in turn
			? { message: { role: 'assistant', content: turn.content }, finish_reason: 'stop' }
			: {
					message: {
						role: 'assistant',
						content: null,
						tool_calls: turn.toolCalls.map((call) => ({
							id: `call_${++callCounter}`,
							type: 'function',
							function: { name: call.name, arguments: JSON.stringify(call.args) },
						})),
					},
					finish_reason: 'tool_calls',
				};
	return {
		id: `chatcmpl-${++callCounter}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: 'scripted-model',
		choices: [{ index: 0, ...answer }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as SSE chunks: role, then content pieces or tool calls, finish, usage, [DONE]. */
function chunks(turn: ModelTurn): object[] {
	const whole = completion(turn);
	const base = { id: whole.id, object: 'chat.completion.chunk', created: whole.created };
	const frame = (delta: object, finish: string | null = null) => ({
		...base,
		model: 'scripted-model',
		choices: [{ index: 0, delta, finish_reason: finish }],
	});
	const frames: object[] = [frame({ role: 'assistant', content: '' })];
	const message = whole.choices[0].message as {
		content: string | null;
		tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
	};
	if (message.tool_calls) {
		message.tool_calls.forEach((call, index) =>
			frames.push(frame({ tool_calls: [{ index, ...call }] })),
		);
	} else {
		for (const piece of String(message.content).match(/.{1,12}/gs) ?? [])
			frames.push(frame({ content: piece }));
	}
	frames.push(frame({}, whole.choices[0].finish_reason));
	frames.push({ ...base, model: 'scripted-model', choices: [], usage: whole.usage });
	return frames;
}

export async function startScriptedModel(script: ModelScript): Promise<ScriptedModel> {
	const requests: ChatRequest[] = [];
	const server = http.createServer((req, res) => {
		const parts: Buffer[] = [];
		req.on('data', (part: Buffer) => parts.push(part));
		req.on('end', () => {
			void (async () => {
				if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
					res.writeHead(404, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: { message: `not scripted: ${req.method} ${req.url}` } }));
					return;
				}
				const raw = Buffer.concat(parts);
				const body = JSON.parse(raw.toString('utf8')) as {
					messages: ChatMessage[];
					tools?: ChatTool[];
					stream?: boolean;
				};
				const request: ChatRequest = {
					messages: body.messages,
					tools: body.tools ?? [],
					stream: body.stream === true,
					bytes: raw.length,
				};
				requests.push(request);
				try {
					const turn = await script(request);
					if (!request.stream) {
						res.writeHead(200, { 'content-type': 'application/json' });
						res.end(JSON.stringify(completion(turn)));
						return;
					}
					res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
					for (const chunk of chunks(turn)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
					res.end('data: [DONE]\n\n');
				} catch (error) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: { message: `script failed: ${String(error)}` } }));
				}
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
