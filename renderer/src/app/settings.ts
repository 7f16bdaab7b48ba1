// Per-terminal preferences, kept in localStorage: they belong to this counter, not to the store.
import { Observable } from './observable.js';

export interface SettingsValue {
  /** Shown in the order timeline as who acted (`X-Actor`). */
  cashierName: string;
  largeText: boolean;
  theme: 'dark' | 'light';
}

const KEY = 'connector.settings';
const DEFAULTS: SettingsValue = { cashierName: '', largeText: false, theme: 'dark' };

export class Settings extends Observable<SettingsValue> {
  constructor(private readonly storage: Storage) {
    super(read(storage));
  }

  update(patch: Partial<SettingsValue>): void {
    const next = { ...this.get(), ...patch };
    this.storage.setItem(KEY, JSON.stringify(next));
    this.set(next);
  }
}

function read(storage: Storage): SettingsValue {
  try {
    const raw = storage.getItem(KEY);
    return raw ? { ...DEFAULTS, ...(JSON.parse(raw) as Partial<SettingsValue>) } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}
