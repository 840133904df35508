import { bannerOf } from '../view/banner-of.js';

export function ErrorBanner({ error, target, onTryAgain }: { error: unknown; target: string; onTryAgain: () => void }) {
  const banner = bannerOf(error, target);
  return (
    <div role="alert" class="banner error">
      {banner.kind === 'unreachable' ? (
        <>
          <p>{banner.text}</p>
          <button type="button" onClick={onTryAgain}>
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
