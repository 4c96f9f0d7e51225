#!/usr/bin/env node
'use strict';
/*
 * Memory of an attachment-to-S3 pipeline in the real n8n: the peak RSS (VmHWM) of the
 * `n8n execute` process moving one attachment into a local S3 store (s3rver, path style)
 *   ours: Manual Trigger → Temp Mail Message → Get (Download Attachments, One Item per
 *         Attachment) → S3 upload. `n8n execute` cannot start at a polling trigger; Get
 *         builds its items with the trigger's own code (helpers/messageOutput.ts), so the
 *         download path measured is the trigger's.
 *   http: Manual Trigger → HTTP Request (Response Format: File) → S3 upload
 * for a small and a large attachment, alternating which runs first, median of the rounds.
 * Binary data mode: filesystem (as a user with big attachments should set).
 *
 *   npm run bench:s3                      200 MB and 1 MB, 3 rounds
 *   node bench/s3-memory.js --size-mb 50 --rounds 1   (after npm run build)
 *
 * Prints a table and writes bench/results/s3-memory.json; with --readme also rewrites the
 * README's figures between the s3-memory markers. Exit 1 if a run failed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const runtime = require('../scripts/runtime');
const { executeMeasured, nodeRun, prepareN8n } = require('./lib/n8n');
const { startSimulatorProcess } = require('./lib/simulator-process');
const { median } = require('./lib/stats');

const MiB = 1024 * 1024;
const BUCKET = 'bench-attachments';
const MAILBOX_SMALL = 'bench-s3-small@tempmail.test';
const MAILBOX_LARGE = 'bench-s3-large@tempmail.test';
const CREDENTIALS = {
	tempMail: { id: 'TmBenchS3CredTm1', name: 'Temp Mail (bench s3)', type: 'tempMailApi' },
	bearer: { id: 'TmBenchS3CredHt1', name: 'Bearer (bench s3)', type: 'httpBearerAuth' },
	s3: { id: 'TmBenchS3CredS31', name: 'S3 (bench)', type: 's3' },
};

const log = (line) => process.stderr.write(`[bench:s3] ${line}\n`);
let uuidCounter = 0;
const uuid = () => `b3e0c0de-5300-4000-8000-${String(++uuidCounter).padStart(12, '0')}`;
const ref = (c) => ({ id: c.id, name: c.name });

function chain(id, name, nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	const positioned = nodes.map((n, i) => ({ id: uuid(), position: [i * 220, 0], ...n }));
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: positioned,
		connections,
	};
}

function upload(fileName) {
	return {
		name: 'Upload',
		type: 'n8n-nodes-base.s3',
		typeVersion: 1,
		parameters: {
			operation: 'upload',
			bucketName: BUCKET,
			fileName,
			binaryData: true,
			binaryPropertyName: 'data',
			additionalFields: {},
		},
		credentials: { s3: ref(CREDENTIALS.s3) },
	};
}

function workflows(baseUrl, plan) {
	const out = {};
	for (const d of plan) {
		out[d.label] = {
			ours: chain(`TmBenchS3Ours${d.tag}`, `Bench S3 ${d.label}: Temp Mail → S3`, [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
				{
					name: 'Get Message',
					type: 'n8n-nodes-tempmail.tempMail',
					typeVersion: 1,
					parameters: {
						resource: 'message',
						operation: 'get',
						messageId: d.messageId,
						options: { downloadAttachments: true, attachmentOutput: 'perAttachment' },
					},
					credentials: { tempMailApi: ref(CREDENTIALS.tempMail) },
				},
				upload(`=ours/{{ $json.messageId }}/{{ $binary.data.fileName }}`),
			]),
			http: chain(`TmBenchS3Http${d.tag}`, `Bench S3 ${d.label}: HTTP Request → S3`, [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
				{
					name: 'Download',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'GET',
						url: `${baseUrl}/api/messages/${encodeURIComponent(d.messageId)}/attachments/${encodeURIComponent(d.fileName)}`,
						authentication: 'genericCredentialType',
						genericAuthType: 'httpBearerAuth',
						options: {
							response: { response: { responseFormat: 'file', outputPropertyName: 'data' } },
						},
					},
					credentials: { httpBearerAuth: ref(CREDENTIALS.bearer) },
				},
				upload(`=http/${d.messageId}/${d.fileName}`),
			]),
		};
	}
	return out;
}

/** The README paragraph and table for a result. */
function s3MemoryText({ rows, growthMb, rounds, n8nVersion, measuredAt }) {
	const [small, large] = rows;
	return [
		`**Memory** (\`npm run bench:s3\`, ${measuredAt.slice(0, 10)}, n8n ${n8nVersion}, filesystem binary mode, median of ${rounds} rounds): peak RSS of the \`n8n execute\` process moving one attachment into S3.`,
		'',
		'| Attachment | Temp Mail (Get, One Item per Attachment) → S3 | HTTP Request (File) → S3 | S3 upload node time (ours / HTTP) |',
		'|---|---|---|---|',
		...rows.map(
			(row) =>
				`| ${row.size} | ${row.oursPeakMb} MB | ${row.httpPeakMb} MB | ${row.oursUploadMs} / ${row.httpUploadMs} ms |`,
		),
		'',
		`${large.size} costs +${growthMb.ours} MB over ${small.size} with Temp Mail and +${growthMb.http} MB with HTTP Request. The download streams into n8n's binary store on both paths; n8n's S3 node then reads the whole file into memory to sign and upload it, so the pipeline needs about the attachment's size in memory whichever node fetched it. With big attachments: use the filesystem binary data mode (\`N8N_DEFAULT_BINARY_DATA_MODE=filesystem\`; in queue mode a folder that main and workers share), give the process (each worker in queue mode, where the S3 node runs) memory for the largest attachment plus about 400 MB, and set Max Attachment Size to keep larger files out. \`n8n execute\` cannot start at a polling trigger, so Message → Get stands in for it: both build their items with the same code (\`helpers/messageOutput.ts\`).`,
	].join('\n');
}

function writeReadme(text) {
	const readme = path.join(__dirname, '..', 'README.md');
	const current = fs.readFileSync(readme, 'utf8');
	const pattern = /(<!-- s3-memory:start -->\n)[\s\S]*?(<!-- s3-memory:end -->)/;
	if (!pattern.test(current)) throw new Error('README.md has no s3-memory markers');
	fs.writeFileSync(
		readme,
		current.replace(pattern, (_, start, end) => `${start}${text}\n${end}`),
	);
}

async function main() {
	const { values } = parseArgs({
		options: {
			'size-mb': { type: 'string', default: '200' },
			rounds: { type: 'string', default: '3' },
			out: { type: 'string', default: path.join(__dirname, 'results') },
			readme: { type: 'boolean', default: false },
			render: { type: 'string' },
		},
	});
	if (values.render) {
		const text = s3MemoryText(JSON.parse(fs.readFileSync(values.render, 'utf8')));
		console.log(text);
		if (values.readme) writeReadme(text);
		return;
	}
	const largeMb = Number(values['size-mb']);
	const rounds = Number(values.rounds);
	const plan = [
		{ label: '1 MB', tag: '01', size: MiB, mailbox: MAILBOX_SMALL },
		{ label: `${largeMb} MB`, tag: '02', size: largeMb * MiB, mailbox: MAILBOX_LARGE },
	].map((d) => ({ ...d, messageId: `benchs3msg${d.tag}`, fileName: `attachment-${d.tag}.bin` }));

	const sim = await startSimulatorProcess();
	const s3 = await runtime.startS3Server({
		directory: fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-bench-s3-')),
		buckets: [BUCKET],
	});
	let env;
	try {
		for (const d of plan) {
			await sim.control.createMailbox({ email: d.mailbox });
			await sim.control.deliver(d.mailbox, {
				id: d.messageId,
				subject: `Attachment of ${d.label}`,
				attachments: [
					{ name: d.fileName, contentType: 'application/octet-stream', size: d.size, seed: d.tag },
				],
			});
		}
		const flows = workflows(sim.url, plan);
		env = await prepareN8n({
			credentials: [
				{ ...CREDENTIALS.tempMail, data: { apiKey: sim.key, baseUrl: sim.url } },
				{ ...CREDENTIALS.bearer, data: { token: sim.key } },
				{ ...CREDENTIALS.s3, data: s3.credentialData() },
			],
			workflows: Object.values(flows).flatMap((f) => [f.ours, f.http]),
		});
		const samples = [];
		for (let round = 0; round < rounds; round++) {
			for (const d of plan) {
				const order = round % 2 === 0 ? ['ours', 'http'] : ['http', 'ours'];
				for (const variant of order) {
					env.clearBinaryData();
					const { run, peakRssBytes } = await executeMeasured(env, flows[d.label][variant].id);
					const uploaded = nodeRun(run, 'Upload');
					const key = `${variant === 'ours' ? `ours/${d.messageId}` : `http/${d.messageId}`}/${d.fileName}`;
					const stored = await s3.getObject(BUCKET, key);
					if (!stored || stored.length !== d.size)
						throw new Error(
							`${variant} ${d.label}: s3://${BUCKET}/${key} has ${stored?.length ?? 'no'} bytes, expected ${d.size}`,
						);
					samples.push({
						label: d.label,
						variant,
						round: round + 1,
						peakRssBytes,
						uploadMs: uploaded.executionTimeMs,
					});
					log(
						`round ${round + 1} ${d.label} ${variant}: peak RSS ${(peakRssBytes / MiB).toFixed(0)} MB, S3 upload ${uploaded.executionTimeMs} ms`,
					);
				}
			}
		}
		const figure = (label, variant, field) =>
			median(
				samples.filter((s) => s.label === label && s.variant === variant).map((s) => s[field]),
			);
		const rows = plan.map((d) => ({
			size: d.label,
			oursPeakMb: Math.round(figure(d.label, 'ours', 'peakRssBytes') / MiB),
			httpPeakMb: Math.round(figure(d.label, 'http', 'peakRssBytes') / MiB),
			oursUploadMs: figure(d.label, 'ours', 'uploadMs'),
			httpUploadMs: figure(d.label, 'http', 'uploadMs'),
		}));
		const [small, large] = rows;
		const result = {
			measuredAt: new Date().toISOString(),
			n8nVersion: runtime.N8N_VERSION,
			binaryDataMode: 'filesystem',
			rounds,
			rows,
			growthMb: {
				ours: large.oursPeakMb - small.oursPeakMb,
				http: large.httpPeakMb - small.httpPeakMb,
			},
			samples,
		};
		fs.mkdirSync(values.out, { recursive: true });
		fs.writeFileSync(
			path.join(values.out, 's3-memory.json'),
			`${JSON.stringify(result, null, '\t')}\n`,
		);
		const text = s3MemoryText(result);
		console.log(text);
		if (values.readme) writeReadme(text);
	} finally {
		env?.cleanup();
		await s3.close();
		await sim.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
