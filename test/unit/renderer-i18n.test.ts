// English and Spanish: every translation set in the renderer has the same texts in both
// languages, none empty, none left in English by mistake; the language a terminal starts in
// and keeps.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../renderer/src/app/settings.js';
import { languageFor } from '../../renderer/src/i18n/language.js';
import { declaredTranslations } from '../../renderer/src/i18n/texts.js';

const RENDERER = join(import.meta.dirname, '../../renderer/src');

/** Renderer modules that declare words (they hold data only, so Node can load them). */
function modulesWithTexts(dir = RENDERER): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modulesWithTexts(path);
    if (!/\.tsx?$/.test(name) || name.endsWith('.d.ts')) return [];
    return /\btranslations\(/.test(readFileSync(path, 'utf8')) && !path.includes('/i18n/')
      ? [path]
      : [];
  });
}

/**
 * Texts that are rightly the same in both languages: names, units and words Spanish takes as
 * they are. Anything else identical in both is an untranslated string.
 */
const SAME_IN_BOTH = new Set(['Total', 'Subtotal', 'Stream', 'POS', 'PIN', 'Email', 'Online']);

interface Leaf {
  path: string;
  en: unknown;
  es: unknown;
}

function leaves(en: unknown, es: unknown, path: string, out: Leaf[]): Leaf[] {
  if (typeof en === 'object' && en !== null) {
    expect(typeof es, `${path}: a group in English, not in Spanish`).toBe('object');
    const esObj = es as Record<string, unknown>;
    expect(Object.keys(esObj).sort(), `${path}: keys`).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) leaves(v, esObj[k], `${path}.${k}`, out);
  } else out.push({ path, en, es });
  return out;
}

describe('translations', () => {
  it('gives every text in English and Spanish, with the same keys, none empty or untranslated', async () => {
    const files = modulesWithTexts();
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) await import(file);
    const sets = declaredTranslations();
    expect(sets.length).toBeGreaterThanOrEqual(files.length);
    const untranslated: string[] = [];
    let count = 0;
    for (const [i, set] of sets.entries()) {
      for (const leaf of leaves(set.en, set.es, `set ${i}`, [])) {
        count++;
        expect(typeof leaf.es, `${leaf.path}: kind`).toBe(typeof leaf.en);
        if (typeof leaf.en === 'function') {
          const [en, es] = [leaf.en, leaf.es] as [(...a: unknown[]) => string, typeof leaf.en];
          expect(es.length, `${leaf.path}: parameters`).toBe(en.length);
          continue;
        }
        expect(String(leaf.es).trim(), `${leaf.path}: empty in Spanish`).not.toBe('');
        expect(String(leaf.en).trim(), `${leaf.path}: empty in English`).not.toBe('');
        if (
          leaf.en === leaf.es &&
          /[a-z]{3}/.test(String(leaf.en)) &&
          !SAME_IN_BOTH.has(String(leaf.en))
        )
          untranslated.push(`${leaf.path}: ${String(leaf.en)}`);
      }
    }
    expect(untranslated, 'Spanish identical to English').toEqual([]);
    expect(count).toBeGreaterThan(20);
    console.log(
      `translations: ${count} texts in ${sets.length} sets from ${files.map((f) => relative(RENDERER, f)).join(', ')}`,
    );
  });

  it('names the timeline entries in Spanish, and shows a kind it does not know as it is', async () => {
    const { timelineKind } = await import('../../renderer/src/features/orders/texts.js');
    expect(timelineKind('pos.sent', 'en')).toBe('pos sent');
    expect(timelineKind('pos.sent', 'es')).toBe('POS: registrado');
    expect(timelineKind('received', 'es')).toBe('recibido');
    expect(timelineKind('brand_new.kind', 'es')).toBe('brand new kind');
  });

  it('says a refused manager PIN in Spanish, with the count the core gave', async () => {
    const { PIN_TEXTS } = await import('../../renderer/src/ui/texts.js');
    const wrong = 'wrong manager PIN (2 tries left before it locks)';
    expect(PIN_TEXTS.en.refusedBecause('manager_pin_wrong', wrong)).toBe(wrong);
    expect(PIN_TEXTS.es.refusedBecause('manager_pin_wrong', wrong)).toBe(
      'PIN incorrecto (quedan 2 intentos antes de bloquearse)',
    );
    expect(
      PIN_TEXTS.es.refusedBecause(
        'manager_pin_locked',
        'too many wrong PINs: locked for 30 more second(s)',
      ),
    ).toBe('Demasiados PIN incorrectos: bloqueado 30 s más');
    expect(PIN_TEXTS.es.refusedBecause('other', 'x')).toBe('PIN rechazado: x');
  });

  it("says the printer's trouble in Spanish, and words it does not know as they came", async () => {
    const { PRINTER_TEXTS } = await import('../../renderer/src/features/alerts/texts.js');
    expect(PRINTER_TEXTS.es.problem('paper out')).toBe('sin papel');
    expect(PRINTER_TEXTS.es.problem('unreachable: connect ECONNREFUSED')).toBe(
      'no responde (connect ECONNREFUSED)',
    );
    expect(PRINTER_TEXTS.es.problem('something new')).toBe('something new');
    expect(PRINTER_TEXTS.en.problem('paper out')).toBe('paper out');
  });

  it('starts a terminal in Spanish when the browser prefers it, and keeps what staff pick', () => {
    expect(languageFor(['es-MX', 'en-US'])).toBe('es');
    expect(languageFor(['es'])).toBe('es');
    expect(languageFor(['en-US', 'es'])).toBe('en');
    expect(languageFor(['estonian-ish'])).toBe('en');
    expect(languageFor(undefined)).toBe('en');

    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as Storage;
    expect(new Settings(storage, 'es').get().language).toBe('es');
    new Settings(storage, 'es').update({ language: 'en' });
    expect(new Settings(storage, 'es').get().language).toBe('en');
    store.set('connector.settings', JSON.stringify({ language: 'fr', largeText: true }));
    expect(new Settings(storage, 'es').get()).toMatchObject({ language: 'es', largeText: true });
  });
});
