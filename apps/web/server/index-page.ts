const attributeEscapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

const escapeAttribute = (text: string) => text.replace(/[&"'<>]/g, (character) => attributeEscapes[character]!);

/** The built page with the API it sets up named in `<meta name="beeper-setup-target">`, which the page shows. */
export function withTargetMeta(html: string, target: string): string {
  return html.replace('</head>', `<meta name="beeper-setup-target" content="${escapeAttribute(target)}">\n</head>`);
}
