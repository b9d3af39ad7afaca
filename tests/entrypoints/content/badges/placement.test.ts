import { beforeEach, describe, expect, it } from 'vitest';
import { findPageDois } from '@/utils/detect/page-dois';
import { BADGE_TAG, doiLengthAt, hasBadgeAt, placeBadge } from '@/entrypoints/content/badges/placement';

function setBody(html: string): void {
  // Test fixtures are our own literals, never page or API data.
  document.body.innerHTML = html;
}

/** Places a marker badge for every DOI on the page, like the controller does. */
function badgeAll(): void {
  for (const hit of findPageDois(document.body)) {
    const placement = placeBadge(hit);
    if (!placement.ok || hasBadgeAt(placement.point)) continue;
    placement.point.parent.insertBefore(document.createElement(BADGE_TAG), placement.point.before);
  }
}

/** The page's HTML with badges shown as [B]. */
function shape(): string {
  return document.body.innerHTML.replaceAll(`<${BADGE_TAG}></${BADGE_TAG}>`, '[B]');
}

describe('placeBadge', () => {
  beforeEach(() => setBody(''));

  it('puts the badge after the link, never inside its text', () => {
    setBody('<p>Smith. <a href="https://doi.org/10.1038/nature12373">Nature</a> 2013.</p>');
    badgeAll();
    expect(shape()).toBe('<p>Smith. <a href="https://doi.org/10.1038/nature12373">Nature</a>[B] 2013.</p>');
  });

  it('puts the badge after a DOI written as the link text, outside the link', () => {
    setBody('<li><a class="external" href="https://example.org/x">doi:10.1038/nature12373</a>.</li>');
    badgeAll();
    expect(shape()).toBe('<li><a class="external" href="https://example.org/x">doi:10.1038/nature12373</a>[B].</li>');
  });

  it('puts the badge after the outermost wrapper when the link sits inside a button or label', () => {
    setBody('<label><input type="checkbox"> <a href="https://doi.org/10.1000/abc">x</a></label><button><span>10.1000/def</span></button>');
    badgeAll();
    expect(shape()).toBe('<label><input type="checkbox"> <a href="https://doi.org/10.1000/abc">x</a></label>[B]<button><span>10.1000/def</span></button>[B]');
  });

  it('splits running text right after the DOI and leaves the text itself unchanged', () => {
    setBody('<p>See doi:10.1000/xyz123 for details.</p>');
    badgeAll();
    expect(shape()).toBe('<p>See doi:10.1000/xyz123[B] for details.</p>');
    expect(document.body.textContent).toBe('See doi:10.1000/xyz123 for details.');
  });

  it('keeps a text node whole when only punctuation follows the DOI', () => {
    setBody('<p>doi:10.1000/xyz123.</p>');
    badgeAll();
    expect(shape()).toBe('<p>doi:10.1000/xyz123.[B]</p>');
    expect(document.querySelector('p')!.childNodes).toHaveLength(2);
  });

  it('places one badge after each of several DOIs in one text node', () => {
    setBody('<p>10.1000/a1, 10.1000/b2 and 10.1000/c3 here</p>');
    badgeAll();
    expect(shape()).toBe('<p>10.1000/a1[B], 10.1000/b2[B] and 10.1000/c3[B] here</p>');
  });

  it('finds a badge already in place, so a second pass adds nothing', () => {
    setBody('<p>See 10.1000/a1 and <a href="https://doi.org/10.1000/b2">b</a> and 10.1000/c3.</p>');
    badgeAll();
    const once = shape();
    badgeAll();
    expect(shape()).toBe(once);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(3);
  });

  it('refuses editable content, detached elements and image-map areas', () => {
    setBody('<div contenteditable="true"><span id="t">10.1000/abc</span></div><map><area href="https://doi.org/10.1000/area"></map>');
    const span = document.getElementById('t')!;
    const text = span.firstChild as Text;
    expect(placeBadge({ doi: '10.1000/abc', element: span, kind: 'text', textNode: text, index: 0 })).toMatchObject({ ok: false });
    const area = document.querySelector('area')!;
    expect(placeBadge({ doi: '10.1000/area', element: area, kind: 'link' })).toMatchObject({ ok: false });
    const detached = document.createElement('a');
    expect(placeBadge({ doi: '10.1000/x', element: detached, kind: 'link' })).toMatchObject({ ok: false });
  });

  it('refuses a text hit whose DOI has gone from the node (the page changed it)', () => {
    setBody('<p>10.1000/abc</p>');
    const p = document.querySelector('p')!;
    const text = p.firstChild as Text;
    text.data = 'no identifier any more';
    expect(placeBadge({ doi: '10.1000/abc', element: p, kind: 'text', textNode: text, index: 0 })).toMatchObject({ ok: false });
  });
});

describe('doiLengthAt', () => {
  it('measures the raw DOI at an offset, or null when there is none', () => {
    expect(doiLengthAt('x 10.1000/abc).', 2)).toBe('10.1000/abc'.length);
    expect(doiLengthAt('x 10.1000/abc', 0)).toBeNull();
  });
});
