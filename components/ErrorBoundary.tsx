import { Component, type ComponentChildren } from 'preact';
import { t } from '@/utils/view/i18n';

interface Props {
  children: ComponentChildren;
  /** Starts over (the popup re-reads the tab and looks up again). */
  onReset(): void;
}

/** The popup never blanks: a rendering exception anywhere below becomes an error state with a way out. */
export class ErrorBoundary extends Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  override componentDidCatch(error: unknown) {
    this.setState({ error: error instanceof Error ? error.message : String(error) });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <section class="notice notice-error" role="alert" data-view="crashed">
        <p>{t('unexpectedError', this.state.error)}</p>
        <button
          type="button"
          class="action"
          onClick={() => {
            this.setState({ error: null });
            this.props.onReset();
          }}
        >
          {t('retry')}
        </button>
      </section>
    );
  }
}
