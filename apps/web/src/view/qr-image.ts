import { renderSVG } from 'uqr';

/** The verification's QR payload (base64) drawn as a QR code of its bytes, as an SVG `data:` URL for an `img`. */
export function qrImageUrl(base64: string): string {
  const bytes = Array.from(atob(base64), (character) => character.charCodeAt(0));
  return `data:image/svg+xml,${encodeURIComponent(renderSVG(bytes, { border: 2 }))}`;
}
