/**
 * The options page: per-site list, global pause, card and mark preferences, fact packs, settings file.
 * Every change is stored at once, so open tabs react through the items' `watch`. Everything that touches the
 * browser comes in through `OptionsDeps`, so the page runs in happy-dom tests with fakes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { withSite, type Preferences } from '../../core/settings';
import { CardsSection } from './CardsSection';
import type { OptionsDeps, OptionsState } from './deps';
import { PacksSection, TransferSection } from './FileSections';
import { PauseSwitch, SitesSection } from './SitesSection';
import { Section } from './ui';

export function App({ deps }: { deps: OptionsDeps }) {
  const [state, setState] = useState<OptionsState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Handlers read the latest state from the ref, so two quick changes never build on a stale copy.
  const latest = useRef<OptionsState | null>(null);
  const commit = (next: OptionsState) => {
    latest.current = next;
    setState(next);
  };

  useEffect(() => {
    let stop = () => {};
    deps.load().then(
      (loaded) => {
        commit(loaded);
        stop = deps.subscribe((patch) => latest.current && commit({ ...latest.current, ...patch }));
      },
      (err: unknown) => setLoadError(String(err)),
    );
    return () => stop();
  }, []);

  const theme = state?.preferences.theme;
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);

  if (loadError) {
    return (
      <Shell>
        <p role="alert" class="fc-error">
          {t('options_load_error', loadError)}
        </p>
      </Shell>
    );
  }
  if (!state) {
    return (
      <Shell>
        <p role="status" class="fc-muted">
          {t('options_loading')}
        </p>
      </Shell>
    );
  }

  // A patch may be a function of the latest preferences, so two quick clicks on the type boxes both count.
  const setPreferences = async (patch: Partial<Preferences> | ((p: Preferences) => Partial<Preferences>)) => {
    const prev = latest.current!.preferences;
    const next = { ...prev, ...(typeof patch === 'function' ? patch(prev) : patch) };
    commit({ ...latest.current!, preferences: next });
    await deps.savePreferences(next);
  };

  return (
    <Shell>
      <Section id="general" title={t('options_general_title')}>
        <PauseSwitch paused={state.preferences.paused} onChange={(paused) => setPreferences({ paused })} />
        <p class="fc-hint">{t('options_pause_hint')}</p>
      </Section>
      <SitesSection
        disabled={state.siteSettings.disabled}
        onChange={async (host, enabled) => {
          const next = withSite(latest.current!.siteSettings, host, enabled);
          commit({ ...latest.current!, siteSettings: next });
          await deps.saveSiteSettings(next);
        }}
      />
      <CardsSection preferences={state.preferences} onChange={setPreferences} />
      <PacksSection
        deps={deps}
        state={state}
        onPacks={async (packs) => {
          await deps.savePacks(packs);
          commit({ ...latest.current!, packs });
        }}
      />
      <TransferSection deps={deps} state={state} onImported={(value) => commit({ ...latest.current!, ...value })} />
    </Shell>
  );
}

function Shell({ children }: { children: ComponentChildren }) {
  return (
    <main class="fc-options">
      <h1 class="fc-options-title">{t('options_title')}</h1>
      {children}
    </main>
  );
}
