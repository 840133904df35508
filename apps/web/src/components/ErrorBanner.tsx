import { bannerOf } from '../view/banner-of.js';

export function ErrorBanner({ error, target, onTryAgain }: { error: unknown; target: string; onTryAgain: () => void }) {
  const banner = bannerOf(error, target);
  // The banner and its button go away once the API answers; when the step stays the same its heading does not take
  // the focus again, so move it there now rather than let keyboard users drop to the page's body.
  const tryAgain = (event: MouseEvent) => {
    (event.currentTarget as HTMLElement).closest('main')?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    onTryAgain();
  };
  return (
    <div role="alert" class="banner error">
      {banner.kind === 'unreachable' ? (
        <>
          <p>{banner.text}</p>
          <button type="button" onClick={tryAgain}>
            Try again
          </button>
        </>
      ) : (
        <>
          <p class="title">{banner.title}</p>
          {banner.detail && <p>{banner.detail}</p>}
          {banner.retry && <p>{banner.retry}</p>}
        </>
      )}
    </div>
  );
}
