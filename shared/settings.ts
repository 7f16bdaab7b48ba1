// Settings a manager may change from the counter (with the PIN), over the configured values.
import { z } from 'zod';

export const EditableSettings = z.object({
  /** `manual`: staff decide each order; `auto`: the connector accepts valid orders itself. */
  acceptanceMode: z.enum(['manual', 'auto']),
  /** What the staff window's end does to an undecided order. */
  onTimeout: z.enum(['reject', 'accept']),
  staffWindowSeconds: z.number().int().min(10).max(55),
  /** The prep time given to Stream when staff do not choose one. */
  prepTimeMinutes: z.number().int().min(1).max(240),
});
export type EditableSettings = z.infer<typeof EditableSettings>;

export const SettingsUpdate = EditableSettings.partial()
  .strict()
  .refine((s) => Object.keys(s).length > 0, 'name at least one setting to change');

export const SettingsView = EditableSettings.extend({
  /** Settings changed at the counter, which win over the configuration file. */
  changedAtCounter: z.array(EditableSettings.keyof()),
});
export type SettingsView = z.infer<typeof SettingsView>;
