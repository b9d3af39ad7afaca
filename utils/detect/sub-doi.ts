/**
 * Figures, tables and supplements often have DOIs of their own, built from the article's DOI
 * (PLOS `….g001`, PeerJ `…/fig-1`, eLife `….002`). On their pages the article is what the reader
 * wants, so such sub-DOIs are mapped back to the article DOI.
 */
const SUB_DOI: readonly RegExp[] = [
  // PLOS: figures .g001, tables .t001, supporting information .s001, equations .e001
  /^(10\.1371\/journal\.[a-z]+\.\d{7})\.[gtse]\d{3,4}$/i,
  // PeerJ: /fig-1, /table-2, /supp-3
  /^(10\.7717\/peerj(?:-cs)?\.\d+)\/(?:fig|table|supp|supplemental)-\d+$/i,
  // eLife: 10.7554/eLife.00031.002 (figures, tables, decision letters)
  /^(10\.7554\/elife\.\d{5,6})\.\d{3}$/i,
  // Frontiers supplementary material: 10.3389/fpsyg.2014.00781.s001
  /^(10\.3389\/[a-z]+\.\d{4}\.\d{5})\.s\d{3}$/i,
  // Generic figure/table/supplement paths under an article DOI.
  /^(10\.\d{4,9}\/.+?)\/(?:fig|figure|figures|table|tables|tbl|supp|suppl|supplementary)[-_]?\d{1,3}$/i,
];

/** The article DOI a figure/table/supplement DOI belongs to; other DOIs are returned unchanged. */
export function articleDoiOf(doi: string): string {
  for (const pattern of SUB_DOI) {
    const m = pattern.exec(doi);
    if (m?.[1]) return m[1];
  }
  return doi;
}
