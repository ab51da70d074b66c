/** The options page's file sections: fact packs (import, list, remove) and the settings file (export, import). */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { MAX_PACK_BYTES, MAX_PACK_RECORDS, validatePack } from '../../store/packs';
import { SETTINGS_FILE_NAME, exportSettings, parseSettingsImport } from '../../core/settings-file';
import type { OptionsDeps, OptionsState } from './deps';
import { NoticeView, Section, takeFile, type Notice } from './ui';

type Checked<T> = { ok: true; value: T } | { ok: false; notice: Notice };

/**
 * What both file imports do: read the chosen file, check it (a refusal becomes the notice and changes nothing),
 * store it (a storage failure, e.g. the quota, becomes a notice too), and report what was stored.
 */
async function importFile<T>(
  input: HTMLInputElement,
  setNotice: (notice: Notice) => void,
  check: (text: string, name: string) => Checked<T>,
  store: (value: T, name: string) => Promise<Notice>,
): Promise<void> {
  const file = await takeFile(input);
  if (!file) return;
  const checked = check(file.text, file.name);
  if (!checked.ok) return setNotice(checked.notice);
  try {
    setNotice(await store(checked.value, file.name));
  } catch (err) {
    setNotice({ kind: 'error', text: t('options_store_failed', [file.name, String(err)]) });
  }
}

export function PacksSection({
  deps,
  state,
  onPacks,
}: {
  deps: OptionsDeps;
  state: OptionsState;
  onPacks: (packs: OptionsState['packs']) => Promise<void>;
}) {
  const [notice, setNotice] = useState<Notice>(null);
  const packs = state.packs.packs;

  const importPack = (input: HTMLInputElement) =>
    importFile(
      input,
      setNotice,
      (text, name) => {
        const result = validatePack(text, deps.builtIn, packs);
        if (result.ok) return { ok: true, value: result.pack };
        const n = result.errors.length;
        const message = n === 1 ? t('options_pack_rejected_one', name) : t('options_pack_rejected_other', [name, n]);
        return { ok: false, notice: { kind: 'error', text: message, details: result.errors } };
      },
      async ({ name, records }) => {
        await onPacks({ packs: [...packs, { id: deps.newId(), name, importedAt: deps.now(), records }] });
        const n = records.length;
        const text = n === 1 ? t('options_pack_imported_one', [name, n]) : t('options_pack_imported_other', [name, n]);
        return { kind: 'ok', text };
      },
    );

  return (
    <Section id="packs" title={t('options_packs_title')}>
      <p class="fc-hint">{t('options_packs_hint', [MAX_PACK_RECORDS, MAX_PACK_BYTES / 1_000_000])}</p>
      <div class="fc-field">
        <label for="fc-pack-file">{t('options_pack_import_label')}</label>
        <input
          id="fc-pack-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importPack(e.currentTarget)}
        />
      </div>
      <NoticeView notice={notice} />
      {packs.length === 0 ? (
        <p class="fc-muted">{t('options_packs_empty')}</p>
      ) : (
        <ul class="fc-list" aria-label={t('options_packs_list')}>
          {packs.map((p) => (
            <li key={p.id} class="fc-list-item" data-pack={p.id}>
              <span class="fc-list-name">
                {p.name}{' '}
                <span class="fc-muted">
                  {p.records.length === 1
                    ? t('options_pack_meta_one', [p.records.length, p.importedAt.slice(0, 10)])
                    : t('options_pack_meta_other', [p.records.length, p.importedAt.slice(0, 10)])}
                </span>
              </span>
              <button
                type="button"
                class="fc-button"
                aria-label={t('options_pack_remove_label', p.name)}
                onClick={async () => {
                  await onPacks({ packs: packs.filter((q) => q.id !== p.id) });
                  setNotice({ kind: 'ok', text: t('options_pack_removed', p.name) });
                }}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function TransferSection({
  deps,
  state,
  onImported,
}: {
  deps: OptionsDeps;
  state: OptionsState;
  onImported: (value: Pick<OptionsState, 'siteSettings' | 'preferences'>) => void;
}) {
  const [notice, setNotice] = useState<Notice>(null);

  const importSettings = (input: HTMLInputElement) =>
    importFile(
      input,
      setNotice,
      (text, name) => {
        const result = parseSettingsImport(text);
        if (result.ok) return { ok: true, value: result.value };
        return { ok: false, notice: { kind: 'error', text: t('options_settings_rejected', [name, result.error]) } };
      },
      async (value) => {
        await deps.replaceSettings(value);
        onImported(value);
        const n = value.siteSettings.disabled.length;
        const text = n === 1 ? t('options_settings_imported_one', n) : t('options_settings_imported_other', n);
        return { kind: 'ok', text };
      },
    );

  return (
    <Section id="transfer" title={t('options_transfer_title')}>
      <p class="fc-hint">{t('options_transfer_hint')}</p>
      <div class="fc-row">
        <button
          type="button"
          class="fc-button"
          onClick={() =>
            deps.download(
              SETTINGS_FILE_NAME,
              exportSettings({ siteSettings: state.siteSettings, preferences: state.preferences }),
            )
          }
        >
          {t('options_export_json')}
        </button>
      </div>
      <div class="fc-field">
        <label for="fc-settings-file">{t('options_settings_import_label')}</label>
        <input
          id="fc-settings-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importSettings(e.currentTarget)}
        />
      </div>
      <NoticeView notice={notice} />
    </Section>
  );
}
