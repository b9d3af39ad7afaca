/**
 * Onboarding's picture of where Greenway shows what it found: a drawn browser window (not a
 * screenshot of anyone's page) with the three signals numbered — the toolbar button with "OA", the
 * free-copy card at the bottom of an article page, the marks next to references — and, under it, the
 * same three in words plus the shortcut and the right-click item, so nothing depends on seeing it.
 * Drawn with the page's colour variables, so it follows light and dark.
 */
import { t } from '@/utils/view/i18n';

/** A numbered callout: a circle with its number, matching the list item of the same number. */
function Callout({ x, y, n }: { x: number; y: number; n: number }) {
  return (
    <g class="callout">
      <circle cx={x} cy={y} r="9" />
      <text x={x} y={y + 4} text-anchor="middle">
        {n}
      </text>
    </g>
  );
}

function Window() {
  return (
    <svg class="signals-svg" viewBox="0 0 320 200" role="img" aria-labelledby="signals-svg-title">
      <title id="signals-svg-title">{t('onboardingSignalsAlt')}</title>
      <rect class="frame" x="1" y="1" width="318" height="198" rx="8" />
      {/* Toolbar: address bar, then the Greenway button with its "OA" badge text. */}
      <rect class="bar" x="1" y="1" width="318" height="30" rx="8" />
      <rect class="address" x="12" y="8" width="220" height="16" rx="8" />
      <rect class="button" x="262" y="6" width="20" height="20" rx="4" />
      <rect class="oa" x="272" y="16" width="18" height="11" rx="3" />
      <text class="oa-text" x="281" y="24.5" text-anchor="middle">
        OA
      </text>
      <Callout x={304} y={16} n={1} />
      {/* The article page: a title and reference lines, some marked. */}
      <rect class="line strong" x="16" y="44" width="180" height="9" rx="2" />
      {[68, 84, 100, 116].map((y, i) => (
        <g key={y}>
          <rect class="line" x="16" y={y} width={150 - i * 12} height="6" rx="2" />
          {i % 2 === 0 && <rect class="mark" x={172 - i * 12} y={y - 2} width="24" height="10" rx="3" />}
        </g>
      ))}
      <Callout x={222} y={71} n={3} />
      {/* The card at the bottom of the page. */}
      <rect class="card" x="150" y="160" width="150" height="26" rx="6" />
      <rect class="mark" x="160" y="169" width="10" height="8" rx="2" />
      <rect class="line" x="176" y="170" width="90" height="6" rx="2" />
      <text class="card-x" x="286" y="177" text-anchor="middle">
        ×
      </text>
      <Callout x={136} y={173} n={2} />
    </svg>
  );
}

export function SignalsPicture() {
  return (
    <section aria-labelledby="signals-title">
      <h2 id="signals-title">{t('onboardingSignalsTitle')}</h2>
      <figure class="signals">
        <Window />
        <figcaption>
          <ol class="signals-list">
            <li>{t('onboardingSignalToolbar')}</li>
            <li>{t('onboardingSignalCard')}</li>
            <li>{t('onboardingSignalBadges')}</li>
          </ol>
        </figcaption>
      </figure>
      <p>{t('onboardingSignalKeys')}</p>
    </section>
  );
}
