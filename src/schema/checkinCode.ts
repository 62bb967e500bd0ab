/**
 * What a badge's QR code holds: `HUIWU:` and the guest's check-in code (8 letters and digits no
 * one misreads). A barcode scanner at the desk types it like a keyboard, a phone's camera
 * reads it; either way `scannedCode` takes it back, in any case, with or without the prefix.
 */
export const QR_PREFIX = 'HUIWU:';

export const qrText = (code: string) => `${QR_PREFIX}${code}`;

const CODE = /^[2-9A-HJKMNP-Z]{8}$/;

/** The check-in code in what a scanner typed or a camera read; null when it holds none. */
export function scannedCode(text: string): string | null {
  const plain = text.trim().toUpperCase();
  const code = plain.startsWith(QR_PREFIX) ? plain.slice(QR_PREFIX.length) : plain;
  return CODE.test(code) ? code : null;
}
