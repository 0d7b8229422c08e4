import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentChannel, AnalysisReport } from '../../engine/call-analysis-report';
import type { CueSettings } from '../../engine/cue-settings';
import type { CallAudioProblem } from '../../engine/call-audio/call-audio-problem';
import type { WavRepair } from '../../engine/wav-header';
import type { RecordedCallError } from './recorded-call-error';
import type { AnalyseRequest, WorkerReply } from './recorded-call-protocol';

export type RecordedCallState =
  | { phase: 'idle' }
  | { phase: 'analysing'; name: string; fraction: number }
  | {
      phase: 'done';
      name: string;
      report: AnalysisReport;
      audioUrl: string;
      lastModified: number;
      /** The file was cut short and analysed as far as it goes (worded by the page). */
      cutShort?: CallAudioProblem;
      /** A WAV's streamed size or partial last frame, read anyway (worded by the page). */
      repairs?: WavRepair[];
    }
  /** Why: the file's problem (worded by the page), or the error's own words, or none at all. */
  | ({ phase: 'error'; name: string } & RecordedCallError)
  | { phase: 'cancelled'; name: string };

/** Runs the engine on a chosen recorded call in a worker; cancel terminates it. One recording open at a time. */
export function useRecordedCall() {
  const [state, setState] = useState<RecordedCallState>({ phase: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const urlRef = useRef<string | null>(null);

  const stopWorker = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
  };
  const revoke = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  };

  const open = useCallback(
    (file: File, agentChannel: AgentChannel, settings?: Partial<CueSettings>) => {
      stopWorker();
      revoke();
      setState({ phase: 'analysing', name: file.name, fraction: 0 });
      const worker = new Worker(new URL('./recorded-call.worker.ts', import.meta.url), {
        type: 'module',
        name: 'recorded-call-analysis',
      });
      workerRef.current = worker;
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (workerRef.current !== worker) return;
        const reply = event.data;
        if (reply.type === 'progress')
          setState({ phase: 'analysing', name: file.name, fraction: reply.fraction });
        else {
          stopWorker();
          if (reply.type === 'done') {
            const url = URL.createObjectURL(
              reply.playable ? new Blob([reply.playable], { type: 'audio/wav' }) : file,
            );
            urlRef.current = url;
            setState({
              phase: 'done',
              name: file.name,
              report: reply.report,
              audioUrl: url,
              lastModified: file.lastModified,
              ...(reply.cutShort ? { cutShort: reply.cutShort } : {}),
              ...(reply.repairs?.length ? { repairs: reply.repairs } : {}),
            });
          } else
            setState({
              phase: 'error',
              name: file.name,
              problem: reply.problem,
              message: reply.message,
            });
        }
      };
      worker.onerror = (event) => {
        if (workerRef.current !== worker) return;
        stopWorker();
        setState({
          phase: 'error',
          name: file.name,
          problem: null,
          message: event.message || null,
        });
      };
      const request: AnalyseRequest = { type: 'analyse', file, agentChannel, settings };
      worker.postMessage(request);
    },
    [],
  );

  const cancel = useCallback(() => {
    if (!workerRef.current) return;
    stopWorker();
    setState((s) => ({ phase: 'cancelled', name: s.phase === 'idle' ? '' : s.name }));
  }, []);

  const close = useCallback(() => {
    stopWorker();
    revoke();
    setState({ phase: 'idle' });
  }, []);

  useEffect(
    () => () => {
      stopWorker();
      revoke();
    },
    [],
  );

  return { state, open, cancel, close };
}
