import { TempMailApi } from '../../../../credentials/TempMailApi.credentials';
import { TempMail } from '../../../../nodes/TempMail/TempMail.node';
import { chain, runWorkflow, startNode, workflowNode } from '../../../harness';
import { SIGN_UP_NODE_TYPE, SignUpTestNode } from '../../../support/signUpNode';
import { NODE_TYPE, useSimulator } from '../../../support/tempmail';

const credentials = { credentials: { tempMailApi: { id: '1', name: 'Temp Mail' } } };

describe('sign-up verification flow in one workflow (engine, simulator)', () => {
	const fixture = useSimulator();

	it('create mailbox → sign up → Wait For with Extract → delete mailbox: the code is the one sent', async () => {
		const result = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode(
						'Create Mailbox',
						NODE_TYPE,
						{ resource: 'mailbox', operation: 'create' },
						credentials,
					),
					workflowNode('Sign Up', SIGN_UP_NODE_TYPE, {
						siteUrl: fixture.sim.url,
						email: '={{ $json.email }}',
						delayMs: 1500,
					}),
					workflowNode(
						'Wait For Verification',
						NODE_TYPE,
						{
							resource: 'message',
							operation: 'waitFor',
							email: "={{ $('Create Mailbox').item.json.email }}",
							filters: { subjectContains: 'verify' },
							timeout: 30,
							interval: 2,
							simplify: true,
							options: { extract: true },
						},
						credentials,
					),
					workflowNode(
						'Delete Mailbox',
						NODE_TYPE,
						{
							resource: 'mailbox',
							operation: 'delete',
							email: "={{ $('Create Mailbox').item.json.email }}",
						},
						credentials,
					),
				],
				connections: chain(
					'Start',
					'Create Mailbox',
					'Sign Up',
					'Wait For Verification',
					'Delete Mailbox',
				),
			},
			nodeTypes: { [NODE_TYPE]: new TempMail(), [SIGN_UP_NODE_TYPE]: new SignUpTestNode() },
			credentialTypes: [new TempMailApi()],
			credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
		});
		expect(result.run.status).toBe('success');
		const email = String(result.outputOf('Create Mailbox')[0].json.email);
		const [verification] = result.outputOf('Wait For Verification');
		const sent = (await fixture.control.signUps()).filter((s) => s.email === email);
		expect(sent).toHaveLength(1);
		expect(verification.json.code).toBe(sent[0].code);
		expect(verification.json.verificationLink).toBe(sent[0].link);
		expect(verification.json.text).toContain(`Your verification code is ${sent[0].code}`);
		expect(verification.json.links).toEqual(expect.arrayContaining([sent[0].link]));
		expect(result.outputOf('Delete Mailbox').map((i) => i.json)).toEqual([
			{ email, deleted: true },
		]);
	});

	it('Get with Extract adds text, code, links and verificationLink without another request', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.signUp(box.email, 0);
		const [sent] = (await fixture.control.signUps()).filter((s) => s.email === box.email);
		const list = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode(
						'List',
						NODE_TYPE,
						{
							resource: 'message',
							operation: 'getAll',
							email: box.email,
							returnAll: true,
							options: { extract: true },
						},
						credentials,
					),
				],
				connections: chain('Start', 'List'),
			},
			nodeTypes: { [NODE_TYPE]: new TempMail() },
			credentialTypes: [new TempMailApi()],
			credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
		});
		const [item] = list.outputOf('List');
		expect(item.json).toMatchObject({ code: sent.code, verificationLink: sent.link });
		expect(item.json.codeCandidates).toEqual([
			{ code: sent.code, confidence: expect.any(Number), context: expect.any(String) },
		]);
		expect(item.json.verificationLinkKind).toEqual(expect.any(String));
		expect(await fixture.control.requests()).toHaveLength(1);
	});

	it('a custom code pattern overrides, and an invalid one is refused before any request', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.signUp(box.email, 0);
		const [sent] = (await fixture.control.signUps()).filter((s) => s.email === box.email);
		const run = (options: Record<string, unknown>) =>
			runWorkflow({
				workflow: {
					nodes: [
						startNode(),
						workflowNode(
							'List',
							NODE_TYPE,
							{
								resource: 'message',
								operation: 'getAll',
								email: box.email,
								returnAll: true,
								options: { extract: true, ...options },
							},
							credentials,
						),
					],
					connections: chain('Start', 'List'),
				},
				nodeTypes: { [NODE_TYPE]: new TempMail() },
				credentialTypes: [new TempMailApi()],
				credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
			});
		const custom = await run({ codePattern: 'Order #(\\d+)' });
		expect(custom.outputOf('List')[0].json.code).toBe('20261124');
		await fixture.control.clearRequests();
		const invalid = await run({ codePattern: '(' });
		expect(invalid.errorOf('List')?.message).toMatch(
			/^Code Pattern: "\(" is not a valid regular expression \(.+\)$/,
		);
		expect(await fixture.control.requests()).toHaveLength(0);
		// Valid for a quick check as a plain source, but the "u" and "v" flags cannot go
		// together: refused before the request, by the compiler that would run it.
		const flags = await run({ codePattern: '/(\\d+)/uv' });
		expect(flags.errorOf('List')?.message).toMatch(
			/^Code Pattern: "\/\(\\d\+\)\/uv" is not a valid regular expression \(.+\)$/,
		);
		// Minimum Confidence: a code named right before it has confidence 1 and stays at 1.
		const named = (await run({ minimumConfidence: 1 })).outputOf('List')[0].json;
		expect(named.code).toBe(sent.code);
		expect(named.codeCandidates).toEqual([
			{ code: sent.code, confidence: 1, context: expect.stringContaining(sent.code) },
		]);
		await fixture.control.clearRequests();
		const outside = await run({ minimumConfidence: 1.5 });
		expect(outside.errorOf('List')?.message).toBe(
			'Minimum Confidence must be a number from 0 to 1 (got 1.5)',
		);
		expect(await fixture.control.requests()).toHaveLength(0);
		const link = await run({ linkPattern: '/confirm/uv' });
		expect(link.errorOf('List')?.message).toMatch(/^Link Pattern: "\/confirm\/uv" is not a valid/);
		expect(await fixture.control.requests()).toHaveLength(0);
	});
	it('Minimum Confidence turns a doubtful code into null and keeps the candidates', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, {
			subject: 'Sign in',
			html: false,
			content: 'Your code is 482913 or, on the old app, 739104.',
		});
		const run = (minimumConfidence?: number) =>
			runWorkflow({
				workflow: {
					nodes: [
						startNode(),
						workflowNode(
							'List',
							NODE_TYPE,
							{
								resource: 'message',
								operation: 'getAll',
								email: box.email,
								returnAll: true,
								options: {
									extract: true,
									...(minimumConfidence === undefined ? {} : { minimumConfidence }),
								},
							},
							credentials,
						),
					],
					connections: chain('Start', 'List'),
				},
				nodeTypes: { [NODE_TYPE]: new TempMail() },
				credentialTypes: [new TempMailApi()],
				credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
			});
		const loose = (await run()).outputOf('List')[0].json;
		expect(loose.code).toBe('482913');
		const candidates = loose.codeCandidates as Array<{ code: string; confidence: number }>;
		expect(candidates.map((candidate) => candidate.code)).toEqual(['482913', '739104']);
		expect(candidates[0].confidence).toBeLessThan(0.9);
		const strict = (await run(0.9)).outputOf('List')[0].json;
		expect(strict.code).toBeNull();
		expect(strict.codeCandidates).toEqual(candidates);
	});
});
