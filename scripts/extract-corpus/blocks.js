'use strict';
/**
 * Building blocks of the generated mails: the layouts real transactional mail uses (nested
 * presentation tables, bulletproof buttons with an Outlook fallback, code boxes, one cell per
 * digit, fallback URLs, legal footers) and the plain-text equivalents.
 */

function escapeHtml(value) {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** An href as a template engine writes it: & as &amp; (or "numeric" to also write = as &#61;). */
function hrefOf(url, style = 'amp') {
	let value = url.replace(/&/g, '&amp;');
	if (style === 'numeric') value = value.replace(/=/g, '&#61;');
	if (style === 'hex') value = value.replace(/=/g, '&#x3D;');
	if (style === 'raw') value = url;
	return value;
}

function fill(template, values) {
	return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

const FONT =
	"font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function paragraph(text, extra = '') {
	return `<p style="${FONT};font-size:16px;line-height:24px;color:#3a464c;margin:0 0 16px;${extra}">${text}</p>`;
}

function button(url, label, { color = '#1f6feb', style = 'amp', vml = false } = {}) {
	const href = hrefOf(url, style);
	const outlook = vml
		? `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="${href}" style="height:44px;v-text-anchor:middle;width:240px;" arcsize="10%" fillcolor="${color}" stroke="f"><center style="color:#ffffff;font-size:16px;">${label}</center></v:roundrect><![endif]--><!--[if !mso]><!-- -->`
		: '';
	const close = vml ? '<!--<![endif]-->' : '';
	return `<table role="presentation" border="0" cellpadding="0" cellspacing="0" style="margin:24px 0;"><tr><td align="center" bgcolor="${color}" style="border-radius:6px;">${outlook}<a href="${href}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 28px;${FONT};font-size:16px;color:#ffffff;text-decoration:none;border-radius:6px;">${label}</a>${close}</td></tr></table>`;
}

function codeBox(display, kind) {
	if (kind === 'cells') {
		const cells = display
			.split('')
			.map(
				(digit) =>
					`<td style="width:44px;height:52px;border:1px solid #d0d7de;border-radius:6px;text-align:center;font-size:28px;font-weight:700;${FONT};">${digit}</td><td style="width:8px;"></td>`,
			)
			.join('');
		return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:16px auto;"><tr>${cells}</tr></table>`;
	}
	if (kind === 'h2')
		return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="padding:16px;background:#f4f5f6;border-radius:8px;text-align:center;"><h2 style="letter-spacing:5px;font-size:24px;margin:0;color:#15212a;">${display}</h2></td></tr></table>`;
	if (kind === 'spans')
		return `<div style="text-align:center;margin:24px 0;">${display
			.split('')
			.map(
				(char) =>
					`<span style="display:inline-block;padding:8px 10px;margin:0 2px;background:#eef2ff;font-size:26px;font-family:monospace;">${char}</span>`,
			)
			.join('')}</div>`;
	return `<div style="margin:24px 0;padding:18px 0;background:#f6f8fa;border:1px dashed #c9d1d9;text-align:center;font-family:'Courier New',monospace;font-size:30px;font-weight:bold;letter-spacing:6px;color:#111;">${display}</div>`;
}

function layout({ lang, title, preheader, logo, body, footer, rtl }) {
	const dir = rtl ? ' dir="rtl"' : '';
	const align = rtl ? 'right' : 'left';
	return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}"${dir}>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>${title}</title>
<style type="text/css">
  body { margin:0; padding:0; -webkit-text-size-adjust:100%; }
  table td { border-collapse:collapse; }
  @media only screen and (max-width:620px) { .container { width:100% !important; } .btn a { display:block !important; } }
</style>
</head>
<body style="margin:0;padding:0;background-color:#f2f4f6;">
<span style="display:none!important;visibility:hidden;opacity:0;color:transparent;height:0;width:0;overflow:hidden;mso-hide:all;">${preheader}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f2f4f6">
  <tr>
    <td align="center" style="padding:32px 12px;">
      <table class="container" role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;border-radius:8px;">
        <tr><td align="${align}" style="padding:24px 32px 0;"><img src="${logo}" width="120" height="32" alt="" style="display:block;border:0;" /></td></tr>
        <tr>
          <td align="${align}" style="padding:24px 32px;${FONT};">
${body}
          </td>
        </tr>
      </table>
      <table class="container" role="presentation" width="600" cellpadding="0" cellspacing="0" border="0">
        <tr><td align="center" style="padding:20px 32px;${FONT};font-size:12px;line-height:18px;color:#8a94a6;">
${footer}
        </td></tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>`;
}

module.exports = { escapeHtml, hrefOf, fill, paragraph, button, codeBox, layout, FONT };
