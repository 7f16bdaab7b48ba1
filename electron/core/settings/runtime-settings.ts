// Settings changed at the counter by a manager: kept in the database (they outlive a restart and
// win over the configuration file) and written onto the live config, which every service reads
// per request, so the next order already sees them. Each change is audited with old → new.
import type { EditableSettings, SettingsView } from '../../../shared/settings.js';
import type { CoreContext } from '../context.js';
import type { AuditLog } from '../manager/audit-log.js';

const KV_KEY = 'settings.counter';

type Key = keyof EditableSettings;

/** Where each editable setting lives in the config. */
const PATHS: Record<Key, [section: 'acceptance' | 'location', key: string]> = {
  acceptanceMode: ['acceptance', 'mode'],
  onTimeout: ['acceptance', 'onTimeout'],
  staffWindowSeconds: ['acceptance', 'staffWindowSeconds'],
  prepTimeMinutes: ['location', 'prepTimeMinutes'],
};

export class RuntimeSettings {
  private changed: Partial<EditableSettings> = {};

  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditLog,
  ) {
    const row = ctx.db.prepare(`SELECT value FROM kv WHERE key = ?`).get(KV_KEY) as
      { value: string } | undefined;
    if (row) this.changed = JSON.parse(row.value) as Partial<EditableSettings>;
    this.applyAll();
  }

  view(): SettingsView {
    const read = <K extends Key>(key: K): EditableSettings[K] => {
      const [section, name] = PATHS[key];
      return (this.ctx.config[section] as Record<string, unknown>)[name] as EditableSettings[K];
    };
    return {
      acceptanceMode: read('acceptanceMode'),
      onTimeout: read('onTimeout'),
      staffWindowSeconds: read('staffWindowSeconds'),
      prepTimeMinutes: read('prepTimeMinutes'),
      changedAtCounter: Object.keys(this.changed) as Key[],
    };
  }

  update(patch: Partial<EditableSettings>, actor: string): SettingsView {
    const before = this.view();
    const now = this.ctx.clock.now();
    const changes = (Object.keys(patch) as Key[]).filter(
      (k) => patch[k] !== undefined && patch[k] !== before[k],
    );
    this.ctx.db.transaction(() => {
      this.changed = { ...this.changed, ...patch };
      this.ctx.db
        .prepare(
          `INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(KV_KEY, JSON.stringify(this.changed));
      for (const key of changes)
        this.audit.record({
          at: now,
          actor,
          action: 'settings.changed',
          target: key,
          detail: `${String(before[key])} → ${String(patch[key])}`,
          managerPin: true,
        });
    })();
    this.applyAll();
    const view = this.view();
    if (changes.length) this.ctx.bus.publish('settings.updated', view);
    return view;
  }

  private applyAll(): void {
    for (const [key, value] of Object.entries(this.changed) as [Key, unknown][]) {
      const [section, name] = PATHS[key];
      (this.ctx.config[section] as Record<string, unknown>)[name] = value;
    }
  }
}
