/** The options page's file sections: fact packs (import, list, remove) and the settings file (export, import). */
import { useState } from 'preact/hooks';
import { MAX_PACK_BYTES, MAX_PACK_RECORDS, validatePack } from '../../lib/packs';
import { SETTINGS_FILE_NAME, exportSettings, parseSettingsImport } from '../../lib/settings-transfer';
import type { OptionsDeps, OptionsState } from './deps';
import { NoticeView, Section, takeFile, type Notice } from './ui';

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

  async function importPack(input: HTMLInputElement) {
    const file = await takeFile(input);
    if (!file) return;
    const result = validatePack(file.text, deps.builtIn, packs);
    if (!result.ok) {
      const n = result.errors.length;
      setNotice({
        kind: 'error',
        text: `${file.name} was not imported: ${n === 1 ? 'one problem' : `${n} problems`}.`,
        details: result.errors,
      });
      return;
    }
    const pack = { id: deps.newId(), name: result.pack.name, importedAt: deps.now(), records: result.pack.records };
    try {
      await onPacks({ packs: [...packs, pack] });
    } catch (err) {
      setNotice({ kind: 'error', text: `${file.name} could not be stored: ${String(err)}` });
      return;
    }
    const n = pack.records.length;
    setNotice({ kind: 'ok', text: `Imported "${pack.name}": ${n} ${n === 1 ? 'record' : 'records'}.` });
  }

  return (
    <Section id="packs" title="Fact packs">
      <p class="fc-hint">
        A pack adds your own fact records (JSON, format "fact-cards-pack"). It may not reuse a built-in id, title or
        name; at most {MAX_PACK_RECORDS} records and {MAX_PACK_BYTES / 1_000_000} MB per pack.
      </p>
      <div class="fc-field">
        <label for="fc-pack-file">Import a fact pack (.json)</label>
        <input
          id="fc-pack-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importPack(e.currentTarget)}
        />
      </div>
      <NoticeView notice={notice} />
      {packs.length === 0 ? (
        <p class="fc-muted">No packs imported.</p>
      ) : (
        <ul class="fc-list" aria-label="Imported fact packs">
          {packs.map((p) => (
            <li key={p.id} class="fc-list-item" data-pack={p.id}>
              <span class="fc-list-name">
                {p.name}{' '}
                <span class="fc-muted">
                  ({p.records.length} {p.records.length === 1 ? 'record' : 'records'}, imported{' '}
                  {p.importedAt.slice(0, 10)})
                </span>
              </span>
              <button
                type="button"
                class="fc-button"
                aria-label={`Remove pack ${p.name}`}
                onClick={async () => {
                  await onPacks({ packs: packs.filter((q) => q.id !== p.id) });
                  setNotice({ kind: 'ok', text: `Removed "${p.name}".` });
                }}
              >
                Remove
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

  async function importSettings(input: HTMLInputElement) {
    const file = await takeFile(input);
    if (!file) return;
    const result = parseSettingsImport(file.text);
    if (!result.ok) {
      setNotice({ kind: 'error', text: `${file.name} was not imported: ${result.error} Nothing was changed.` });
      return;
    }
    try {
      await deps.replaceSettings(result.value);
    } catch (err) {
      setNotice({ kind: 'error', text: `${file.name} could not be stored: ${String(err)}` });
      return;
    }
    onImported(result.value);
    const n = result.value.siteSettings.disabled.length;
    setNotice({ kind: 'ok', text: `Settings imported (${n} ${n === 1 ? 'site' : 'sites'} off).` });
  }

  return (
    <Section id="transfer" title="Settings file">
      <p class="fc-hint">The per-site list and the preferences above, as JSON. Fact packs are not included.</p>
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
          Export JSON
        </button>
      </div>
      <div class="fc-field">
        <label for="fc-settings-file">Import settings (.json)</label>
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
