// Writes the connector's alert sounds as 16-bit mono WAV files beside this script. They are ours
// (synthesised here, no samples), deterministic, and committed, so a build needs no generation
// step; run `npx tsx resources/sounds/generate.ts` after changing a recipe.
//
// Three sounds that must not be mistaken for one another in a loud kitchen:
// - new-order: a bright rising two-note chime (E6 → B6) with bell-like overtones.
// - urgent: a fast, harsh triple beep at a higher pitch, for an order about to be lost.
// - cancel: a falling, buzzy two-tone "bwoop-bwoop", low and unlike the chime.
// - missed: a slow descending three-note bell (G5 → E5 → C5), once: "an order was lost".
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const RATE = 22_050;

interface Note {
  /** Start, seconds. */
  at: number;
  /** Length, seconds. */
  length: number;
  /** Frequency at the start and the end (a glide when they differ), Hz. */
  from: number;
  to?: number;
  /** Overtones as [multiple of the base, relative level]. */
  partials: [number, number][];
  /** Exponential decay rate (higher = shorter ring). */
  decay: number;
  level: number;
}

function render(totalSeconds: number, notes: Note[]): Float32Array {
  const out = new Float32Array(Math.round(totalSeconds * RATE));
  for (const note of notes) {
    const start = Math.round(note.at * RATE);
    const count = Math.round(note.length * RATE);
    let phase = 0;
    for (let i = 0; i < count && start + i < out.length; i++) {
      const t = i / RATE;
      const progress = i / count;
      const freq = note.from + ((note.to ?? note.from) - note.from) * progress;
      phase += (2 * Math.PI * freq) / RATE;
      // 4 ms attack and 15 ms release so no note starts or ends with a click.
      const attack = Math.min(1, t / 0.004);
      const release = Math.min(1, (count - i) / (0.015 * RATE));
      const envelope = attack * release * Math.exp(-note.decay * t);
      let sample = 0;
      for (const [multiple, level] of note.partials) sample += level * Math.sin(phase * multiple);
      out[start + i]! += note.level * envelope * sample;
    }
  }
  return out;
}

function wav(samples: Float32Array): Buffer {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const scale = peak > 0 ? (0.89 / peak) * 32767 : 0; // normalise to about -1 dBFS
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(s * scale), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const bell: [number, number][] = [
  [1, 1],
  [2, 0.45],
  [3, 0.2],
  [4.2, 0.12],
];
const buzz: [number, number][] = [
  [1, 1],
  [3, 0.33],
  [5, 0.2],
  [7, 0.14],
];

const SOUNDS: Record<string, () => Float32Array> = {
  'new-order': () =>
    render(1.3, [
      { at: 0, length: 0.7, from: 1318.5, partials: bell, decay: 5, level: 1 },
      { at: 0.22, length: 1.05, from: 1975.5, partials: bell, decay: 4, level: 0.9 },
    ]),
  urgent: () =>
    render(
      0.75,
      [0, 0.22, 0.44].map((at) => ({
        at,
        length: 0.16,
        from: 2093,
        partials: buzz,
        decay: 2,
        level: 1,
      })),
    ),
  cancel: () =>
    render(1.2, [
      { at: 0, length: 0.45, from: 523, to: 392, partials: buzz, decay: 1.5, level: 1 },
      { at: 0.55, length: 0.55, from: 440, to: 294, partials: buzz, decay: 1.5, level: 1 },
    ]),
  missed: () =>
    render(
      1.6,
      [784, 659.3, 523.3].map((from, i) => ({
        at: i * 0.38,
        length: 0.6,
        from,
        partials: bell,
        decay: 3,
        level: 1,
      })),
    ),
};

const here = import.meta.dirname;
for (const [name, make] of Object.entries(SOUNDS)) {
  const file = path.join(here, `${name}.wav`);
  writeFileSync(file, wav(make()));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
