/** Where the host serves a session's kept audio (same origin in both hosts: http://127.0.0.1 or app://calm-line). */
export function recordingUrlOf(session: {
  readonly id: string;
  readonly recording: string | null;
}): string | null {
  return session.recording === null ? null : `/recording/${encodeURIComponent(session.id)}`;
}
