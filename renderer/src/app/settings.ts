// Per-terminal preferences, kept in localStorage: they belong to this counter, not to the store.
import { type Language, LANGUAGES } from '../i18n/language.js';
import { Observable } from './observable.js';

export interface SettingsValue {
  /** Shown in the order timeline as who acted (`X-Actor`). */
  cashierName: string;
  largeText: boolean;
  theme: 'dark' | 'light';
  language: Language;
  /** The counter's flow for accepted orders: every step, or straight from accepted to ready
   * (a counter that cooks as soon as it accepts, one tap fewer per order). */
  skipPreparing: boolean;
}

const KEY = 'connector.settings';
const DEFAULTS: Omit<SettingsValue, 'language'> = {
  cashierName: '',
  largeText: false,
  theme: 'dark',
  skipPreparing: false,
};

export class Settings extends Observable<SettingsValue> {
  /** `language`: the one to start in until someone picks (from the browser's preferences). */
  constructor(
    private readonly storage: Storage,
    language: Language = 'en',
  ) {
    super(read(storage, { ...DEFAULTS, language }));
  }

  update(patch: Partial<SettingsValue>): void {
    const next = { ...this.get(), ...patch };
    this.storage.setItem(KEY, JSON.stringify(next));
    this.set(next);
  }
}

function read(storage: Storage, defaults: SettingsValue): SettingsValue {
  try {
    const raw = storage.getItem(KEY);
    const stored = raw ? { ...defaults, ...(JSON.parse(raw) as Partial<SettingsValue>) } : defaults;
    // A value this version does not know (an older or newer build wrote it) falls back.
    return stored.language in LANGUAGES ? stored : { ...stored, language: defaults.language };
  } catch {
    return defaults;
  }
}
