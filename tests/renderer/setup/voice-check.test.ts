import { describe, expect, it } from 'vitest';
import {
  CHECK_SPEECH_SEC,
  CHECK_TIMEOUT_SEC,
  voiceCheckVerdict,
} from '../../../renderer/src/setup/voice-check';

describe('the setup’s voice check', () => {
  it('listens until one side has heard enough speech', () => {
    expect(voiceCheckVerdict(1.0, 0, 3)).toBe('listening');
  });
  it('passes when the voice arrives on the agent’s side and the caller’s side stays quiet', () => {
    expect(voiceCheckVerdict(CHECK_SPEECH_SEC, 0.2, 3)).toBe('ok');
  });
  it('says swapped when the voice arrives on the caller’s side', () => {
    expect(voiceCheckVerdict(0.1, CHECK_SPEECH_SEC, 3)).toBe('swapped');
  });
  it('says both when the two sides hear the voice alike (one mic twice, or sidetone)', () => {
    expect(voiceCheckVerdict(CHECK_SPEECH_SEC, 1.2, 3)).toBe('both');
  });
  it('says nothing was heard after the time is up', () => {
    expect(voiceCheckVerdict(0.3, 0, CHECK_TIMEOUT_SEC)).toBe('silent');
  });
});
