// Plays the alert sounds from resources/sounds through one WebAudio context. WebAudio (not
// <audio>) because its `state` says plainly whether the browser lets us make noise: a context
// created before any tap is `suspended` under the autoplay policy, and then staff must be told
// to tap, not left believing the board will ring.
import cancelUrl from '../../../../resources/sounds/cancel.wav';
import missedUrl from '../../../../resources/sounds/missed.wav';
import newOrderUrl from '../../../../resources/sounds/new-order.wav';
import urgentUrl from '../../../../resources/sounds/urgent.wav';

export type SoundName = 'new-order' | 'urgent' | 'cancel' | 'missed';
/** `blocked`: the browser holds sound until someone taps; `unavailable`: no audio at all. */
export type SoundState = 'loading' | 'ready' | 'blocked' | 'unavailable';

const URLS: Record<SoundName, string> = {
  'new-order': newOrderUrl,
  urgent: urgentUrl,
  cancel: cancelUrl,
  missed: missedUrl,
};
/** Urgent is the loudest: an order about to be lost beats every other noise. */
const GAIN: Record<SoundName, number> = { 'new-order': 0.8, urgent: 1, cancel: 0.9, missed: 1 };

export class SoundPlayer {
  private ctx: AudioContext | null = null;
  private buffers = new Map<SoundName, AudioBuffer>();
  private state: SoundState = 'loading';
  private readonly listeners = new Set<() => void>();
  /** How many sounds were started, per name: shown in the health panel's sound check. */
  readonly played: Record<SoundName, number> = { 'new-order': 0, urgent: 0, cancel: 0, missed: 0 };

  async init(): Promise<void> {
    try {
      this.ctx = new AudioContext();
    } catch {
      this.setState('unavailable');
      return;
    }
    this.ctx.onstatechange = () => this.refreshState();
    await Promise.all(
      (Object.keys(URLS) as SoundName[]).map(async (name) => {
        const res = await fetch(URLS[name]);
        const data = await res.arrayBuffer();
        this.buffers.set(name, await this.ctx!.decodeAudioData(data));
      }),
    ).catch((err: unknown) => {
      console.warn('alert sounds could not be loaded', err);
      this.setState('unavailable');
    });
    this.refreshState();
  }

  getState = (): SoundState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Call from a user gesture (tap, key): lifts the autoplay block. */
  unlock(): void {
    if (this.ctx && this.ctx.state === 'suspended')
      void this.ctx.resume().then(() => this.refreshState());
  }

  /** Starts a sound; returns false when the browser would not play it. */
  play(name: SoundName): boolean {
    const ctx = this.ctx;
    const buffer = this.buffers.get(name);
    if (!ctx || !buffer || ctx.state !== 'running') return false;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    const gain = ctx.createGain();
    gain.gain.value = GAIN[name];
    source.connect(gain).connect(ctx.destination);
    source.start();
    this.played[name]++;
    return true;
  }

  private refreshState(): void {
    if (this.state === 'unavailable' || !this.ctx) return;
    if (this.buffers.size < Object.keys(URLS).length) return; // still loading
    this.setState(this.ctx.state === 'running' ? 'ready' : 'blocked');
  }

  private setState(next: SoundState): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
