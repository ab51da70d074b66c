/** The options page's marks-and-cards section: hover delay, entity types shown, mark style and theme. */
import { useEffect, useState } from 'preact/hooks';
import { TYPE_GROUPS } from '../../core/labels';
import type { EntityType } from '../../engine/types';
import { t } from '../../platform/i18n';
import { HOVER_DELAY_MS, clampHoverDelay, type MarkStyle, type Preferences, type Theme } from '../../core/settings';
import { Section } from './ui';

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

export function CardsSection({
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
