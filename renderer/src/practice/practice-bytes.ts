/** Scenario files to and from base64, for the contract's practice methods. */
export { bytesToBase64 } from '../recording/pcm16-base64';

export function base64ToBytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
