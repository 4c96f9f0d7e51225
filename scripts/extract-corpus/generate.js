#!/usr/bin/env node
'use strict';
/**
 * Writes the generated extraction corpus: test/fixtures/extract-corpus/{tuning,held-out}.json.
 * Deterministic (seeded), so a re-run rewrites the same files. Every third mail goes to the
 * held-out set, which is scored but never used to tune the rules.
 *
 *   node scripts/extract-corpus/generate.js [count]
 */
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const { PHRASES } = require('./phrases');
const { SYSTEMS } = require('./systems');
const { escapeHtml, hrefOf, fill, paragraph, button, codeBox, layout } = require('./blocks');

let seed = 0x5eed21;
function random() {
	// mulberry32
	seed = (seed + 0x6d2b79f5) | 0;
	let t = seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
function chars(alphabet, n) {
	let out = '';
	for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)];
	return out;
}
const DIG = '0123456789';
const UP = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MIXED = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const num = (n) => chars('123456789', 1) + chars(DIG, n - 1);

/** A code as displayed and as a person types it. */
function makeCode(style) {
	switch (style) {
		case 'digits4': {
			const v = num(4);
			return { display: v, typed: v };
		}
		case 'digits8': {
			const v = num(8);
			return { display: v, typed: v };
		}
		case 'grouped': {
			const a = num(3);
			const b = chars(DIG, 3);
			return { display: `${a}${pick([' ', '-', ' '])}${b}`, typed: a + b };
		}
		case 'cells': {
			const v = num(6);
			return { display: v, typed: v, cells: true };
		}
		case 'letters': {
			const v = chars(UP, pick([6, 6, 8]));
			return { display: v, typed: v };
		}
		case 'mixed': {
			let v;
			do v = chars(MIXED, pick([6, 8]));
			while (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v));
			return { display: v, typed: v };
		}
		case 'alnumHyphen': {
			let a;
			let b;
			do {
				a = chars(ALNUM, 3);
				b = chars(ALNUM, 3);
			} while (!/\d/.test(a + b) || !/[A-Z]/.test(a + b));
			return { display: `${a}-${b}`, typed: `${a}-${b}` };
		}
		case 'alnum8': {
			let v;
			do v = chars(ALNUM, 8);
			while (!/\d/.test(v) || !/[A-Z]/.test(v));
			return { display: v, typed: v };
		}
		default: {
			const v = num(6);
			return { display: v, typed: v };
		}
	}
}

const NAMES = ['Alex', 'Mira', 'Jonas', 'Priya', 'Kenji', 'Leila', 'Tomás', 'Olga', 'Minh', 'Noa'];
const STREETS = ['Linden', 'Oak', 'Harbor', 'Garden', 'Market', 'River', 'Cedar', 'Park'];
const DEVICES = [
	'Firefox on Windows',
	'Safari on iPhone',
	'Chrome on Android',
	'Edge on Windows 11',
];
const BRANDS = [
	'Quillby',
	'Nordpath',
	'Tallyo',
	'Brightnest',
	'Cobaltix',
	'Fernly',
	'Glimmer',
	'Harbory',
	'Inkwell',
	'Juniper',
	'Kestrel',
	'Lumora',
	'Mossway',
	'Nimbly',
	'Orchard',
	'Pebblo',
];
const LOCAL_PATHS = {
	de: { confirm: 'konto/bestätigen', reset: 'passwort/zurücksetzen' },
	ru: { confirm: 'аккаунт/подтверждение', reset: 'пароль/сброс' },
	uk: { confirm: 'акаунт/підтвердження', reset: 'пароль/скидання' },
	zh: { confirm: '账户/验证', reset: '密码/重置' },
	ja: { confirm: 'アカウント/確認', reset: 'パスワード/再設定' },
	ko: { confirm: '계정/인증', reset: '비밀번호/재설정' },
	fr: { confirm: 'compte/vérifier', reset: 'mot-de-passe/réinitialiser' },
	es: { confirm: 'cuenta/confirmación', reset: 'contraseña/restablecer' },
	tr: { confirm: 'hesap/doğrulama', reset: 'şifre/sıfırla' },
	th: { confirm: 'บัญชี/ยืนยัน', reset: 'รหัสผ่าน/รีเซ็ต' },
};
const RTL = new Set(['ar', 'he']);
/** Scripts written without spaces: a link written in text runs straight into the next word. */
const NO_SPACE = new Set(['zh', 'ja', 'th']);
const AFTER_LINK = { zh: '完成操作。', ja: 'から手続きを完了してください。', th: 'เพื่อดำเนินการต่อ' };

function dateIn(lang) {
	const d = 1 + Math.floor(random() * 28);
	const m = 1 + Math.floor(random() * 12);
	const y = pick([2025, 2026]);
	const pad = (v) => String(v).padStart(2, '0');
	if (['zh', 'ja'].includes(lang)) return `${y}年${m}月${d}日 ${pad(9 + (d % 12))}:${pad(d * 2)}`;
	if (lang === 'ko') return `${y}. ${m}. ${d}. ${pad(9 + (d % 12))}:${pad(d * 2)}`;
	if (lang === 'en') return `${pad(m)}/${pad(d)}/${y} at ${pad(9 + (d % 12))}:${pad(d * 2)} UTC`;
	if (['de', 'ru', 'uk', 'pl', 'tr'].includes(lang))
		return `${pad(d)}.${pad(m)}.${y}, ${pad(9 + (d % 12))}:${pad(d * 2)}`;
	return `${pad(d)}/${pad(m)}/${y} ${pad(9 + (d % 12))}:${pad(d * 2)}`;
}

/** Decoy numbers a local mail carries, each under its local label. */
function decoys(lang, L) {
	const pool = [
		() => [
			L.order,
			pick([`${num(3)}-${num(7)}-${num(7)}`, num(8), `#${num(6)}`, `${chars(UP, 2)}${num(8)}`]),
		],
		() => [L.customer, num(pick([6, 7, 8]))],
		() => [
			L.phone,
			pick([
				`+49 30 ${num(3)} ${num(4)}`,
				`+1 (415) ${num(3)}-${num(4)}`,
				`0${num(2)} ${num(4)} ${num(4)}`,
				`+81 3-${num(4)}-${num(4)}`,
			]),
		],
		() => [L.booking, pick([chars(UP, 6), `${chars(ALNUM, 6)}`, num(6)])],
		() => [L.postal, lang === 'hi' ? num(6) : lang === 'ja' ? `${num(3)}-${num(4)}` : num(5)],
		() => [L.tax, pick([num(11), `${num(2)}.${num(3)}.${num(3)}/0001-${num(2)}`, num(10)])],
		() => [
			L.tracking,
			pick([`1Z${chars(ALNUM, 16)}`, num(12), `${chars(UP, 2)}${num(9)}${chars(UP, 2)}`, num(6)]),
		],
	];
	if (L.slip)
		pool.push(() => [
			L.slip,
			`${num(5)}.${num(5)} ${num(5)}.${num(6)} ${num(5)}.${num(6)} ${num(1)} ${num(14)}`,
		]);
	const count = pick([0, 1, 1, 2, 2, 3]);
	const out = [];
	for (let i = 0; i < count; i++) out.push(pick(pool)());
	return out;
}

function tokenHelpers(ctx) {
	return {
		tok: (n) => chars(TOKEN, n),
		hex: (n) => chars('0123456789abcdef', n),
		num: (n) => num(n),
		uuid: () => [8, 4, 4, 4, 12].map((n) => chars('0123456789abcdef', n)).join('-'),
		b64: (n) => chars(TOKEN + '-_', n),
		jwt: () => `eyJhbGciOiJIUzI1NiJ9.${chars(TOKEN, 60)}.${chars(TOKEN + '-_', 43)}`,
		localPath: (kind) =>
			(LOCAL_PATHS[ctx.lang] ?? { confirm: 'account/confirm', reset: 'account/reset' })[kind],
	};
}

function tracked(url, via, c) {
	if (via === 'sendgrid')
		return `https://u${num(7)}.ct.sendgrid.net/ls/click?upn=${chars(TOKEN + '-', 120)}`;
	if (via === 'mailgun') return `https://email.mg.${c.domain}/c/${chars(TOKEN + '_-', 140)}`;
	return url;
}

const KIND_SUBJECT = {
	code: 'subjCode',
	'code+link': 'subjMagic',
	renewed: 'subjCode',
	verify: 'subjVerify',
	reset: 'subjReset',
	magic: 'subjMagic',
	subscribe: 'subjSub',
	approve: 'subjApprove',
	elsewhere: 'subjApprove',
	welcome: 'welcomeSubj',
	pwchanged: 'pwChangedSubj',
	newsignin: 'newSignInSubj',
	shipped: 'shippedSubj',
	noaccount: 'noAccountSubj',
};
const LINK_KIND = {
	verify: ['introVerify', 'btnVerify'],
	reset: ['resetIntro', 'btnReset'],
	magic: ['magicIntro', 'btnMagic'],
	subscribe: ['subIntro', 'btnSub'],
	'code+link': ['magicIntro', 'btnMagic'],
};

function buildMail(system, lang, kind, index) {
	const L = PHRASES[lang];
	const brand = pick(BRANDS);
	const domain = `${brand.toLowerCase()}.${pick(['com', 'io', 'app', 'net', 'dev'])}`;
	const ctx = { lang, domain, project: `${brand.toLowerCase()}-${num(4)}` };
	const c = { ...ctx, ...tokenHelpers(ctx) };
	c.host = fill(system.host, { domain, project: ctx.project });
	c.user = pick(NAMES).toLowerCase().replace('á', 'a') + num(2);
	c.email = `${c.user}@mailbox.example`;
	c.locale = lang;
	const values = {
		app: system.id === 'wordpress' || system.minimal ? brand : `${brand}`,
		name: pick(NAMES),
		minutes: String(pick([10, 15, 30, 60])),
		date: dateIn(lang),
		device: pick(DEVICES),
		last4: num(4),
		order: pick([`#${num(6)}`, num(9), `${num(3)}-${num(7)}`]),
		street: pick(STREETS),
	};
	const t = (key) => fill(L[key] ?? PHRASES.en[key], values);

	let code = null;
	let old = null;
	if (['code', 'code+link', 'renewed'].includes(kind)) {
		code = makeCode(pick(system.codes ?? ['digits6']));
		if (kind === 'renewed') old = makeCode('digits6');
		values.code = code.display;
	}
	const url =
		system.url(kind === 'approve' ? 'approve' : kind, c) ??
		(kind === 'approve' ? `https://${c.host}/login/approve?request=${c.tok(32)}` : undefined);
	const linkUrl = LINK_KIND[kind] || kind === 'approve' ? url : undefined;
	const denyUrl =
		kind === 'approve'
			? (system.url('deny', c) ?? `https://${c.host}/login/deny?request=${c.tok(32)}`)
			: undefined;
	const html = system.format === 'html' || (system.format === 'both' && chance(0.35));
	const trackVia = html && system.track && chance(0.7) ? system.track : null;
	const href = linkUrl && trackVia ? tracked(linkUrl, trackVia, c) : linkUrl;
	const hrefStyle = system.hrefStyle ?? (chance(0.15) ? 'numeric' : 'amp');

	// Subject
	let subject;
	if (kind === 'code' && chance(0.5)) subject = t('subjCodeIn');
	else subject = t(KIND_SUBJECT[kind]);

	const lines = []; // plain text lines
	const blocks = []; // html blocks
	const say = (text) => {
		lines.push(text, '');
		blocks.push(paragraph(escapeHtml(text)));
	};
	say(t('hi'));

	const decoyRows = decoys(lang, L);
	const decoyFirst = chance(0.5);
	const putDecoys = () => {
		if (decoyRows.length === 0) return;
		for (const [label, value] of decoyRows) lines.push(`${label}: ${value}`);
		lines.push('');
		blocks.push(
			`<table role="presentation" cellpadding="4" cellspacing="0" style="font-size:14px;color:#555;margin:0 0 16px;">${decoyRows
				.map(
					([label, value]) =>
						`<tr><td style="color:#888;">${escapeHtml(label)}</td><td><strong>${escapeHtml(value)}</strong></td></tr>`,
				)
				.join('')}</table>`,
		);
	};
	if (decoyFirst) putDecoys();

	const showCode = (value) => {
		if (html) {
			blocks.push(
				codeBox(
					value.display,
					value.cells ? 'cells' : (system.box ?? pick(['div', 'h2', 'spans', 'div'])),
				),
			);
		}
		lines.push(chance(0.5) ? `    ${value.display}` : `${t('codeLabel')}: ${value.display}`, '');
	};
	const showLink = (intro, label) => {
		if (intro) say(intro);
		if (html) {
			blocks.push(button(href, escapeHtml(label), { vml: system.vml, style: hrefStyle }));
			if (!system.minimal || chance(0.5)) {
				blocks.push(paragraph(escapeHtml(t('fallback')), 'font-size:13px;'));
				const shown = linkUrl;
				blocks.push(
					chance(0.5)
						? paragraph(
								`<a href="${hrefOf(href, hrefStyle)}" style="word-break:break-all;color:#1f6feb;">${escapeHtml(shown)}</a>`,
								'font-size:13px;',
							)
						: paragraph(escapeHtml(shown), 'font-size:13px;word-break:break-all;'),
				);
			}
			lines.push(label);
		} else if (NO_SPACE.has(lang) && chance(0.7)) {
			lines.push(`${label}${lang === 'th' ? ': ' : '：'}${linkUrl}${AFTER_LINK[lang]}`, '');
		} else {
			lines.push(system.id === 'wordpress' ? `<${linkUrl}>` : linkUrl, '');
		}
	};

	switch (kind) {
		case 'code':
			if (chance(0.3)) {
				say(t('codeInline'));
			} else {
				say(t('codeIntro'));
				showCode(code);
			}
			say(t('expires'));
			if (system.revoke) {
				const revoke = system.revoke(c);
				lines.push(`Revoke: ${revoke}`, '');
				blocks.push(
					paragraph(
						`<a href="${hrefOf(revoke)}">${escapeHtml(t('btnDeny'))}</a>`,
						'font-size:13px;',
					),
				);
			}
			break;
		case 'renewed':
			if (chance(0.5)) {
				say(fill(t('expiredOld'), { old: old.display }));
				say(t('newCode'));
				showCode(code);
			} else {
				say(t('newCode'));
				showCode(code);
				say(fill(t('expiredOld'), { old: old.display }));
			}
			break;
		case 'code+link':
			say(t('codeIntro'));
			showCode(code);
			showLink(t('magicIntro'), t('btnMagic'));
			break;
		case 'verify':
			showLink(t('verifyIntro'), t('btnVerify'));
			break;
		case 'reset':
			showLink(t('resetIntro'), t('btnReset'));
			break;
		case 'magic':
			showLink(t('magicIntro'), t('btnMagic'));
			break;
		case 'subscribe':
			showLink(t('subIntro'), t('btnSub'));
			break;
		case 'approve': {
			say(t('approveIntro'));
			const approve = [url, t('btnApprove'), '#16a34a'];
			const deny = [denyUrl, t('btnDeny'), '#dc2626'];
			const pair = chance(0.6) ? [deny, approve] : [approve, deny];
			for (const [u, label, color] of pair) {
				if (html) blocks.push(button(u, escapeHtml(label), { color, style: hrefStyle }));
				lines.push(`${label}: ${u}`, '');
			}
			break;
		}
		case 'elsewhere':
			say(chance(0.5) ? t('elsewherePhone') : t('elsewhereApp'));
			say(t('ignore'));
			break;
		case 'welcome': {
			say(t('welcome'));
			const account =
				system.account?.(c) ??
				`https://${c.host}/${pick(['login', 'dashboard', 'account', 'app'])}`;
			if (html) blocks.push(button(account, escapeHtml(t('btnAccount')), { vml: system.vml }));
			else lines.push(account, '');
			const forgot = `https://${c.host}/${pick(['password/forgot', 'forgot-password', 'users/password/new'])}`;
			lines.push(`${t('forgot')} ${forgot}`, '');
			blocks.push(
				paragraph(`<a href="${hrefOf(forgot)}">${escapeHtml(t('forgot'))}</a>`, 'font-size:13px;'),
			);
			break;
		}
		case 'pwchanged': {
			say(t('pwChanged'));
			const reset = `https://${c.host}/${pick(['password/reset', 'forgot-password', 'account/recover'])}?src=pwchanged`;
			lines.push(t('notYouReset'), reset, '');
			blocks.push(
				paragraph(
					`${escapeHtml(t('notYouReset'))} <a href="${hrefOf(reset)}">${escapeHtml(t('btnReset'))}</a>`,
				),
			);
			break;
		}
		case 'newsignin': {
			say(t('newSignIn'));
			const secure = `https://${c.host}/settings/security?session=${c.tok(12)}`;
			if (html) blocks.push(button(secure, escapeHtml(t('btnSecure'))));
			lines.push(`${t('btnSecure')}: ${secure}`, '');
			const reset = `https://${c.host}/password/reset`;
			lines.push(t('notYouReset'), reset, '');
			blocks.push(
				paragraph(
					`${escapeHtml(t('notYouReset'))} <a href="${hrefOf(reset)}">${escapeHtml(t('btnReset'))}</a>`,
				),
			);
			break;
		}
		case 'shipped': {
			say(t('shipped'));
			const trackNo = chance(0.5) ? `1Z${chars(ALNUM, 16)}` : num(12);
			const trackUrl = `https://${c.host}/orders/${values.order.replace('#', '')}/tracking?n=${trackNo}`;
			say(`${t('tracking')}: ${trackNo}`);
			if (html) blocks.push(button(trackUrl, escapeHtml(t('btnTrack'))));
			else lines.push(trackUrl, '');
			break;
		}
		case 'noaccount': {
			say(t('noAccount'));
			const signup = `https://${c.host}/signup?email=${encodeURIComponent(c.email)}`;
			if (html) blocks.push(button(signup, escapeHtml(t('btnSignUp'))));
			else lines.push(`${t('btnSignUp')}: ${signup}`, '');
			say(t('ignore'));
			break;
		}
		default:
			throw new Error(`unknown kind ${kind}`);
	}
	if (!['elsewhere', 'noaccount'].includes(kind) && chance(0.6)) say(t('ignore'));
	if (!decoyFirst) putDecoys();

	// Footer
	const unsubscribe = `https://${c.host}/unsubscribe?u=${c.tok(16)}`;
	const privacy = `https://${c.host}/privacy`;
	lines.push('--', t('footer'), t('address'), `${t('unsubscribe')}: ${unsubscribe}`);
	const footer = [
		escapeHtml(t('footer')),
		`<br />${escapeHtml(t('address'))}`,
		`<br />© ${pick([2024, 2025, 2026])} ${brand}`,
		`<br /><a href="${hrefOf(unsubscribe)}" style="color:#8a94a6;">${escapeHtml(t('unsubscribe'))}</a> · <a href="${privacy}" style="color:#8a94a6;">${escapeHtml(t('privacy'))}</a>`,
	].join('\n');
	for (const [extra, label] of system.extraLinks?.(c) ?? [])
		blocks.push(
			paragraph(`<a href="${extra}">${escapeHtml(L[label] ?? label)}</a>`, 'font-size:12px;'),
		);

	let content;
	if (html && system.minimal) {
		content = `<html><body${RTL.has(lang) ? ' dir="rtl"' : ''}>\n${blocks.join('\n')}\n<p style="font-size:12px;color:#999">${footer}</p>\n</body></html>`;
	} else if (html) {
		content = layout({
			lang,
			title: escapeHtml(subject),
			preheader: escapeHtml(
				kind === 'code' && chance(0.3) ? `${t('codeLabel')}: ${code.display}` : t('ignore'),
			),
			logo: `https://${c.host}/static/email/logo.png`,
			body: blocks.join('\n'),
			footer,
			rtl: RTL.has(lang),
		});
	} else {
		content = lines.join('\n').replace(/\n{3,}/g, '\n\n');
	}

	const expectLink =
		LINK_KIND[kind] || kind === 'approve' ? (html ? (kind === 'approve' ? url : href) : url) : null;
	return {
		name: `${system.id}-${lang}-${kind}-${index}`,
		system: system.name,
		language: lang,
		kind,
		subject,
		from: brand,
		from_email: `no-reply@${domain}`,
		html,
		content,
		expected: { code: code ? code.typed : null, verificationLink: expectLink ?? null },
	};
}

function main() {
	const count = Number(process.argv[2] ?? 270);
	const languages = Object.keys(PHRASES);
	const mails = [];
	const kindTurn = new Map();
	for (let i = 0; i < count; i++) {
		const system = SYSTEMS[i % SYSTEMS.length];
		const lang = languages[(i * 7 + Math.floor(i / languages.length)) % languages.length];
		const turn = kindTurn.get(system.id) ?? Math.floor(random() * system.kinds.length);
		kindTurn.set(system.id, turn + 1);
		let kind = system.kinds[turn % system.kinds.length];
		// Every system now and then sends the two kinds that trip extractors most.
		if (i % 17 === 5) kind = 'elsewhere';
		if (i % 19 === 7) kind = 'approve';
		mails.push(buildMail(system, lang, kind, i));
	}
	const dir = join(__dirname, '../../test/fixtures/extract-corpus');
	mkdirSync(dir, { recursive: true });
	// Every third mail, shifted each round of systems so that each system lands in both sets.
	const held = (i) => (i + Math.floor(i / SYSTEMS.length)) % 3 === 2;
	const tuning = mails.filter((_, i) => !held(i));
	const heldOut = mails.filter((_, i) => held(i));
	writeFileSync(join(dir, 'tuning.json'), JSON.stringify(tuning, null, '\t') + '\n');
	writeFileSync(join(dir, 'held-out.json'), JSON.stringify(heldOut, null, '\t') + '\n');
	const stats = (list) => ({
		mails: list.length,
		systems: new Set(list.map((m) => m.system)).size,
		languages: new Set(list.map((m) => m.language)).size,
		plainText: list.filter((m) => !m.html).length,
		noCodeNoLink: list.filter(
			(m) => m.expected.code === null && m.expected.verificationLink === null,
		).length,
	});
	console.log(
		JSON.stringify({ all: stats(mails), tuning: stats(tuning), heldOut: stats(heldOut) }),
	);
}

main();
