/**
 * The options page: per-site list, global pause, card and mark preferences, fact packs, settings file.
 * Every change is stored at once, so open tabs react through the items' `watch`. Everything that touches the
 * browser comes in through `OptionsDeps`, so the page runs in happy-dom tests with fakes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TYPE_GROUPS } from '../../core/labels';
import type { EntityType } from '../../engine/types';
import { t } from '../../platform/i18n';
import {
  HOVER_DELAY_MS,
  clampHoverDelay,
  hostFromInput,
  withSite,
  type MarkStyle,
  type Preferences,
  type Theme,
} from '../../core/settings';
import type { OptionsDeps, OptionsState } from './deps';
import { PacksSection, TransferSection } from './FileSections';
import { NoticeView, Section, type Notice } from './ui';

const MARK_STYLE_LABEL: Record<MarkStyle, string> = {
  dotted: t('options_mark_dotted'),
  solid: t('options_mark_solid'),
  background: t('options_mark_background'),
  none: t('options_mark_none'),
};

const THEME_LABEL: Record<Theme, string> = {
  auto: t('options_theme_auto'),
  light: t('options_theme_light'),
  dark: t('options_theme_dark'),
};

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

function PauseSwitch({ paused, onChange }: { paused: boolean; onChange: (paused: boolean) => void }) {
  return (
    <button type="button" role="switch" class="fc-switch" aria-checked={paused} onClick={() => onChange(!paused)}>
      <span class="fc-switch-track" aria-hidden="true">
        <span class="fc-switch-thumb" />
      </span>
      <span class="fc-switch-label">{t('options_pause_switch')}</span>
    </button>
  );
}

function SitesSection({
  disabled,
  onChange,
}: {
  disabled: string[];
  onChange: (host: string, enabled: boolean) => Promise<void>;
}) {
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const field = useRef<HTMLInputElement>(null);

  async function add(e: Event) {
    e.preventDefault();
    // Read the field itself: a submit can arrive before the last keystroke's re-render.
    const typed = field.current?.value ?? input;
    const host = hostFromInput(typed);
    if (host === null) {
      setNotice({ kind: 'error', text: t('options_site_invalid', typed.trim()) });
      return;
    }
    if (disabled.includes(host)) {
      setNotice({ kind: 'error', text: t('options_site_duplicate', host) });
      return;
    }
    setInput('');
    setNotice(null);
    await onChange(host, false);
    setNotice({ kind: 'ok', text: t('options_site_added', host) });
  }

  return (
    <Section id="sites" title={t('options_sites_title')}>
      <form class="fc-row" onSubmit={add} noValidate>
        <label for="fc-add-site">{t('options_site_add_label')}</label>
        <input
          id="fc-add-site"
          ref={field}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={input}
          aria-describedby="fc-add-site-notice"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" class="fc-button">
          {t('options_site_add')}
        </button>
      </form>
      <div id="fc-add-site-notice">
        <NoticeView notice={notice} />
      </div>
      {disabled.length === 0 ? (
        <p class="fc-muted">{t('options_sites_empty')}</p>
      ) : (
        <ul class="fc-list" aria-label={t('options_sites_title')}>
          {disabled.map((host) => (
            <li key={host} class="fc-list-item">
              <span class="fc-list-name">{host}</span>
              <button
                type="button"
                class="fc-button"
                aria-label={t('options_site_remove_label', host)}
                onClick={async () => {
                  await onChange(host, true);
                  setNotice({ kind: 'ok', text: t('options_site_removed', host) });
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

function CardsSection({
  preferences,
  onChange,
}: {
  preferences: Preferences;
  onChange: (patch: Partial<Preferences> | ((p: Preferences) => Partial<Preferences>)) => Promise<void>;
}) {
  // The slider shows every step while it moves but stores once, when it is let go (`change`).
  const [delay, setDelay] = useState(String(preferences.hoverDelayMs));
  useEffect(() => setDelay(String(preferences.hoverDelayMs)), [preferences.hoverDelayMs]);
  const storeDelay = (raw: string) => {
    const ms = clampHoverDelay(Number(raw));
    setDelay(String(ms));
    if (ms !== preferences.hoverDelayMs) void onChange({ hoverDelayMs: ms });
  };
  const { min, max } = HOVER_DELAY_MS;

  return (
    <Section id="cards" title={t('options_cards_title')}>
      <div class="fc-field">
        <label for="fc-delay-range">{t('options_delay_label')}</label>
        <div class="fc-row">
          <input
            id="fc-delay-range"
            type="range"
            min={min}
            max={max}
            step={50}
            value={delay}
            aria-valuetext={t('options_delay_valuetext', delay)}
            onInput={(e) => setDelay(e.currentTarget.value)}
            onChange={(e) => storeDelay(e.currentTarget.value)}
          />
          <label class="fc-visually-hidden" for="fc-delay-number">
            {t('options_delay_number_label')}
          </label>
          <input
            id="fc-delay-number"
            class="fc-number"
            type="number"
            min={min}
            max={max}
            step={10}
            value={delay}
            onInput={(e) => setDelay(e.currentTarget.value)}
            onChange={(e) => storeDelay(e.currentTarget.value)}
          />
          <span aria-hidden="true">{t('options_ms')}</span>
        </div>
        <p class="fc-hint">{t('options_delay_hint', [min, max, HOVER_DELAY_MS.default])}</p>
      </div>

      <fieldset class="fc-fieldset">
        <legend>{t('options_types_legend')}</legend>
        {TYPE_GROUPS.map(({ type, label }) => (
          <label key={type} class="fc-choice">
            <input
              type="checkbox"
              name="types"
              value={type}
              checked={preferences.types[type]}
              onChange={(e) => {
                const shown = e.currentTarget.checked;
                void onChange((p) => ({ types: { ...p.types, [type as EntityType]: shown } }));
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>

      <Radios
        legend={t('options_mark_style')}
        name="markStyle"
        labels={MARK_STYLE_LABEL}
        value={preferences.markStyle}
        onChange={(markStyle) => onChange({ markStyle })}
      />
      <Radios
        legend={t('options_theme')}
        name="theme"
        labels={THEME_LABEL}
        value={preferences.theme}
        onChange={(theme) => onChange({ theme })}
      />
    </Section>
  );
}

function Radios<T extends string>({
  legend,
  name,
  labels,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="fc-fieldset">
      <legend>{legend}</legend>
      {(Object.keys(labels) as T[]).map((option) => (
        <label key={option} class="fc-choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
